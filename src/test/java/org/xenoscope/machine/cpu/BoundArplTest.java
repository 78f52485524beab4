package org.xenoscope.machine.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xenoscope.machine.cpu.Cpu.EAX;
import static org.xenoscope.machine.cpu.Cpu.ECX;
import static org.xenoscope.machine.cpu.Cpu.EDX;
import static org.xenoscope.machine.cpu.Cpu.ESI;
import static org.xenoscope.machine.cpu.Snippet.ALL;
import static org.xenoscope.machine.cpu.Snippet.CF;
import static org.xenoscope.machine.cpu.Snippet.DATA;
import static org.xenoscope.machine.cpu.Snippet.SF;
import static org.xenoscope.machine.cpu.Snippet.ZF;
import static org.xenoscope.machine.cpu.Snippet.assertFlags;
import static org.xenoscope.machine.cpu.Snippet.mem16;
import static org.xenoscope.machine.cpu.Snippet.reg;
import static org.xenoscope.machine.cpu.Snippet.run;

import org.junit.jupiter.api.Test;
import org.xenoscope.machine.intr.Vector;

/** BOUND (signed bounds pair in memory, #BR when out of range) and ARPL (raise a selector's RPL, ZF). */
class BoundArplTest {
    private static final String BOUNDS32 = "\nsection .data\nlimits: dd -5, 100\nsection .text\n";
    private static final String BOUNDS16 = "\nsection .data\nlimits: dw 0x8000, 0x7FFF\nsection .text\n";

    @Test
    void boundInRangeChangesNothing() {
        for (int index : new int[] {-5, 0, 100}) {
            FlatMachine fm = run("mov eax, " + index + "\nbound eax, [limits]\nmov ecx, 1" + BOUNDS32, CF | SF);
            assertThat(reg(fm, ECX)).isEqualTo(1);
            assertThat(reg(fm, EAX)).isEqualTo(index);
            assertFlags(fm, ALL, CF | SF);
        }
    }

    @Test
    void boundComparesSigned16BitBoundsWithAWordIndex() {
        // bounds -32768 .. 32767 hold every word index, whatever EAX's upper half is
        FlatMachine fm = run("mov eax, 0x12348000\nbound ax, [limits]\nmov ecx, 1" + BOUNDS16);
        assertThat(reg(fm, ECX)).isEqualTo(1);
    }

    @Test
    void boundOutOfRangeRaisesBrAsAFault() {
        for (int index : new int[] {-6, 101, 0x80000000}) {
            FlatMachine fm = Snippet.load("mov eax, " + index + "\nmov esi, f\nf: bound eax, [limits]" + BOUNDS32);
            IdtStubs idt = IdtStubs.install(fm);
            Snippet.toHalt(fm);
            assertThat(idt.vector()).as("index %d", index).isEqualTo(Vector.BR);
            assertThat(idt.pushedBytes(FlatMachine.STACK)).as("no error code").isEqualTo(12);
            assertThat(idt.frameEip()).as("EIP of the BOUND").isEqualTo(reg(fm, ESI));
        }
    }

    @Test
    void arplRaisesALowerRplAndSetsZf() {
        FlatMachine fm = run("mov edx, 0xABCD0010\nmov ecx, 0x0003\narpl dx, cx");
        assertThat(reg(fm, EDX)).isEqualTo(0xABCD0013);
        assertFlags(fm, ZF, ZF);
    }

    @Test
    void arplLeavesAnEqualOrHigherRplAndClearsZf() {
        FlatMachine fm = run("mov edx, 0x0012\nmov ecx, 0x0001\narpl dx, cx\nmov eax, 0x1B\nmov ecx, 3\n"
            + "arpl ax, cx", ZF | CF);
        assertThat(reg(fm, EDX)).isEqualTo(0x12);
        assertThat(reg(fm, EAX)).isEqualTo(0x1B);
        assertFlags(fm, ALL, CF); // ZF cleared, CF kept
    }

    @Test
    void arplOnMemoryWritesOnlyTheWord() {
        FlatMachine fm = run("mov ecx, 2\narpl [sel], cx\nsection .data\nsel: dw 0x0028\ndw 0x5555");
        assertThat(mem16(fm, DATA)).isEqualTo(0x002A);
        assertThat(mem16(fm, DATA + 2)).isEqualTo(0x5555);
        assertFlags(fm, ZF, ZF);
        assertThat(reg(fm, ESI)).isZero();
    }
}
