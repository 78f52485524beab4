package org.xenoscope.machine.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xenoscope.machine.cpu.Cpu.EAX;
import static org.xenoscope.machine.cpu.Cpu.EBX;
import static org.xenoscope.machine.cpu.Snippet.AF;
import static org.xenoscope.machine.cpu.Snippet.ALL;
import static org.xenoscope.machine.cpu.Snippet.CF;
import static org.xenoscope.machine.cpu.Snippet.OF;
import static org.xenoscope.machine.cpu.Snippet.PF;
import static org.xenoscope.machine.cpu.Snippet.SF;
import static org.xenoscope.machine.cpu.Snippet.ZF;
import static org.xenoscope.machine.cpu.Snippet.assertFlags;
import static org.xenoscope.machine.cpu.Snippet.reg;
import static org.xenoscope.machine.cpu.Snippet.run;

import org.junit.jupiter.api.Test;

/**
 * Shifts, rotates, SHLD/SHRD. Expected values are worked out by hand from the SDM's pseudo-code; flags the SDM
 * leaves undefined (OF for counts above 1, AF, CF of SHL/SHR by the width or more, 16-bit SHLD/SHRD beyond 16)
 * are checked against ShiftOps' documented choice in assertions of their own.
 */
class ShiftTest {
    /** Flags a shift with a count above 1 defines. */
    private static final int SHIFT_DEFINED = CF | SF | ZF | PF;
    /** Flags a rotate does not touch. */
    private static final int ROTATE_KEEPS = SF | ZF | AF | PF;

    private static int al(FlatMachine fm) {
        return reg(fm, EAX) & 0xFF;
    }

    private static int ax(FlatMachine fm) {
        return reg(fm, EAX) & 0xFFFF;
    }

    // ---------------------------------------------------------------- count 0 and count masking

    @Test
    void shiftByZeroChangesNothingNotEvenFlags() {
        FlatMachine fm = run("mov eax, 0x81\nshl al, 0", CF | OF | AF);
        assertThat(al(fm)).isEqualTo(0x81);
        assertFlags(fm, CF | OF | AF);
    }

    @Test
    void shiftByClZeroChangesNothing() {
        FlatMachine fm = run("mov eax, 0x80000001\nmov ecx, 0\nsar eax, cl", ZF | SF | PF);
        assertThat(reg(fm, EAX)).isEqualTo(0x80000001);
        assertFlags(fm, ZF | SF | PF);
    }

    @Test
    void countIsMaskedToFiveBitsSo32IsZero() {
        // CL = 32 masks to 0 even for an 8-bit operand (masking to the width would give 0 too, but 40 differs)
        FlatMachine fm = run("mov al, 0x80\nmov cl, 32\nshl al, cl\nmov bl, 0x80\nrcl bl, 32", OF);
        assertThat(al(fm)).isEqualTo(0x80);
        assertThat(reg(fm, EBX) & 0xFF).isEqualTo(0x80);
        assertFlags(fm, OF);
    }

    @Test
    void memoryShiftByZeroLeavesMemoryAndFlags() {
        FlatMachine fm = run("mov cl, 0\nrol dword [x], cl\nsection .data\nx: dd 0x80000001", ZF);
        assertThat(Snippet.mem32(fm, Snippet.DATA)).isEqualTo(0x80000001);
        assertFlags(fm, ZF);
    }

    @Test
    void eightBitShlByTenClearsTheOperand() {
        // masked to 5 bits, 10 stays 10 (masking to the width would give 2 and AL = 4)
        FlatMachine fm = run("mov al, 1\nshl al, 10");
        assertThat(al(fm)).isZero();
        assertFlags(fm, SF | ZF | PF, ZF | PF);
    }

    @Test
    void eightBitShlByFortyIsBySelf8() {
        // 40 & 31 = 8: all bits out; masking to the width would leave AL unchanged
        FlatMachine fm = run("mov al, 0xFF\nshl al, 40");
        assertThat(al(fm)).isZero();
    }

    // ---------------------------------------------------------------- SHL SHR SAR by 1: OF is defined

    @Test
    void shlByOneIntoSignBitSetsOf() {
        FlatMachine fm = run("mov al, 0x40\nshl al, 1", CF | AF);
        assertThat(al(fm)).isEqualTo(0x80);
        assertFlags(fm, ALL & ~AF, OF | SF); // CF = 0 (bit 7 was 0), OF = MSB XOR CF
        assertFlags(fm, AF, 0);
    }

    @Test
    void shlByOneKeepingSignClearsOf() {
        FlatMachine fm = run("mov al, 0xC0\nshl al, 1", OF);
        assertThat(al(fm)).isEqualTo(0x80);
        assertFlags(fm, ALL & ~AF, CF | SF);
    }

    @Test
    void shlByOneToZero() {
        FlatMachine fm = run("mov al, 0x80\nshl al, 1");
        assertThat(al(fm)).isZero();
        assertFlags(fm, ALL & ~AF, CF | OF | ZF | PF);
    }

    @Test
    void shrByOneOfIsOriginalSign() {
        FlatMachine fm = run("mov al, 0x81\nshr al, 1");
        assertThat(al(fm)).isEqualTo(0x40);
        assertFlags(fm, ALL & ~AF, CF | OF);
    }

    @Test
    void shrByOneOfPositiveClearsOf() {
        FlatMachine fm = run("mov eax, 1\nshr eax, 1", OF | SF);
        assertThat(reg(fm, EAX)).isZero();
        assertFlags(fm, ALL & ~AF, CF | ZF | PF);
    }

    @Test
    void sarByOneClearsOf() {
        FlatMachine fm = run("mov al, 0x81\nsar al, 1", OF);
        assertThat(al(fm)).isEqualTo(0xC0);
        assertFlags(fm, ALL & ~AF, CF | SF | PF);
    }

    @Test
    void shl16ByOneViaD1() {
        FlatMachine fm = run("mov eax, 0x12344000\nshl ax, 1");
        assertThat(reg(fm, EAX)).isEqualTo(0x12348000);
        assertFlags(fm, ALL & ~AF, OF | SF | PF);
    }

    // ---------------------------------------------------------------- larger counts

    @Test
    void shl32ByFour() {
        // 0x12345678 << 4 = 0x23456780; CF = bit 28 = 1
        FlatMachine fm = run("mov eax, 0x12345678\nshl eax, 4");
        assertThat(reg(fm, EAX)).isEqualTo(0x23456780);
        assertFlags(fm, SHIFT_DEFINED, CF);
        assertFlags(fm, OF | AF, OF); // documented: OF = MSB(result) XOR CF, AF = 0
    }

    @Test
    void shr32By31() {
        FlatMachine fm = run("mov eax, 0x80000000\nshr eax, 31", OF | CF);
        assertThat(reg(fm, EAX)).isEqualTo(1);
        assertFlags(fm, SHIFT_DEFINED, 0); // CF = bit 30 = 0; one bit set: PF = 0
        assertFlags(fm, OF | AF, 0);       // documented: OF = MSB before the last step = 0
    }

    @Test
    void sar32ByClKeepsSign() {
        FlatMachine fm = run("mov eax, 0x80000010\nmov cl, 5\nsar eax, cl");
        assertThat(reg(fm, EAX)).isEqualTo(0xFC000000);
        assertFlags(fm, SHIFT_DEFINED, CF | SF | PF); // CF = bit 4 = 1
        assertFlags(fm, OF | AF, 0);
    }

    @Test
    void shl8ByExactlyTheWidth() {
        FlatMachine fm = run("mov al, 0xFF\nmov cl, 8\nshl al, cl");
        assertThat(al(fm)).isZero();
        assertFlags(fm, SF | ZF | PF, ZF | PF);
        assertFlags(fm, CF | OF, CF | OF); // documented: CF = bit 0 (the last out), OF = 0 XOR CF
    }

    @Test
    void shl8BeyondTheWidth() {
        FlatMachine fm = run("mov al, 0xFF\nmov cl, 9\nshl al, cl", CF | OF);
        assertThat(al(fm)).isZero();
        assertFlags(fm, SF | ZF | PF, ZF | PF);
        assertFlags(fm, CF | OF, 0); // documented: CF = 0 beyond the width
    }

    @Test
    void shr16ByExactlyTheWidth() {
        FlatMachine fm = run("mov eax, 0xAAAA8001\nmov cl, 16\nshr ax, cl");
        assertThat(reg(fm, EAX)).isEqualTo(0xAAAA0000);
        assertFlags(fm, SF | ZF | PF, ZF | PF);
        assertFlags(fm, CF | OF, CF); // documented: CF = bit 15
    }

    @Test
    void shr16BeyondTheWidth() {
        FlatMachine fm = run("mov ax, 0x8001\nmov cl, 17\nshr ax, cl", CF);
        assertThat(ax(fm)).isZero();
        assertFlags(fm, SF | ZF | PF, ZF | PF);
        assertFlags(fm, CF | OF, 0);
    }

    @Test
    void sar8BeyondTheWidthFillsWithSign() {
        // SAR's CF stays defined: the sign bit
        FlatMachine fm = run("mov al, 0x80\nmov cl, 12\nsar al, cl");
        assertThat(al(fm)).isEqualTo(0xFF);
        assertFlags(fm, SHIFT_DEFINED, CF | SF | PF);
    }

    @Test
    void sar8PositiveBeyondTheWidth() {
        FlatMachine fm = run("mov al, 0x7F\nsar al, 20", CF);
        assertThat(al(fm)).isZero();
        assertFlags(fm, SHIFT_DEFINED, ZF | PF);
    }

    @Test
    void sar16By31() {
        FlatMachine fm = run("mov eax, 0x55558000\nsar ax, 31");
        assertThat(reg(fm, EAX)).isEqualTo(0x5555FFFF);
        assertFlags(fm, SHIFT_DEFINED, CF | SF | PF);
    }

    @Test
    void shlMemoryOperand() {
        // 0x0F000001 << 4 = 0xF0000010; CF = bit 28 = 0
        FlatMachine fm = run("shl dword [x], 4\nsection .data\nx: dd 0x0F000001");
        assertThat(Snippet.mem32(fm, Snippet.DATA)).isEqualTo(0xF0000010);
        assertFlags(fm, SHIFT_DEFINED, SF);
        assertFlags(fm, OF | AF, OF);
    }

    @Test
    void salIsShl() {
        FlatMachine fm = run("mov bl, 0x41\nsal bl, 1");
        assertThat(reg(fm, EBX) & 0xFF).isEqualTo(0x82);
        assertFlags(fm, ALL & ~AF, OF | SF | PF);
    }

    // ---------------------------------------------------------------- ROL ROR

    @Test
    void rolByOneLeavesSzapAlone() {
        // 0x81 rol 1 = 0x03; CF = LSB = 1; OF = MSB XOR CF = 1
        FlatMachine fm = run("mov al, 0x81\nrol al, 1", ZF | SF | AF | PF);
        assertThat(al(fm)).isEqualTo(0x03);
        assertFlags(fm, ZF | SF | AF | PF | CF | OF);
    }

    @Test
    void rolSzapStayClearToo() {
        FlatMachine fm = run("mov al, 0x00\nrol al, 1", CF);
        assertThat(al(fm)).isZero();
        assertFlags(fm, 0); // a zero result does not set ZF: rotates leave it
    }

    @Test
    void rolByTheWidthStillSetsCf() {
        FlatMachine fm = run("mov al, 0x81\nrol al, 8", OF);
        assertThat(al(fm)).isEqualTo(0x81);
        assertFlags(fm, CF | ROTATE_KEEPS, CF);
        assertFlags(fm, OF, 0); // documented: MSB XOR CF = 0
    }

    @Test
    void rol16ByTheWidthClearsCfFromLsb() {
        FlatMachine fm = run("mov ax, 0x1234\nmov cl, 16\nrol ax, cl", CF);
        assertThat(ax(fm)).isEqualTo(0x1234);
        assertFlags(fm, CF | ROTATE_KEEPS, 0);
    }

    @Test
    void rol32By31IsRorByOne() {
        FlatMachine fm = run("mov eax, 0x80000001\nrol eax, 31");
        assertThat(reg(fm, EAX)).isEqualTo(0xC0000000);
        assertFlags(fm, CF, 0);
        assertFlags(fm, OF, OF); // documented
    }

    @Test
    void rorByOne() {
        FlatMachine fm = run("mov al, 0x01\nror al, 1", ZF);
        assertThat(al(fm)).isEqualTo(0x80);
        assertFlags(fm, ZF | CF | OF); // CF = MSB = 1; OF = MSB XOR next = 1
    }

    @Test
    void rorByOneWithoutSignChange() {
        // 0x81 ror 1 = 0xC0: CF = MSB = 1; the sign stays 1, so OF = MSB XOR bit 6 = 0
        FlatMachine fm = run("mov al, 0x81\nror al, 1", OF);
        assertThat(al(fm)).isEqualTo(0xC0);
        assertFlags(fm, CF);
    }

    @Test
    void rorByTwiceTheWidthStillSetsCf() {
        FlatMachine fm = run("mov al, 0x80\nror al, 16");
        assertThat(al(fm)).isEqualTo(0x80);
        assertFlags(fm, CF | ROTATE_KEEPS, CF);
    }

    @Test
    void rorMemoryByCl() {
        FlatMachine fm = run("mov cl, 4\nror byte [x], cl\nsection .data\nx: db 0x1E");
        assertThat(Snippet.mem8(fm, Snippet.DATA)).isEqualTo(0xE1);
        assertFlags(fm, CF, CF);
    }

    // ---------------------------------------------------------------- RCL RCR

    @Test
    void rclByOneTakesCarryIn() {
        FlatMachine fm = run("mov al, 0x80\nrcl al, 1", CF);
        assertThat(al(fm)).isEqualTo(0x01);
        assertFlags(fm, CF | OF); // CF = old MSB; OF = MSB(result) XOR CF = 1
    }

    @Test
    void rcl8ByEightGoesThroughCarry() {
        // CF:AL = 1:0x5A rotated left 8 in 9 bits = rotated right 1: AL = 0xAD, CF = 0
        FlatMachine fm = run("mov al, 0x5A\nmov cl, 8\nrcl al, cl", CF);
        assertThat(al(fm)).isEqualTo(0xAD);
        assertFlags(fm, CF, 0);
    }

    @Test
    void rcl8ByNineIsIdentityWithCarryKept() {
        FlatMachine fm = run("mov al, 0x5A\nmov cl, 9\nrcl al, cl", CF | ZF);
        assertThat(al(fm)).isEqualTo(0x5A);
        assertFlags(fm, CF | ROTATE_KEEPS, CF | ZF);
    }

    @Test
    void rcl8ByEighteenKeepsCarryClear() {
        FlatMachine fm = run("mov al, 0xFF\nrcl al, 18");
        assertThat(al(fm)).isEqualTo(0xFF);
        assertFlags(fm, CF, 0);
    }

    @Test
    void rcl16ByEighteenIsByOne() {
        FlatMachine fm = run("mov ax, 0x8000\nmov cl, 18\nrcl ax, cl");
        assertThat(ax(fm)).isZero();
        assertFlags(fm, CF | OF | ROTATE_KEEPS, CF | OF);
    }

    @Test
    void rcl16BySeventeenIsIdentity() {
        FlatMachine fm = run("mov ax, 0x8001\nrcl ax, 17", CF);
        assertThat(ax(fm)).isEqualTo(0x8001);
        assertFlags(fm, CF, CF);
    }

    @Test
    void rcl32By31HasNoModulo() {
        // 33-bit CF:EAX = 0:0x00000001 rotated left 31 = right 2: bit 0 goes to CF's right neighbour, bit 31
        FlatMachine fm = run("mov eax, 1\nrcl eax, 31");
        assertThat(reg(fm, EAX)).isEqualTo(0x80000000);
        assertFlags(fm, CF, 0);
    }

    @Test
    void rcrByOneTakesCarryIn() {
        FlatMachine fm = run("mov al, 0x01\nrcr al, 1", CF);
        assertThat(al(fm)).isEqualTo(0x80);
        assertFlags(fm, CF | OF); // OF = old MSB XOR old CF = 1
    }

    @Test
    void rcr32ByOneWithoutCarry() {
        FlatMachine fm = run("mov eax, 3\nrcr eax, 1", OF);
        assertThat(reg(fm, EAX)).isEqualTo(1);
        assertFlags(fm, CF);
    }

    @Test
    void rcr8ByNineIsIdentity() {
        FlatMachine fm = run("mov al, 0x33\nmov cl, 9\nrcr al, cl");
        assertThat(al(fm)).isEqualTo(0x33);
        assertFlags(fm, CF, 0);
    }

    @Test
    void rcr16BySeventeenKeepsCarrySet() {
        FlatMachine fm = run("mov ax, 0x1234\nmov cl, 17\nrcr ax, cl", CF | SF);
        assertThat(ax(fm)).isEqualTo(0x1234);
        assertFlags(fm, CF | ROTATE_KEEPS, CF | SF);
    }

    @Test
    void rcr8ByTwo() {
        // CF:AL = 1:0x02 (9 bits 1_0000_0010) rotated right 2: AL = 0x40 | 0x80 >> ... = 0x40 + bit 7 from bit 1
        // step 1: CF=0, AL=0x81; step 2: CF=1, AL=0x40
        FlatMachine fm = run("mov al, 0x02\nrcr al, 2", CF);
        assertThat(al(fm)).isEqualTo(0x40);
        assertFlags(fm, CF, CF);
    }

    // ---------------------------------------------------------------- SHLD SHRD

    @Test
    void shld32ByImmediate() {
        FlatMachine fm = run("mov eax, 0x12345678\nmov ebx, 0x9ABCDEF0\nshld eax, ebx, 8");
        assertThat(reg(fm, EAX)).isEqualTo(0x3456789A);
        assertThat(reg(fm, EBX)).isEqualTo(0x9ABCDEF0);
        assertFlags(fm, SHIFT_DEFINED, PF); // CF = bit 24 = 0; 0x9A has four ones
        assertFlags(fm, OF | AF, 0);
    }

    @Test
    void shrd32ByImmediate() {
        FlatMachine fm = run("mov eax, 0x12345678\nmov ebx, 0x9ABCDEF0\nshrd eax, ebx, 8");
        assertThat(reg(fm, EAX)).isEqualTo(0xF0123456);
        assertFlags(fm, SHIFT_DEFINED, SF | PF); // CF = bit 7 = 0; 0x56 has four ones
        assertFlags(fm, OF | AF, 0);
    }

    @Test
    void shldByOneSignChangeSetsOf() {
        FlatMachine fm = run("mov eax, 0x40000000\nmov ebx, 0x80000000\nshld eax, ebx, 1");
        assertThat(reg(fm, EAX)).isEqualTo(0x80000001);
        assertFlags(fm, ALL & ~AF, OF | SF);
    }

    @Test
    void shrdByOneSignChangeSetsOf() {
        FlatMachine fm = run("mov eax, 1\nmov ebx, 1\nshrd eax, ebx, 1");
        assertThat(reg(fm, EAX)).isEqualTo(0x80000000);
        assertFlags(fm, ALL & ~AF, CF | OF | SF | PF);
    }

    @Test
    void shld16BySixteenGivesTheSource() {
        FlatMachine fm = run("mov eax, 0x77771234\nmov bx, 0xABCD\nmov cl, 16\nshld ax, bx, cl");
        assertThat(reg(fm, EAX)).isEqualTo(0x7777ABCD);
        assertFlags(fm, SHIFT_DEFINED, SF); // CF = bit 0 of 0x1234 = 0; 0xCD has five ones
        assertFlags(fm, OF, OF);            // documented: MSB XOR CF
    }

    @Test
    void shld16BySixteenCarryFromBitZero() {
        FlatMachine fm = run("mov ax, 0x1235\nmov bx, 0xABCD\nshld ax, bx, 16");
        assertThat(ax(fm)).isEqualTo(0xABCD);
        assertFlags(fm, SHIFT_DEFINED, CF | SF);
    }

    @Test
    void shrd16BySixteenGivesTheSource() {
        FlatMachine fm = run("mov ax, 0x8234\nmov bx, 0x00CD\nshrd ax, bx, 16");
        assertThat(ax(fm)).isEqualTo(0x00CD);
        assertFlags(fm, SHIFT_DEFINED, CF); // CF = bit 15 of 0x8234
    }

    @Test
    void shld16BeyondSixteenIsDocumented48BitString() {
        // documented: AX:BX:AX = 0x1234_ABCD_1234 shifted left 20, high 16 bits = 0xBCD1
        FlatMachine fm = run("mov ax, 0x1234\nmov bx, 0xABCD\nshld ax, bx, 20");
        assertThat(ax(fm)).isEqualTo(0xBCD1);
    }

    @Test
    void shrd16BeyondSixteenIsDocumented48BitString() {
        // documented: 0x1234_ABCD_1234 >> 20, low 16 bits = 0x4ABC
        FlatMachine fm = run("mov ax, 0x1234\nmov bx, 0xABCD\nshrd ax, bx, 20");
        assertThat(ax(fm)).isEqualTo(0x4ABC);
    }

    @Test
    void shldMemoryByCl() {
        FlatMachine fm = run("mov ebx, 0xF0000000\nmov cl, 4\nshld [x], ebx, cl\nsection .data\nx: dd 0x12345678");
        assertThat(Snippet.mem32(fm, Snippet.DATA)).isEqualTo(0x2345678F);
        assertFlags(fm, SHIFT_DEFINED, CF); // CF = bit 28 = 1; 0x8F has five ones
    }

    @Test
    void shrdMemoryByImmediate() {
        FlatMachine fm = run("mov ebx, 0xF\nshrd [x], ebx, 4\nsection .data\nx: dd 0x12345678");
        assertThat(Snippet.mem32(fm, Snippet.DATA)).isEqualTo(0xF1234567);
        assertFlags(fm, SHIFT_DEFINED, CF | SF); // CF = bit 3 of 0x78 = 1; 0x67 has five ones
    }

    @Test
    void shldByZeroChangesNothing() {
        FlatMachine fm = run("mov eax, 0x80000000\nmov ebx, -1\nmov cl, 32\nshld eax, ebx, cl", ZF | AF);
        assertThat(reg(fm, EAX)).isEqualTo(0x80000000);
        assertFlags(fm, ZF | AF);
    }

    @Test
    void shrdCountMaskedToFiveBits() {
        // 33 & 31 = 1
        FlatMachine fm = run("mov eax, 2\nmov ebx, 0\nshrd eax, ebx, 33");
        assertThat(reg(fm, EAX)).isEqualTo(1);
    }
}
