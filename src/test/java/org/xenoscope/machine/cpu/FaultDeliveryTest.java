package org.xenoscope.machine.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xenoscope.machine.RunResult;
import org.xenoscope.machine.StopReason;
import org.xenoscope.machine.intr.InterruptController;
import org.xenoscope.machine.intr.Vector;

/**
 * Exception delivery corner cases: faults while delivering a fault (double fault, SDM Vol. 3 §6.15 Table 6-5),
 * shutdown on a fault while delivering #DF (triple fault), the EXT and IDT bits of error codes, single-step
 * traps (§17.3.1.4) and the one-instruction interrupt shadows of STI and MOV SS (§6.8.3, Vol. 2 "STI").
 */
class FaultDeliveryTest {
    @Test
    void pageFaultThroughAnAbsentGateBecomesADoubleFault() {
        ProtectedModeSetup pm = new ProtectedModeSetup().kernel("""
                mov ecx, [0x400000]     ; not mapped: #PF, whose gate is absent: #NP: #PF then #NP is a #DF
            """);
        pm.build2Level();
        pm.enable2Level();
        pm.gate(Vector.PF, 0, false);
        pm.run();
        ProtectedModeSetup.Event e = pm.onlyEvent();
        assertThat(e.vector()).isEqualTo(Vector.DF);
        assertThat(e.error()).isZero();
        assertThat(e.cr2()).isEqualTo(0x400000); // CR2 was loaded when the #PF was detected
    }

    @Test
    void twoContributoryFaultsMakeADoubleFault() {
        ProtectedModeSetup pm = new ProtectedModeSetup().kernel("""
                mov eax, TSS
                mov ds, ax              ; #GP(0x38); the #GP gate is absent: #NP
            """);
        pm.gate(Vector.GP, 0, false);
        pm.run();
        assertThat(pm.onlyEvent().vector()).isEqualTo(Vector.DF);
        assertThat(pm.onlyEvent().error()).isZero();
    }

    @Test
    void aBenignExceptionThroughAnAbsentGateIsDeliveredAsNpWithIdtAndExtBits() {
        ProtectedModeSetup pm = new ProtectedModeSetup().kernel("""
            fault:
                ud2
            """);
        pm.gate(Vector.UD, 0, false);
        pm.run();
        ProtectedModeSetup.Event e = pm.onlyEvent();
        assertThat(e.vector()).isEqualTo(Vector.NP);
        // selector-format error code: index 6, IDT bit (2), EXT bit (1): the event came from the CPU itself
        assertThat(e.error()).isEqualTo((Vector.UD << 3) | 2 | 1);
        assertThat(e.eip()).isEqualTo(pm.sym("fault"));
    }

    @Test
    void aFaultWhileDeliveringADoubleFaultShutsTheMachineDown() {
        ProtectedModeSetup pm = new ProtectedModeSetup().kernel("""
                mov ecx, [0x400000]
            """);
        pm.build2Level();
        pm.enable2Level();
        pm.gate(Vector.PF, 0, false);
        pm.gate(Vector.DF, 0, false);
        RunResult r = pm.run();
        assertThat(r.reason()).isEqualTo(StopReason.TRIPLE_FAULT);
        assertThat(r.detail()).contains("triple fault");
        assertThat(pm.events()).isEmpty();
        // it stays shut down
        assertThat(pm.run().reason()).isEqualTo(StopReason.TRIPLE_FAULT);
    }

    @Test
    void anEmptyIdtTripleFaultsOnTheFirstException() {
        ProtectedModeSetup pm = new ProtectedModeSetup().kernel("""
                lidt [empty]
                int3                    ; #GP(vector 3) for the gate beyond the limit, then #DF, then shutdown
            empty: dw 0
                   dd 0
            """);
        RunResult r = pm.run();
        assertThat(r.reason()).isEqualTo(StopReason.TRIPLE_FAULT);
        assertThat(r.instructions()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void singleStepTrapsAfterEachInstructionOnceTfIsSet() {
        ProtectedModeSetup pm = new ProtectedModeSetup().kernel("""
                pushfd
                or dword [esp], 0x100
                popfd                   ; sets TF: no trap after the instruction that sets it
            a1: nop
            a2: mov ecx, 5
            a3: add ecx, 1
            a4: pushfd
            a5: and dword [esp], ~0x100
            a6: popfd                   ; TF was set when it began: one more trap
            a7: cli
                hlt
            """);
        pm.resume(Vector.DB);
        pm.run();
        List<ProtectedModeSetup.Event> ev = pm.events();
        assertThat(ev).extracting(ProtectedModeSetup.Event::eip).containsExactly(
            pm.sym("a2"), pm.sym("a3"), pm.sym("a4"), pm.sym("a5"), pm.sym("a6"), pm.sym("a7"));
        assertThat(ev).allSatisfy(e -> assertThat(e.vector()).isEqualTo(Vector.DB));
        // the pushed EFLAGS still has TF (the IRET re-arms it), except after the POPF that cleared it
        assertThat(ev.subList(0, 5)).allSatisfy(e -> assertThat(e.eflags() & 0x100).isEqualTo(0x100));
        assertThat(ev.get(5).eflags() & 0x100).isZero();
        assertThat(pm.cpu.dr[6] & (1 << 14)).as("DR6.BS").isNotZero();
        assertThat(pm.cpu.reg(Cpu.ECX)).isEqualTo(6);
    }

    @Test
    void movSsHoldsBackTheSingleStepTrapForOneInstruction() {
        ProtectedModeSetup pm = new ProtectedModeSetup().kernel("""
                mov eax, ss
                pushfd
                or dword [esp], 0x100
                popfd
            b1: mov ss, ax              ; no trap here: MOV SS inhibits debug exceptions
            b2: nop
            b3: nop
            b4: pushfd
                and dword [esp], ~0x100
                popfd
                cli
                hlt
            """);
        pm.resume(Vector.DB);
        pm.run();
        assertThat(pm.events()).extracting(ProtectedModeSetup.Event::eip).startsWith(pm.sym("b3"), pm.sym("b4"));
    }

    /** INTR asserted from a given cycle on, with vector 0x40; counts acknowledges. */
    private static final class Line implements InterruptController {
        private final Cpu cpu;
        private final long from;
        int acks;

        Line(Cpu cpu, long from) {
            this.cpu = cpu;
            this.from = from;
        }

        @Override
        public boolean intrAsserted() {
            return acks == 0 && cpu.cycles() >= from;
        }

        @Override
        public int acknowledge() {
            acks++;
            return 0x40;
        }
    }

    @Test
    void stiLetsOneMoreInstructionRunBeforeAnInterrupt() {
        ProtectedModeSetup pm = new ProtectedModeSetup().kernel("""
                sti
                mov ecx, 1              ; runs in the STI shadow
            next:
                mov ecx, 2
                cli
                hlt
            """);
        Line line = new Line(pm.cpu, 0);
        pm.cpu.setInterruptController(line);
        pm.run();
        assertThat(line.acks).isEqualTo(1);
        assertThat(pm.onlyEvent().vector()).isEqualTo(0x40);
        assertThat(pm.onlyEvent().eip()).isEqualTo(pm.sym("next"));
        assertThat(pm.cpu.reg(Cpu.ECX)).isEqualTo(1);
    }

    @Test
    void movSsLetsOneMoreInstructionRunBeforeAnInterrupt() {
        ProtectedModeSetup pm = new ProtectedModeSetup().kernel("""
                mov eax, KDATA          ; cycle 0
                mov ss, ax              ; cycle 1: INTR rises when it retires
                mov esp, 0x7F000        ; in the shadow: SS:ESP change as a pair
            next:
                mov ecx, 2
                cli
                hlt
            """);
        Line line = new Line(pm.cpu, 2);
        pm.cpu.setInterruptController(line);
        pm.cpu.setEflags(0x202);
        pm.run();
        assertThat(pm.onlyEvent().vector()).isEqualTo(0x40);
        assertThat(pm.onlyEvent().eip()).isEqualTo(pm.sym("next"));
        assertThat(pm.mem.readDword(0x7F000 - 12)).isEqualTo(pm.sym("next"));
    }
}
