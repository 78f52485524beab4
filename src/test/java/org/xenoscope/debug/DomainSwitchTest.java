package org.xenoscope.debug;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenoscope.testutil.PvGuests;
import org.xenoscope.xen.Hypervisor;

/** The engine with two guest domains: run to the next context switch, and step back and forth across it. */
class DomainSwitchTest {
    /** Prints "TAG\n" then yields, three times, then powers off. */
    private static String yielder(char tag) {
        return """
            _start:
                mov esp, stack_top
                mov esi, 3
            .loop:
                mov ebx, 0
                mov ecx, 2
                mov edx, msg
                call hypercall_page + 18 * 32       ; console_io(write, 2, msg)
                mov ebx, 0
                xor ecx, ecx
                call hypercall_page + 29 * 32       ; sched_op(yield)
                dec esi
                jnz .loop
                mov ebx, 2
                mov ecx, poweroff
                call hypercall_page + 29 * 32       ; sched_op(shutdown, poweroff)
                ud2
            section .data
            poweroff: dd 0
            msg: db "%c", 10
            """.formatted(tag);
    }

    @TempDir
    Path dir;

    private static Engine engine() {
        return new Engine(SystemSpec.pv(List.of(new SystemSpec.Guest("a.elf", PvGuests.elf(yielder('a'))),
            new SystemSpec.Guest("b.elf", PvGuests.elf(yielder('b')))), 4, ""));
    }

    private static int current(Engine e) {
        return e.target().hypervisor().current().id();
    }

    @Test
    void runToNextSwitchStopsInTheOtherDomain() {
        Engine e = engine();
        int first = current(e);
        Stop s = e.runToNext(Engine.Next.SWITCH, 1_000_000);
        assertThat(s.reason()).isEqualTo(Stop.Reason.SWITCH);
        assertThat(current(e)).isNotEqualTo(first);
        assertThat(e.target().trace().events()).anyMatch(ev -> ev.type().equals("switch"));
    }

    @Test
    void stepBackAcrossADomainSwitchIsBitIdentical() {
        Engine e = engine();
        String start = StateDigest.of(e.target());
        int first = current(e);
        Stop s = e.runToNext(Engine.Next.SWITCH, 1_000_000);
        String after = StateDigest.of(e.target());
        e.stepBack();
        assertThat(e.cycles()).isZero();
        assertThat(StateDigest.of(e.target())).isEqualTo(start);
        assertThat(current(e)).isEqualTo(first);
        e.travel(s.cycles());
        assertThat(StateDigest.of(e.target())).isEqualTo(after);

        e.travel(s.cycles() - 1); // the yield hypercall is the next instruction
        assertThat(current(e)).isEqualTo(first);
        String before = StateDigest.of(e.target());
        e.step();
        assertThat(current(e)).isNotEqualTo(first);
        assertThat(StateDigest.of(e.target())).isEqualTo(after);
        e.stepBack();
        assertThat(StateDigest.of(e.target())).isEqualTo(before);
        e.step();
        assertThat(StateDigest.of(e.target())).isEqualTo(after);
    }

    @Test
    void bothGuestsFinishAndASnapshotKeepsBoth() throws Exception {
        Engine e = engine();
        e.runToNext(Engine.Next.SWITCH, 1_000_000);
        e.runToNext(Engine.Next.SWITCH, 1_000_000);
        String here = StateDigest.of(e.target());
        Path f = dir.resolve("two.xsnap");
        SnapshotFile.save(e, f);
        Engine back = SnapshotFile.load(f);
        assertThat(back.spec().others()).hasSize(1);
        assertThat(StateDigest.of(back.target())).isEqualTo(here);
        Stop end = back.cont(10_000_000);
        assertThat(end.reason()).isEqualTo(Stop.Reason.FINISHED);
        Hypervisor hv = back.target().hypervisor();
        assertThat(hv.domain(1).console()).isEqualTo("a\na\na\n");
        assertThat(hv.domain(2).console()).isEqualTo("b\nb\nb\n");
    }

    @Test
    void aPausedDomainIsNotScheduledTheOtherRunsAndTravelReplaysThePause() {
        Engine e = engine();
        e.setDomainPaused(2, true);
        String start = StateDigest.of(e.target()); // changes made at cycle 0 belong to the state at cycle 0
        Stop s = e.cont(1_000_000);
        assertThat(s.reason()).as("domain 1 ends, domain 2 stays paused").isEqualTo(Stop.Reason.FINISHED);
        List<Snapshot.DomainView> v = e.target().domains();
        assertThat(v.get(1).state()).isEqualTo("SHUTDOWN");
        assertThat(v.get(1).console()).isEqualTo("a\na\na\n");
        assertThat(v.get(2).state()).isEqualTo("PAUSED");
        assertThat(v.get(2).console()).isEmpty();
        assertThat(e.target().finishReason()).contains("paused");
        e.setDomainPaused(2, false);
        assertThat(e.cont(1_000_000).reason()).isEqualTo(Stop.Reason.FINISHED);
        assertThat(e.target().domains().get(2).console()).isEqualTo("b\nb\nb\n");
        e.travel(0);
        assertThat(StateDigest.of(e.target())).isEqualTo(start);
        assertThat(e.target().domains().get(2).state()).as("the journal replays the pause").isEqualTo("PAUSED");
    }
}
