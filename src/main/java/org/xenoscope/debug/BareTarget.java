package org.xenoscope.debug;

import java.util.List;
import org.xenoscope.machine.PcMachine;
import org.xenoscope.machine.RunResult;
import org.xenoscope.machine.StopReason;
import org.xenoscope.xen.trace.Trace;

/** A bare PC running a multiboot kernel as a debug target; COM1 is its console. */
final class BareTarget implements Target {
    private final PcMachine m;
    private final StringBuilder console = new StringBuilder();
    private String finish = "";

    BareTarget(PcMachine m) {
        this.m = m;
        m.setConsole(c -> console.append((char) (c & 0xFF)));
    }

    @Override
    public PcMachine machine() {
        return m;
    }

    @Override
    public End run(long n) {
        RunResult r = m.run(n);
        if (r.reason() == StopReason.INSTRUCTION_LIMIT) {
            return End.LIMIT;
        }
        if (r.reason() == StopReason.STOP_REQUESTED) {
            return End.STOPPED;
        }
        finish = r.reason() == StopReason.DEBUG_EXIT ? "debug exit with status " + r.exitStatus() : r.detail();
        return End.FINISHED;
    }

    @Override
    public boolean finished() {
        return !finish.isEmpty();
    }

    @Override
    public String finishReason() {
        return finish;
    }

    @Override
    public void consoleInput(int domain, byte[] data) {
        m.com1().offerInput(data);
    }

    @Override
    public void destroy(int domain) {
        // a bare machine has no domains to destroy
    }

    @Override
    public Trace trace() {
        return null;
    }

    @Override
    public List<Snapshot.DomainView> domains() {
        return List.of(new Snapshot.DomainView(0, "bare metal", finished() ? "FINISHED" : "RUNNING", finish,
            m.memory().frames(), Snapshot.tail(console), console.length(), true));
    }
}
