package org.xenoscope.debug;

import java.util.ArrayList;
import java.util.List;
import org.xenoscope.dom0.XenSystem;
import org.xenoscope.machine.Machine;
import org.xenoscope.xen.Domain;
import org.xenoscope.xen.Hypervisor;
import org.xenoscope.xen.trace.Trace;

/** A Xen system with its guests as a debug target. */
final class PvTarget implements Target {
    private final XenSystem sys;
    private Hypervisor.Result last;

    PvTarget(XenSystem sys) {
        this.sys = sys;
    }

    XenSystem system() {
        return sys;
    }

    @Override
    public Machine machine() {
        return sys.hypervisor().machine();
    }

    @Override
    public End run(long n) {
        last = sys.run(n);
        return switch (last.outcome()) {
            case LIMIT -> End.LIMIT;
            case STOPPED -> End.STOPPED;
            default -> End.FINISHED;
        };
    }

    @Override
    public boolean finished() {
        Domain d = sys.hypervisor().current();
        if (d == null) {
            return true;
        }
        if (!d.dead() && d.state() != Domain.State.BLOCKED && !d.paused()) {
            return false;
        }
        // The current one cannot go on: the run is over unless another guest domain can (one woken meanwhile).
        return sys.hypervisor().domains().stream()
            .noneMatch(Domain::runnable);
    }

    @Override
    public String finishReason() {
        Domain d = sys.hypervisor().current();
        if (d == null || !finished()) {
            return "";
        }
        boolean paused = sys.hypervisor().domains().stream().anyMatch(x -> x.paused() && !x.dead());
        String why = d.state() == Domain.State.BLOCKED ? "blocked with nothing to wake it"
            : d.paused() ? "paused" : d.state().name().toLowerCase() + " (" + d.endReason() + ")";
        return d + ": " + why + (paused ? "; every other live domain is paused or blocked" : "");
    }

    @Override
    public long pseudoPhysicalToMachine(long pa) {
        Domain d = sys.hypervisor().current();
        long pfn = pa >>> 12;
        if (d == null || pfn >= d.nrPages() || d.mfn((int) pfn) == Domain.INVALID_P2M) {
            return -1; // beyond the built map, or given back with the balloon
        }
        return ((long) d.mfn((int) pfn) << 12) | (pa & 0xFFF);
    }

    @Override
    public void consoleInput(int domain, byte[] data) {
        Domain d = sys.hypervisor().domain(domain);
        if (d != null) {
            sys.console().input(d, data);
        }
    }

    @Override
    public void setPaused(int domain, boolean paused) {
        Domain d = sys.hypervisor().domain(domain);
        if (d != null) {
            sys.hypervisor().setPaused(d, paused);
        }
    }

    @Override
    public void destroy(int domain) {
        Domain d = sys.hypervisor().domain(domain);
        if (d != null && domain != Hypervisor.DOM0) {
            sys.hypervisor().kill(d, "destroyed from the debugger");
        }
    }

    @Override
    public Hypervisor hypervisor() {
        return sys.hypervisor();
    }

    @Override
    public Trace trace() {
        return sys.hypervisor().trace();
    }

    @Override
    public List<Snapshot.DomainView> domains() {
        List<Snapshot.DomainView> v = new ArrayList<>();
        Hypervisor hv = sys.hypervisor();
        for (Domain d : hv.domains()) {
            String state = d.paused() && !d.dead() ? "PAUSED" : d.state().name();
            v.add(new Snapshot.DomainView(d.id(), d.name(), state, d.endReason(), d.nrPages(),
                Snapshot.tail(d.consoleText()), d.consoleLength(), d == hv.current()));
        }
        return v;
    }
}
