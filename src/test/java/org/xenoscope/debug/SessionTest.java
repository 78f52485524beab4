package org.xenoscope.debug;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.xenoscope.machine.cpu.Cpu;
import org.xenoscope.testutil.PvGuests;

/** The session thread: commands in, snapshots out, pause in a runaway guest, queries while running. */
class SessionTest {
    private static final String G = PvGuests.threeCalls("x");

    private static final String LOOP = "_start:\n    inc eax\n    jmp _start\n";

    /** Waits (on a latch, no sleeping) until a published snapshot satisfies {@code p}; fails after 20 s. */
    private static Snapshot await(Session s, Predicate<Snapshot> p) throws InterruptedException {
        CountDownLatch l = new CountDownLatch(1);
        Snapshot[] got = new Snapshot[1];
        s.addListener(snap -> {
            if (p.test(snap) && got[0] == null) {
                got[0] = snap;
                l.countDown();
            }
        });
        Snapshot now = s.latest();
        if (p.test(now)) {
            return now;
        }
        assertThat(l.await(20, TimeUnit.SECONDS)).as("a snapshot matching the condition").isTrue();
        return got[0];
    }

    @Test
    void pauseStopsARunawayGuestAndQueriesWorkWhileRunning() throws Exception {
        try (Session s = new Session(PvGuests.spec(LOOP))) {
            s.post(new Command.Continue());
            await(s, snap -> snap.running() && snap.cycles() > 5_000_000);
            Long cycles = s.query(Engine::cycles).get(20, TimeUnit.SECONDS);
            assertThat(cycles).isPositive();
            s.post(new Command.Pause());
            Snapshot p = await(s, snap -> !snap.running() && snap.stopReason().startsWith("paused"));
            assertThat(p.cpu().reg(Cpu.EAX)).isPositive();
            assertThat(s.failure()).isNull();
        }
    }

    @Test
    void stepAndStepBackThroughTheSession() throws Exception {
        try (Session s = new Session(PvGuests.spec(G))) {
            s.post(new Command.Step());
            s.post(new Command.Step());
            Snapshot two = await(s, snap -> snap.cycles() == 2);
            s.post(new Command.StepBack());
            Snapshot back = await(s, snap -> snap.cycles() == 1);
            assertThat(back.generation()).isEqualTo(two.generation() + 1);
            assertThat(back.stopReason()).startsWith("travelled");
        }
    }

    @Test
    void consoleInputReachesTheRingAndIsReplayed() throws Exception {
        Engine e = new Engine(PvGuests.spec(G));
        e.step();
        e.consoleInput(1, "ls\n".getBytes());
        String after = StateDigest.of(e.target());
        e.step();
        e.stepBack();
        assertThat(StateDigest.of(e.target())).isEqualTo(after);
    }

    @Test
    void destroyKillsTheDomain() {
        Engine e = new Engine(PvGuests.spec(LOOP));
        e.cont(1000);
        e.destroyDomain(1);
        assertThat(e.target().finished()).isTrue();
        assertThat(e.target().finishReason()).contains("destroyed from the debugger");
        assertThat(e.cont(1000).reason()).isEqualTo(Stop.Reason.FINISHED);
    }

    @Test
    void aCommandWithBadInputIsReportedAndTheSessionGoesOn() throws Exception {
        try (Session s = new Session(PvGuests.spec(G))) {
            s.post(new Command.Save(java.nio.file.Path.of("/nonexistent-dir/x.xsnap")));
            Snapshot err = await(s, snap -> snap.stopReason().contains("error: "));
            assertThat(err.stopReason()).contains("cannot write");
            s.post(new Command.Step());
            await(s, snap -> snap.cycles() == 1);
            assertThat(s.failure()).isNull();
        }
    }
}
