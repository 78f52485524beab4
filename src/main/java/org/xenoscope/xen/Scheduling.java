package org.xenoscope.xen;

import java.util.ArrayList;
import java.util.List;
import org.xenoscope.machine.RunResult;
import org.xenoscope.machine.StopReason;
import org.xenoscope.xen.trace.TraceEvent;

/**
 * The hypervisor's run loop and scheduler (Xen's schedule.c and context_switch): who runs, for how long, and the
 * switch between two VCPUs. Round robin over the guest domains ({@link RoundRobin}) in slices of
 * {@link Hypervisor#TIME_SLICE} cycles, switching early when the running domain yields, blocks, is paused or ends.
 *
 * <p>Invariants: switches happen only at a slice's end or right after the hypercall or exit that caused them, so a
 * run cut into pieces is the same run as one in one piece (the debugger's replay relies on it); the domain whose
 * registers are in the CPU is {@link Hypervisor#current()}, every other one's are in its VCPU's context.
 */
final class Scheduling {
    private final Hypervisor hv;
    /** Virtual time at which the running domain's slice ends. */
    long sliceEnd = Hypervisor.TIME_SLICE;
    /** The current domain yielded while another was runnable: switch once the run loop gets control. */
    private boolean yieldPending;
    private final RoundRobin scheduler = new RoundRobin();
    /** Guest domains whose end the listeners have been told about, and the last one of them. */
    private final java.util.Set<Domain> reaped = new java.util.HashSet<>();
    private Domain lastEnded;
    private final List<java.util.function.Consumer<Domain>> endListeners = new ArrayList<>();

    private final List<java.util.function.Consumer<Domain>> yieldListeners = new ArrayList<>();

    Scheduling(Hypervisor hv) {
        this.hv = hv;
    }

    /** Runs {@code l} whenever a domain yields the CPU (the console back-end drains rings then). */
    void addYieldListener(java.util.function.Consumer<Domain> l) {
        yieldListeners.add(l);
    }

    /**
     * Domain {@code d} gave up the CPU (SCHEDOP_yield): let the other parties run — Domain 0's services, then, when
     * another guest domain is runnable, that one (the run loop switches once the hypercall has returned).
     */
    void yielded(Domain d) {
        for (java.util.function.Consumer<Domain> l : yieldListeners) {
            l.accept(d);
        }
        Domain next = scheduler.next(hv.domainList(), d);
        if (next != null && next != d) {
            yieldPending = true;
            hv.machine().requestStop();
        }
    }

    /**
     * Contract: runs the guest domains for at most {@code maxInstructions} (0 = no limit), round robin (see
     * {@link RoundRobin}), until every guest domain has ended (SHUTDOWN or CRASHED; the result names the last one to
     * end), every live one is blocked with nothing that could wake it (BLOCKED), or a stop is requested. With one
     * guest domain this is simply that domain's run. Switches happen only at fixed cycles (a slice's end) or right
     * after the hypercall or exit that caused them, so a run cut into pieces is the same run as one in one piece.
     */
    Hypervisor.Result run(long maxInstructions) {
        long budget = maxInstructions == 0 ? Long.MAX_VALUE : maxInstructions;
        long done = 0;
        while (true) {
            reapEnded();
            schedule();
            Domain d = hv.current();
            Hypervisor.Result end = endResult(d, done);
            if (end != null) {
                return end;
            }
            if (done >= budget) {
                return new Hypervisor.Result(Hypervisor.Outcome.LIMIT, d, done, "instruction limit reached");
            }
            RunResult r = hv.machine().run(Math.min(budget - done, Math.max(1, sliceEnd - hv.now())));
            done += r.instructions();
            if (r.reason() == StopReason.TRIPLE_FAULT || r.reason() == StopReason.HALTED) {
                hv.kill(d, "the machine stopped: " + r.detail());
            } else if (r.reason() == StopReason.STOP_REQUESTED && !d.dead() && d.state != Domain.State.BLOCKED
                && !yieldPending) {
                return new Hypervisor.Result(Hypervisor.Outcome.STOPPED, d, done, "stop requested");
            } else if (r.reason() == StopReason.DEBUG_EXIT) {
                hv.kill(d, "wrote the debug-exit port, which only bare-metal runs have");
            }
        }
    }

    /**
     * Contract: the scheduler's decision point: when the current domain ended, blocked, yielded or used up its
     * slice, the next runnable domain gets the CPU (a new slice when it is the same one). Does nothing otherwise.
     */
    private void schedule() {
        Domain d = hv.current();
        boolean expired = hv.now() >= sliceEnd;
        boolean gone = d.dead() || d.state == Domain.State.BLOCKED || d.paused;
        if (!gone && !yieldPending && !expired) {
            return;
        }
        String why = d.dead() ? "ended" : d.state == Domain.State.BLOCKED ? "blocked" : d.paused ? "paused"
            : yieldPending ? "yield" : "slice";
        yieldPending = false;
        Domain next = scheduler.next(hv.domainList(), d);
        if (next != null && next != d) {
            switchTo(next, why);
        } else if (next == d) {
            sliceEnd = hv.now() + Hypervisor.TIME_SLICE;
        }
    }

    /** The result when the run cannot go on (see {@link #run}), or null. */
    private Hypervisor.Result endResult(Domain d, long done) {
        if (d.state == Domain.State.BLOCKED || d.paused || d.dead() && !allGuestsEnded()) {
            Domain b = d.state == Domain.State.BLOCKED || d.paused ? d : firstBlocked();
            boolean paused = d.paused || hv.domainList().stream().anyMatch(Domain::paused);
            return new Hypervisor.Result(Hypervisor.Outcome.BLOCKED, b, done, paused
                ? "every live domain is paused or blocked" : "the domain blocked and nothing can wake it (no timer, "
                + "no event source)");
        }
        if (d.dead()) {
            Domain last = lastEnded == null ? d : lastEnded;
            Hypervisor.Outcome o = last.state == Domain.State.SHUTDOWN ? Hypervisor.Outcome.SHUTDOWN
                : Hypervisor.Outcome.CRASHED;
            return new Hypervisor.Result(o, last, done, last.endReason);
        }
        return null;
    }

    private boolean allGuestsEnded() {
        return hv.domainList().stream().allMatch(x -> x.id() == Hypervisor.DOM0 || x.dead());
    }

    private Domain firstBlocked() {
        return hv.domainList().stream().filter(x -> x.id() != Hypervisor.DOM0 && x.state == Domain.State.BLOCKED)
            .findFirst().orElse(hv.current());
    }

    /** Runs the end listeners once for every guest domain that has ended since the last look, in id order. */
    private void reapEnded() {
        for (Domain x : hv.domainList()) {
            if (x.id() != Hypervisor.DOM0 && x.dead() && reaped.add(x)) {
                lastEnded = x;
                for (java.util.function.Consumer<Domain> l : endListeners) {
                    l.accept(x);
                }
            }
        }
    }

    /** Runs {@code l} once for each guest domain that ended, soon after (the console back-end drains it then). */
    void addEndListener(java.util.function.Consumer<Domain> l) {
        endListeners.add(l);
    }

    /**
     * Contract: Xen's {@code context_switch()}: saves the current VCPU's register state, loads {@code next}'s,
     * makes {@code next} current with a fresh slice, records a "switch" trace event, and delivers a pending event
     * upcall to {@code next} (its return to guest). SIMPLIFICATION: a CPU left halted by a killed domain is woken;
     * a triple fault is never left pending (the ring-0 monitor catches every exception before one could arise).
     */
    void switchTo(Domain next, String why) {
        Domain from = hv.current();
        if (next == from) {
            return;
        }
        from.vcpu0.context.save(hv.cpu());
        next.vcpu0.context.restore(hv.cpu());
        hv.setCurrent(next);
        hv.machine().wake();
        sliceEnd = hv.now() + Hypervisor.TIME_SLICE;
        hv.emit(seq -> new TraceEvent.Switch(seq, hv.now(), next.id(), from.id(), why));
        Time.update(hv, next);
        hv.events().deliverUpcall(next);
    }
}
