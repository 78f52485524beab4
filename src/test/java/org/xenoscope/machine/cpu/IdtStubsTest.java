package org.xenoscope.machine.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xenoscope.machine.intr.Vector;

/** The fault-catching helper itself: a fault without and one with an error code. */
class IdtStubsTest {
    @Test
    void undefinedOpcodeIsDeliveredWithoutErrorCode() {
        FlatMachine fm = Snippet.load("mov esi, bad\nbad: ud2");
        IdtStubs idt = IdtStubs.install(fm);
        Snippet.toHalt(fm);
        assertThat(idt.vector()).isEqualTo(Vector.UD);
        assertThat(idt.frameEip()).isEqualTo(fm.cpu.reg(Cpu.ESI));
        assertThat(idt.frameCs()).isEqualTo(IdtStubs.CODE_SEL);
        assertThat(idt.pushedBytes(FlatMachine.STACK)).isEqualTo(12);
    }

    @Test
    void gateBeyondIdtLimitGivesGpWithGateErrorCode() {
        // INT 0x40 with a 32-entry IDT: #GP with error code 0x40 * 8 + 2 (IDT bit set, EXT clear).
        FlatMachine fm = Snippet.load("mov esi, bad\nbad: int 0x40");
        IdtStubs idt = IdtStubs.install(fm);
        Snippet.toHalt(fm);
        assertThat(idt.vector()).isEqualTo(Vector.GP);
        assertThat(idt.errorCode()).isEqualTo(0x40 * 8 + 2);
        assertThat(idt.frameEip()).isEqualTo(fm.cpu.reg(Cpu.ESI));
        assertThat(idt.pushedBytes(FlatMachine.STACK)).isEqualTo(16);
    }

    @Test
    void noFaultLeavesTheSlotEmpty() {
        FlatMachine fm = Snippet.load("mov eax, 1");
        IdtStubs idt = IdtStubs.install(fm);
        Snippet.toHalt(fm);
        assertThat(idt.vector()).isEqualTo(-1);
    }
}
