package org.xenoscope.machine.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xenoscope.machine.cpu.Cpu.EAX;
import static org.xenoscope.machine.cpu.Cpu.EBX;
import static org.xenoscope.machine.cpu.Cpu.ECX;
import static org.xenoscope.machine.cpu.Snippet.AF;
import static org.xenoscope.machine.cpu.Snippet.ALL;
import static org.xenoscope.machine.cpu.Snippet.CF;
import static org.xenoscope.machine.cpu.Snippet.DATA;
import static org.xenoscope.machine.cpu.Snippet.OF;
import static org.xenoscope.machine.cpu.Snippet.PF;
import static org.xenoscope.machine.cpu.Snippet.SF;
import static org.xenoscope.machine.cpu.Snippet.ZF;
import static org.xenoscope.machine.cpu.Snippet.assertFlags;
import static org.xenoscope.machine.cpu.Snippet.mem16;
import static org.xenoscope.machine.cpu.Snippet.mem32;
import static org.xenoscope.machine.cpu.Snippet.mem8;
import static org.xenoscope.machine.cpu.Snippet.reg;
import static org.xenoscope.machine.cpu.Snippet.run;

import org.junit.jupiter.api.Test;

/**
 * ADD ADC SUB SBB CMP AND OR XOR TEST INC DEC NEG NOT in 8, 16 and 32 bits, register, memory and immediate forms.
 * Every flag here is defined by the SDM except AF after the logic operations (documented: cleared). Expected
 * values are worked out by hand: PF is set when the low byte of the result has an even number of ones.
 */
class AluTest {
    // ---------------------------------------------------------------- ADD and carry/overflow boundaries

    @Test
    void add32MaxIntPlusOneOverflows() {
        FlatMachine fm = run("mov eax, 0x7FFFFFFF\nadd eax, 1");
        assertThat(reg(fm, EAX)).isEqualTo(0x80000000);
        assertFlags(fm, OF | SF | AF | PF);
    }

    @Test
    void add8FfPlusOneCarriesAndKeepsUpperBits() {
        FlatMachine fm = run("mov eax, 0x123456FF\nadd al, 1");
        assertThat(reg(fm, EAX)).isEqualTo(0x12345600);
        assertFlags(fm, CF | ZF | AF | PF);
    }

    @Test
    void add16BothSignBitsCarriesAndOverflows() {
        FlatMachine fm = run("mov ax, 0x8000\nadd ax, 0x8000");
        assertThat(reg(fm, EAX) & 0xFFFF).isZero();
        assertFlags(fm, CF | OF | ZF | PF);
    }

    @Test
    void addSignExtendedImm8Of32Bits() {
        // 83 /0 ib with -1: 0x10 + 0xFFFFFFFF = 0x0F, carry out; no nibble carry
        FlatMachine fm = run("mov ebx, 0x10\nadd ebx, byte -1");
        assertThat(reg(fm, EBX)).isEqualTo(0x0F);
        assertFlags(fm, CF | PF);
    }

    @Test
    void addHighByteRegister() {
        FlatMachine fm = run("mov eax, 0x11221033\nadd ah, 0xF0");
        assertThat(reg(fm, EAX)).isEqualTo(0x11220033);
        assertFlags(fm, CF | ZF | PF);
    }

    @Test
    void addShortAccumulatorForms() {
        // 04 ib, 66 05 iw, 05 id
        FlatMachine fm = run("mov eax, 0\nadd al, 5\nadd ax, 0x1230\nadd eax, 0x12340000");
        assertThat(reg(fm, EAX)).isEqualTo(0x12341235);
        assertFlags(fm, PF); // 0x35 has four ones; the last ADD had no nibble carry
    }

    @Test
    void addMemoryForms() {
        FlatMachine fm = run("mov eax, 3\nadd dword [x], 0x10\nadd [x], eax\nadd ecx, [x]\n"
            + "add word [y], -2\nadd byte [z], 0x80\n"
            + "section .data\nx: dd 0x100\ny: dw 1\nz: db 0x80");
        assertThat(mem32(fm, DATA)).isEqualTo(0x113);
        assertThat(reg(fm, ECX)).isEqualTo(0x113);
        assertThat(mem16(fm, DATA + 4)).isEqualTo(0xFFFF);
        assertThat(mem8(fm, DATA + 6)).isZero();
        assertFlags(fm, CF | OF | ZF | PF); // 0x80 + 0x80 in 8 bits
    }

    // ---------------------------------------------------------------- ADC / SBB with carry in

    @Test
    void adcCarryInWrapsToZero() {
        FlatMachine fm = run("mov eax, 0xFFFFFFFF\nadc eax, 0", CF);
        assertThat(reg(fm, EAX)).isZero();
        assertFlags(fm, CF | ZF | AF | PF);
    }

    @Test
    void adcWithoutCarryIn() {
        FlatMachine fm = run("mov eax, 0xFFFFFFFF\nadc eax, 0");
        assertThat(reg(fm, EAX)).isEqualTo(0xFFFFFFFF);
        assertFlags(fm, SF | PF);
    }

    @Test
    void adc8CarryInOverflows() {
        FlatMachine fm = run("mov al, 0x7F\nadc al, 0", CF);
        assertThat(reg(fm, EAX) & 0xFF).isEqualTo(0x80);
        assertFlags(fm, OF | SF | AF);
    }

    @Test
    void adc8AllOnesPlusAllOnesPlusCarry() {
        // 0xFF + 0xFF + 1 = 0x1FF
        FlatMachine fm = run("mov al, 0xFF\nmov bl, 0xFF\nadc al, bl", CF);
        assertThat(reg(fm, EAX) & 0xFF).isEqualTo(0xFF);
        assertFlags(fm, CF | SF | AF | PF);
    }

    @Test
    void adc16MemoryWithCarry() {
        // 0x7FFF + 0 + 1 = 0x8000
        FlatMachine fm = run("mov ax, 0\nadc [x], ax\nsection .data\nx: dw 0x7FFF", CF);
        assertThat(mem16(fm, DATA)).isEqualTo(0x8000);
        assertFlags(fm, OF | SF | AF | PF);
    }

    @Test
    void sbbBorrowInFromZero() {
        FlatMachine fm = run("mov eax, 0\nsbb eax, 0", CF);
        assertThat(reg(fm, EAX)).isEqualTo(0xFFFFFFFF);
        assertFlags(fm, CF | SF | AF | PF);
    }

    @Test
    void sbbEqualOperandsWithBorrowInBorrows() {
        FlatMachine fm = run("mov eax, 5\nsbb eax, 5", CF);
        assertThat(reg(fm, EAX)).isEqualTo(-1);
        assertFlags(fm, CF | SF | AF | PF);
    }

    @Test
    void sbb8BorrowInOverflows() {
        FlatMachine fm = run("mov al, 0x80\nsbb al, 0", CF);
        assertThat(reg(fm, EAX) & 0xFF).isEqualTo(0x7F);
        assertFlags(fm, OF | AF);
    }

    @Test
    void sbbWithoutBorrowInIsSub() {
        FlatMachine fm = run("mov ecx, 10\nsbb ecx, 3");
        assertThat(reg(fm, ECX)).isEqualTo(7);
        assertFlags(fm, 0); // no nibble borrow (0xA >= 0x3); 7 has three ones: PF = 0
    }

    // ---------------------------------------------------------------- SUB / CMP

    @Test
    void sub32MinIntMinusOneOverflows() {
        FlatMachine fm = run("mov eax, 0x80000000\nsub eax, 1");
        assertThat(reg(fm, EAX)).isEqualTo(0x7FFFFFFF);
        assertFlags(fm, OF | AF | PF);
    }

    @Test
    void sub16SignExtendedImm8() {
        // 66 83 /5 ib with -3: 5 - 0xFFFD = 8 with a borrow
        FlatMachine fm = run("mov eax, 0xABCD0005\nsub ax, byte -3");
        assertThat(reg(fm, EAX)).isEqualTo(0xABCD0008);
        assertFlags(fm, CF | AF);
    }

    @Test
    void subToZero() {
        FlatMachine fm = run("mov bl, 0x42\nsub bl, 0x42", CF | SF);
        assertThat(reg(fm, EBX) & 0xFF).isZero();
        assertFlags(fm, ZF | PF);
    }

    @Test
    void subMemoryDestination() {
        FlatMachine fm = run("sub byte [x], 1\nsection .data\nx: db 0");
        assertThat(mem8(fm, DATA)).isEqualTo(0xFF);
        assertFlags(fm, CF | SF | AF | PF);
    }

    @Test
    void cmpSetsFlagsOnly() {
        FlatMachine fm = run("mov eax, 1\ncmp eax, 2");
        assertThat(reg(fm, EAX)).isEqualTo(1);
        assertFlags(fm, CF | SF | AF | PF);
    }

    @Test
    void cmpMemoryWithRegister() {
        FlatMachine fm = run("mov eax, 0x80000000\ncmp [x], eax\nsection .data\nx: dd 0x7FFFFFFF");
        assertThat(mem32(fm, DATA)).isEqualTo(0x7FFFFFFF);
        // 0x7FFFFFFF - 0x80000000 = 0xFFFFFFFF: borrow, and positive minus negative overflowed
        assertFlags(fm, CF | OF | SF | PF);
    }

    @Test
    void cmp8ImmediateEqual() {
        FlatMachine fm = run("mov cl, 0x7F\ncmp cl, 0x7F");
        assertFlags(fm, ZF | PF);
    }

    // ---------------------------------------------------------------- AND OR XOR TEST

    @Test
    void andClearsCfOfAndAf() {
        FlatMachine fm = run("mov eax, 0xF0F0F0F0\nand eax, 0x0FF00FF0", ALL);
        assertThat(reg(fm, EAX)).isEqualTo(0x00F000F0);
        assertFlags(fm, ALL & ~AF, PF);
        assertFlags(fm, AF, 0); // documented choice for the undefined AF
    }

    @Test
    void or8() {
        FlatMachine fm = run("mov al, 0x80\nor al, 0x01", CF | OF);
        assertThat(reg(fm, EAX) & 0xFF).isEqualTo(0x81);
        assertFlags(fm, SF | PF);
    }

    @Test
    void xorSelfIsZero() {
        FlatMachine fm = run("mov eax, 0x12345678\nxor eax, eax", CF | SF);
        assertThat(reg(fm, EAX)).isZero();
        assertFlags(fm, ZF | PF);
    }

    @Test
    void xor16MemoryWithSignExtendedImm8() {
        FlatMachine fm = run("xor word [x], byte -1\nsection .data\nx: dw 0x00FF");
        assertThat(mem16(fm, DATA)).isEqualTo(0xFF00);
        assertFlags(fm, SF | PF);
    }

    @Test
    void andMemoryWithRegister() {
        FlatMachine fm = run("mov ebx, 0x0000FFFF\nand [x], ebx\nsection .data\nx: dd 0x12345678");
        assertThat(mem32(fm, DATA)).isEqualTo(0x5678);
        assertFlags(fm, PF); // 0x78 has four ones
    }

    @Test
    void testLeavesOperandAndSetsSf() {
        FlatMachine fm = run("mov eax, 0x80000000\ntest eax, eax", CF | OF);
        assertThat(reg(fm, EAX)).isEqualTo(0x80000000);
        assertFlags(fm, SF | PF);
    }

    @Test
    void testMemoryByteImmediate() {
        FlatMachine fm = run("test byte [x], 0x03\nsection .data\nx: db 0x02", ZF);
        assertThat(mem8(fm, DATA)).isEqualTo(2);
        assertFlags(fm, 0);
    }

    // ---------------------------------------------------------------- INC DEC: CF survives

    @Test
    void incKeepsCfSetAndOverflows() {
        FlatMachine fm = run("mov eax, 0x7FFFFFFF\ninc eax", CF);
        assertThat(reg(fm, EAX)).isEqualTo(0x80000000);
        assertFlags(fm, CF | OF | SF | AF | PF);
    }

    @Test
    void incWrapDoesNotSetCf() {
        FlatMachine fm = run("mov al, 0xFF\ninc al");
        assertThat(reg(fm, EAX) & 0xFF).isZero();
        assertFlags(fm, ZF | AF | PF);
    }

    @Test
    void incKeepsCfComputedLazilyByAdd() {
        // ADD leaves CF lazily; INC must keep it
        FlatMachine fm = run("mov al, 0xFF\nadd al, 1\nmov ebx, 5\ninc ebx");
        assertThat(reg(fm, EBX)).isEqualTo(6);
        assertFlags(fm, CF | PF);
    }

    @Test
    void decKeepsCfThroughAChain() {
        FlatMachine fm = run("mov eax, 0x80000000\ninc eax\ndec eax\ndec eax", CF);
        assertThat(reg(fm, EAX)).isEqualTo(0x7FFFFFFF);
        assertFlags(fm, CF | OF | AF | PF);
    }

    @Test
    void dec16ZeroWrapsWithoutCf() {
        FlatMachine fm = run("mov eax, 0x12340000\ndec ax");
        assertThat(reg(fm, EAX)).isEqualTo(0x1234FFFF);
        assertFlags(fm, SF | AF | PF);
    }

    @Test
    void incDecMemory() {
        FlatMachine fm = run("inc byte [x]\ndec dword [y]\nsection .data\nx: db 0x7F\nalign 4\ny: dd 1", CF);
        assertThat(mem8(fm, DATA)).isEqualTo(0x80);
        assertThat(mem32(fm, DATA + 4)).isZero();
        assertFlags(fm, CF | ZF | PF);
    }

    // ---------------------------------------------------------------- NEG NOT

    @Test
    void negZeroClearsCf() {
        FlatMachine fm = run("mov eax, 0\nneg eax", CF);
        assertThat(reg(fm, EAX)).isZero();
        assertFlags(fm, ZF | PF);
    }

    @Test
    void neg8MostNegativeOverflows() {
        FlatMachine fm = run("mov al, 0x80\nneg al");
        assertThat(reg(fm, EAX) & 0xFF).isEqualTo(0x80);
        assertFlags(fm, CF | OF | SF);
    }

    @Test
    void negOne() {
        FlatMachine fm = run("mov ebx, 1\nneg ebx");
        assertThat(reg(fm, EBX)).isEqualTo(-1);
        assertFlags(fm, CF | SF | AF | PF);
    }

    @Test
    void neg16Memory() {
        FlatMachine fm = run("neg word [x]\nsection .data\nx: dw 5");
        assertThat(mem16(fm, DATA)).isEqualTo(0xFFFB);
        assertFlags(fm, CF | SF | AF);
    }

    @Test
    void notChangesNoFlag() {
        FlatMachine fm = run("mov eax, 0x0F0F0F0F\nnot eax\nnot byte [x]\nsection .data\nx: db 0x5A", CF | ZF);
        assertThat(reg(fm, EAX)).isEqualTo(0xF0F0F0F0);
        assertThat(mem8(fm, DATA)).isEqualTo(0xA5);
        assertFlags(fm, CF | ZF);
    }
}
