package org.xenoscope.machine.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xenoscope.machine.cpu.Cpu.EAX;
import static org.xenoscope.machine.cpu.Snippet.AF;
import static org.xenoscope.machine.cpu.Snippet.CF;
import static org.xenoscope.machine.cpu.Snippet.OF;
import static org.xenoscope.machine.cpu.Snippet.PF;
import static org.xenoscope.machine.cpu.Snippet.SF;
import static org.xenoscope.machine.cpu.Snippet.ZF;
import static org.xenoscope.machine.cpu.Snippet.assertFlags;
import static org.xenoscope.machine.cpu.Snippet.reg;
import static org.xenoscope.machine.cpu.Snippet.run;

import org.junit.jupiter.api.Test;
import org.xenoscope.machine.intr.Vector;

/**
 * DAA DAS AAA AAS AAM AAD. Expected values worked out by hand from the SDM's pseudo-code; the flags the SDM
 * leaves undefined are checked against BcdOps' documented choice (OF cleared, SF ZF PF from AL, AAM/AAD clear AF
 * and CF) in assertions of their own.
 */
class BcdTest {
    @Test
    void daaAfterPackedAdditionWithDecimalCarry() {
        // 0x79 + 0x35 = 0xAE; adjusted: 0x14, carry (79 + 35 = 114)
        FlatMachine fm = run("mov eax, 0x12345679\nadd al, 0x35\ndaa");
        assertThat(reg(fm, EAX)).isEqualTo(0x12345614);
        assertFlags(fm, CF | AF | SF | ZF | PF, CF | AF | PF); // 0x14: two ones, even parity
        assertFlags(fm, OF, 0);
    }

    @Test
    void daaWithoutAdjustmentClearsCfAndAf() {
        FlatMachine fm = run("mov al, 0x42\ndaa");
        assertThat(reg(fm, EAX) & 0xFF).isEqualTo(0x42);
        assertFlags(fm, CF | AF | SF | ZF | PF, PF);
    }

    @Test
    void daaAfterHalfCarryAndCarry() {
        // 0x99 + 0x99 = 0x132: AL = 0x32, CF = AF = 1; DAA: 0x32 + 6 + 0x60 = 0x98, CF = 1
        FlatMachine fm = run("mov al, 0x99\nadd al, 0x99\ndaa");
        assertThat(reg(fm, EAX) & 0xFF).isEqualTo(0x98);
        assertFlags(fm, CF | AF | SF | ZF | PF, CF | AF | SF);
    }

    @Test
    void dasAfterPackedSubtractionWithBorrow() {
        // 0x35 - 0x47 = 0xEE (CF AF); DAS: 0xEE - 6 - 0x60 = 0x88: 35 - 47 = -12 -> 88 with borrow
        FlatMachine fm = run("mov al, 0x35\nsub al, 0x47\ndas");
        assertThat(reg(fm, EAX) & 0xFF).isEqualTo(0x88);
        assertFlags(fm, CF | AF | SF | ZF | PF, CF | AF | SF | PF);
    }

    @Test
    void dasFirstStepBorrowSetsCf() {
        // AL = 0x03 with AF = 1, CF = 0: AL - 6 borrows, so CF = 1 (old AL <= 0x99: no second step)
        FlatMachine fm = run("mov al, 3\ndas", AF);
        assertThat(reg(fm, EAX) & 0xFF).isEqualTo(0xFD);
        assertFlags(fm, CF | AF | SF | ZF | PF, CF | AF | SF);
    }

    @Test
    void aaaAdjustsWholeAx() {
        // 9 + 8 = 0x11 with AF: AX = 0x0011 + 0x106 = 0x0117 -> AL low nibble: 0x0107
        FlatMachine fm = run("mov eax, 0xAB000009\nadd al, 8\naaa");
        assertThat(reg(fm, EAX)).isEqualTo(0xAB000107);
        assertFlags(fm, CF | AF, CF | AF);
        assertFlags(fm, OF | SF | ZF | PF, 0); // AL = 7: three ones, odd parity
    }

    @Test
    void aaaCarryOutOfAlReachesAh() {
        // AL = 0xFA (low nibble 10 > 9): AX = 0x01FA + 0x106 = 0x0300 -> 0x0300
        FlatMachine fm = run("mov ax, 0x01FA\naaa");
        assertThat(reg(fm, EAX) & 0xFFFF).isEqualTo(0x0300);
        assertFlags(fm, CF | AF | ZF, CF | AF | ZF);
    }

    @Test
    void aaaWithoutAdjustmentOnlyMasksAl() {
        FlatMachine fm = run("mov ax, 0x0535\naaa");
        assertThat(reg(fm, EAX) & 0xFFFF).isEqualTo(0x0505);
        assertFlags(fm, CF | AF, 0);
    }

    @Test
    void aasBorrowsFromAh() {
        // 3 - 5 = 0xFE with AF: AL - 6 = 0xF8, AH - 1; AL low nibble: AX = 0x0108
        FlatMachine fm = run("mov ax, 0x0203\nsub al, 5\naas");
        assertThat(reg(fm, EAX) & 0xFFFF).isEqualTo(0x0108);
        assertFlags(fm, CF | AF, CF | AF);
    }

    @Test
    void aamSplitsAlByTheBase() {
        FlatMachine fm = run("mov eax, 0x7777FF3F\naam"); // 63 = 6 * 10 + 3
        assertThat(reg(fm, EAX)).isEqualTo(0x77770603);
        assertFlags(fm, SF | ZF | PF, PF);
        assertFlags(fm, OF | AF | CF, 0);
        FlatMachine hex = run("mov al, 0xBC\naam 16");
        assertThat(reg(hex, EAX) & 0xFFFF).isEqualTo(0x0B0C);
    }

    @Test
    void aadJoinsAhAndAl() {
        FlatMachine fm = run("mov eax, 0x55550907\naad"); // 9 * 10 + 7 = 97
        assertThat(reg(fm, EAX)).isEqualTo(0x55550061);
        assertFlags(fm, SF | ZF | PF, 0); // 0x61: three ones
        FlatMachine wrap = run("mov ax, 0xFFFF\naad 255"); // 255 * 255 + 255 = 0xFF00 -> AL = 0
        assertThat(reg(wrap, EAX) & 0xFFFF).isEqualTo(0);
        assertFlags(wrap, SF | ZF | PF, ZF | PF);
    }

    @Test
    void aamByZeroRaisesDivideErrorAndChangesNothing() {
        FlatMachine fm = Snippet.load("mov eax, 0x1234\nmov esi, f\nf: aam 0");
        IdtStubs idt = IdtStubs.install(fm);
        Snippet.toHalt(fm);
        assertThat(idt.vector()).isEqualTo(Vector.DE);
        assertThat(reg(fm, EAX)).isEqualTo(0x1234);
    }
}
