package org.xenoscope.machine.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xenoscope.machine.cpu.Cpu.EAX;
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
import static org.xenoscope.machine.cpu.Snippet.reg;
import static org.xenoscope.machine.cpu.Snippet.run;

import org.junit.jupiter.api.Test;

/**
 * BT BTS BTR BTC (register, imm8 and bit-string memory addressing) and BSF BSR. Expected values are worked out
 * from the SDM. Flags other than CF (BT*) or ZF (BSF/BSR) must keep their values: the documented choice.
 */
class BitOpsTest {
    private static final int NOT_CF = ALL & ~CF;

    // ---------------------------------------------------------------- BT* on registers

    @Test
    void btSetsCfFromTheBitAndKeepsTheRest() {
        FlatMachine fm = run("mov eax, 0x80000000\nbt eax, 31", ZF | SF | OF | AF | PF);
        assertThat(reg(fm, EAX)).isEqualTo(0x80000000);
        assertFlags(fm, ALL);
    }

    @Test
    void btClearBitClearsCf() {
        FlatMachine fm = run("mov eax, 0x7FFFFFFF\nbt eax, 31", CF);
        assertFlags(fm, 0);
    }

    @Test
    void zfSurvivesBtClear() {
        // ZF stays 0 even when the tested bit is 0
        FlatMachine fm = run("mov eax, 0\nbt eax, 3");
        assertFlags(fm, 0);
    }

    @Test
    void zfSurvivesBtsSet() {
        FlatMachine fm = run("mov eax, 8\nbts eax, 3", ZF);
        assertThat(reg(fm, EAX)).isEqualTo(8);
        assertFlags(fm, ZF | CF);
    }

    @Test
    void immediateOffsetIsModuloTheWidth() {
        // 63 mod 32 = 31; 16-bit: 31 mod 16 = 15
        FlatMachine fm = run("mov eax, 0x80000000\nbt eax, 63");
        assertFlags(fm, CF, CF);
        FlatMachine fm16 = run("mov eax, 0x00008000\nbt ax, 31");
        assertFlags(fm16, CF, CF);
    }

    @Test
    void registerOffsetIsModuloTheWidthForARegisterOperand() {
        // 34 mod 32 = 2
        FlatMachine fm = run("mov eax, 4\nmov ecx, 34\nbt eax, ecx");
        assertFlags(fm, CF, CF);
    }

    @Test
    void btsSetsAndReportsOldBit() {
        FlatMachine fm = run("mov eax, 0\nbts eax, 5", CF);
        assertThat(reg(fm, EAX)).isEqualTo(0x20);
        assertFlags(fm, 0);
    }

    @Test
    void btrResetsAndReportsOldBit() {
        FlatMachine fm = run("mov eax, -1\nmov ecx, 0\nbtr eax, ecx");
        assertThat(reg(fm, EAX)).isEqualTo(0xFFFFFFFE);
        assertFlags(fm, CF);
    }

    @Test
    void btcComplements() {
        FlatMachine fm = run("mov eax, 0x10\nbtc eax, 4\nmov ecx, eax\nbtc ecx, 0");
        assertThat(reg(fm, EAX)).isZero();
        assertThat(reg(fm, ECX)).isEqualTo(1);
        assertFlags(fm, CF, 0); // the second BTC saw bit 0 clear
    }

    @Test
    void bts16BitRegisterKeepsUpperHalf() {
        FlatMachine fm = run("mov eax, 0xFFFF0000\nmov cx, 17\nbts ax, cx");
        assertThat(reg(fm, EAX)).isEqualTo(0xFFFF0002); // 17 mod 16 = 1
    }

    // ---------------------------------------------------------------- BT* on memory

    @Test
    void memoryImmediateOffsetStaysInTheOperand() {
        // imm8 33 mod 32 = 1: bit 1 of the first dword, not a bit of the second
        FlatMachine fm = run("bts dword [x], 33\nsection .data\nx: dd 0, 0");
        assertThat(mem32(fm, DATA)).isEqualTo(2);
        assertThat(mem32(fm, DATA + 4)).isZero();
    }

    @Test
    void memoryRegisterOffsetAddressesABitString() {
        // ECX = 37: dword at x + 4 * (37 >> 5) = x + 4, bit 5
        FlatMachine fm = run("mov ecx, 37\nbts [x], ecx\nsection .data\nx: dd 0, 0, 0");
        assertThat(mem32(fm, DATA)).isZero();
        assertThat(mem32(fm, DATA + 4)).isEqualTo(0x20);
        assertFlags(fm, CF, 0);
    }

    @Test
    void memoryRegisterOffsetIsSigned() {
        // ECX = -1 from x + 8: dword at x + 8 + 4 * (-1) = x + 4, bit 31
        FlatMachine fm = run("mov ecx, -1\nbts dword [x + 8], ecx\nsection .data\nx: dd 0, 0, 0");
        assertThat(mem32(fm, DATA + 4)).isEqualTo(0x80000000);
        assertThat(mem32(fm, DATA + 8)).isZero();
    }

    @Test
    void memoryRegisterOffset16BitSelectsWords() {
        // CX = -17: word at y + 2 * (-17 >> 4) = y - 4, bit (-17 & 15) = 15
        FlatMachine fm = run("mov cx, -17\nbts word [y], cx\nsection .data\nx: dw 0, 0\ny: dw 0");
        assertThat(mem16(fm, DATA)).isEqualTo(0x8000);
        assertThat(mem16(fm, DATA + 4)).isZero();
    }

    @Test
    void memoryBtReadsFarBitWithoutWriting() {
        // ECX = 0x40: dword at x + 8, bit 0
        FlatMachine fm = run("mov ecx, 0x40\nbt [x], ecx\nsection .data\nx: dd 0, 0, 1", ZF | OF);
        assertThat(mem32(fm, DATA + 8)).isEqualTo(1);
        assertFlags(fm, CF | ZF | OF);
    }

    @Test
    void memoryBtrAndBtc() {
        FlatMachine fm = run("mov ecx, 35\nbtr [x], ecx\nbtc dword [x], 0\nsection .data\nx: dd 0, 0xFF", SF);
        assertThat(mem32(fm, DATA + 4)).isEqualTo(0xF7);
        assertThat(mem32(fm, DATA)).isEqualTo(1);
        assertFlags(fm, SF); // BTC saw bit 0 clear: CF = 0; SF kept
    }

    // ---------------------------------------------------------------- BSF BSR

    @Test
    void bsfFindsLowestSetBit() {
        FlatMachine fm = run("mov ebx, 0x00F0\nbsf eax, ebx", ZF | CF | OF | SF | AF | PF);
        assertThat(reg(fm, EAX)).isEqualTo(4);
        assertFlags(fm, ALL & ~ZF); // ZF = 0, the others kept
    }

    @Test
    void bsrFindsHighestSetBit() {
        FlatMachine fm = run("mov ebx, 0x00F0\nbsr eax, ebx");
        assertThat(reg(fm, EAX)).isEqualTo(7);
        assertFlags(fm, 0);
    }

    @Test
    void bsrOfTopBit() {
        FlatMachine fm = run("mov ebx, 0x80000001\nbsr eax, ebx\nbsf ecx, ebx");
        assertThat(reg(fm, EAX)).isEqualTo(31);
        assertThat(reg(fm, ECX)).isZero();
    }

    @Test
    void zeroSourceSetsZfAndLeavesDestination() {
        FlatMachine fm = run("mov eax, 0x1234\nmov ebx, 0\nbsf eax, ebx\nmov ecx, 0x5678\nbsr ecx, ebx", CF | PF);
        assertThat(reg(fm, EAX)).isEqualTo(0x1234);
        assertThat(reg(fm, ECX)).isEqualTo(0x5678);
        assertFlags(fm, ZF | CF | PF);
    }

    @Test
    void bsr16BitKeepsUpperHalf() {
        FlatMachine fm = run("mov eax, 0xAAAA5555\nmov bx, 0x8000\nbsr ax, bx");
        assertThat(reg(fm, EAX)).isEqualTo(0xAAAA000F);
    }

    @Test
    void bsfMemorySource() {
        FlatMachine fm = run("bsf ecx, [x]\nsection .data\nx: dd 0x00100000", ZF);
        assertThat(reg(fm, ECX)).isEqualTo(20);
        assertFlags(fm, NOT_CF & ZF, 0);
    }
}
