package org.xenoscope.debug;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenoscope.machine.cpu.Cpu;
import org.xenoscope.testutil.PvGuests;
import org.xenoscope.xen.trace.TraceEvent;

/** The headless engine: stepping, every kind of stop, reverse execution and saved simulations. */
class EngineTest {
    private static final String G = PvGuests.threeCalls("x");

    @TempDir
    Path dir;

    private static Engine engine() {
        return new Engine(PvGuests.spec(G));
    }

    private static int sym(String name) {
        return PvGuests.symbol(G, name);
    }

    @Test
    void stepExecutesOneInstruction() {
        Engine e = engine();
        int eip = e.target().cpu().eip();
        Stop s = e.step();
        assertThat(s.reason()).isEqualTo(Stop.Reason.STEP);
        assertThat(s.cycles()).isEqualTo(1);
        assertThat(e.target().cpu().eip()).isEqualTo(eip + 5); // mov esp, imm32
    }

    @Test
    void aHypercallIsOneStepAndStepOverRunsAFunctionAsOneUnit() {
        Engine e = engine();
        e.runTo(sym("func"), 10_000);
        assertThat(e.target().cpu().eip()).isEqualTo(sym("func"));
        Stop out = e.stepOut();
        assertThat(out.reason()).isEqualTo(Stop.Reason.RETURNED);
        // back in the loop: dec esi; the next call is stepped over as a unit
        e.step();
        e.step();
        int consoleBefore = e.target().domains().get(1).console().length();
        Stop over = e.stepOver();
        assertThat(over.reason()).isEqualTo(Stop.Reason.ADDRESS);
        assertThat(e.target().domains().get(1).console().length()).isEqualTo(consoleBefore + 2);
    }

    @Test
    void addressBreakpointWithConditionStopsBeforeTheInstruction() {
        Engine e = engine();
        e.addBreakpoint(new Breakpoint.Address(sym("func"), Condition.parse("esi == 1")));
        Stop s = e.cont(100_000);
        assertThat(s.reason()).isEqualTo(Stop.Reason.BREAKPOINT);
        assertThat(e.target().cpu().eip()).isEqualTo(sym("func"));
        assertThat(e.target().cpu().reg(Cpu.ESI)).isEqualTo(1);
    }

    @Test
    void runToNextHypercallStopsBeforeTheTrap() {
        Engine e = engine();
        Stop s = e.runToNext(Engine.Next.HYPERCALL, 100_000);
        assertThat(s.reason()).isEqualTo(Stop.Reason.HYPERCALL);
        assertThat(e.target().cpu().reg(Cpu.EAX)).isZero(); // set_trap_table
        assertThat(e.target().trace().events()).noneMatch(x -> x instanceof TraceEvent.Hypercall);
        e.step();
        assertThat(e.target().trace().events()).anyMatch(x -> x instanceof TraceEvent.Hypercall h
            && h.name().equals("set_trap_table"));
    }

    @Test
    void hypercallBreakpointMatchesNumber() {
        Engine e = engine();
        e.addBreakpoint(new Breakpoint.Hypercall(29, 2));
        Stop s = e.cont(100_000);
        assertThat(s.reason()).isEqualTo(Stop.Reason.BREAKPOINT);
        assertThat(e.target().cpu().reg(Cpu.EAX)).isEqualTo(29);
    }

    @Test
    void exceptionStopsAfterTheBounce() {
        Engine e = engine();
        Stop s = e.runToNext(Engine.Next.EXCEPTION, 100_000);
        assertThat(s.reason()).isEqualTo(Stop.Reason.EXCEPTION);
        assertThat(s.detail()).contains("#PF");
        assertThat(e.target().cpu().eip()).isEqualTo(sym("handler"));
    }

    @Test
    void watchpointStopsAfterTheWrite() {
        Engine e = engine();
        int counter = sym("counter");
        e.addBreakpoint(new Breakpoint.Watch(Breakpoint.Space.VIRTUAL, counter, 4));
        Stop s = e.cont(100_000);
        assertThat(s.reason()).isEqualTo(Stop.Reason.WATCHPOINT);
        assertThat(s.detail()).contains("00000000 -> 01000000");
    }

    @Test
    void continueRunsToTheEnd() {
        Engine e = engine();
        Stop s = e.cont(1_000_000);
        assertThat(s.reason()).isEqualTo(Stop.Reason.FINISHED);
        assertThat(e.target().domains().get(1).console()).isEqualTo("x\nx\nx\n");
    }

    @Test
    void stepBackReturnsToABitIdenticalState() {
        Engine e = engine();
        String start = StateDigest.of(e.target());
        for (int i = 0; i < 40; i++) {
            e.step();
        }
        String mid = StateDigest.of(e.target());
        for (int i = 0; i < 40; i++) {
            e.stepBack();
        }
        assertThat(e.cycles()).isZero();
        assertThat(StateDigest.of(e.target())).isEqualTo(start);
        e.travel(40);
        assertThat(StateDigest.of(e.target())).isEqualTo(mid);
    }

    @Test
    void stepBackAcrossAHypercallAndAnExceptionDelivery() {
        Engine e = engine();
        e.runToNext(Engine.Next.HYPERCALL, 100_000);
        String before = StateDigest.of(e.target());
        long at = e.cycles();
        e.step(); // the hypercall
        e.stepBack();
        assertThat(e.cycles()).isEqualTo(at);
        assertThat(StateDigest.of(e.target())).isEqualTo(before);
        e.runTo(sym("fault_insn"), 100_000);
        String beforeFault = StateDigest.of(e.target());
        e.step(); // faults: bounced to the handler
        assertThat(e.target().cpu().eip()).isEqualTo(sym("handler"));
        e.stepBack();
        assertThat(StateDigest.of(e.target())).isEqualTo(beforeFault);
    }

    @Test
    void reverseContinueFindsTheLastBreakpointHit() {
        Engine e = engine();
        e.cont(1_000_000);
        e.addBreakpoint(new Breakpoint.Address(sym("func"), Condition.ALWAYS));
        e.travel(e.cycles() - 1);
        Stop s = e.reverseContinue();
        assertThat(s.reason()).isEqualTo(Stop.Reason.BREAKPOINT);
        assertThat(e.target().cpu().eip()).isEqualTo(sym("func"));
        assertThat(e.target().cpu().reg(Cpu.ESI)).isEqualTo(1); // the third and last call
    }

    @Test
    void journaledRegisterChangeIsReplayed() {
        Engine e = engine();
        e.runTo(sym("after_calls"), 100_000);
        e.setRegister(Cpu.EBX, 0x1234);
        long at = e.cycles();
        e.step();
        e.step();
        String ahead = StateDigest.of(e.target());
        e.travel(0);
        e.travel(at + 2);
        assertThat(StateDigest.of(e.target())).isEqualTo(ahead);
        assertThat(e.target().cpu().reg(Cpu.EBX)).isEqualTo(0x1234);
    }

    @Test
    void savedSimulationLoadsBitIdentical() {
        Engine e = engine();
        e.runTo(sym("handler"), 100_000);
        e.setRegister(Cpu.EDI, 77);
        String here = StateDigest.of(e.target());
        Path f = dir.resolve("demo.xsnap");
        SnapshotFile.save(e, f);
        Engine back = SnapshotFile.load(f);
        assertThat(back.cycles()).isEqualTo(e.cycles());
        assertThat(StateDigest.of(back.target())).isEqualTo(here);
    }

    @Test
    void badSnapshotFileIsOneLineWithItsLine() throws Exception {
        Path f = java.nio.file.Files.writeString(dir.resolve("bad.xsnap"),
            SnapshotFile.MAGIC + "\nkind PV\nmemory lots\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SnapshotFile.load(f))
            .isInstanceOf(org.xenoscope.asm.BadInputException.class)
            .hasMessageContaining("bad.xsnap:3");
    }
}
