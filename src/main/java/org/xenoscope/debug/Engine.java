package org.xenoscope.debug;

import java.util.ArrayList;
import java.util.List;
import org.xenoscope.machine.cpu.Core;
import org.xenoscope.machine.cpu.Cpu;
import org.xenoscope.xen.trace.TraceEvent;

/**
 * The debugger engine: steps, runs to conditions, breakpoints and reverse execution on one {@link Target}.
 * Single-threaded; {@link Session} runs it on the simulation thread. See the package comment for the design.
 *
 * <p>Invariants: {@link #cycles()} is the position in the run; every stop position is recorded in the history
 * (so stepping back returns to the previous stop); going back rebuilds the target from the spec and replays the
 * journal, incrementing {@link #generation()} (a new trace starts).
 */
public final class Engine {
    /** Things "run to next" can wait for. */
    public enum Next { HYPERCALL, EXCEPTION, EVENT, SWITCH }

    private final SystemSpec spec;
    private final Journal journal = new Journal();
    private final List<Breakpoint> breakpoints = new ArrayList<>();
    private final List<Long> history = new ArrayList<>();
    private final Watcher watcher = new Watcher();
    private Target target;
    private int generation;
    private final StopHook hook = new StopHook(this);
    private final List<java.util.function.Consumer<TraceEvent>> traceListeners = new ArrayList<>();
    private Runnable onRebuild = () -> { };
    private Mode lastMode = Mode.plain();

    /** Builds the target of {@code spec} in its boot state. Bad input throws BadInputException. */
    public Engine(SystemSpec spec) {
        this.spec = spec;
        attach(spec.build());
        history.add(0L);
    }

    public SystemSpec spec() {
        return spec;
    }

    public Target target() {
        return target;
    }

    public long cycles() {
        return target.cycles();
    }

    /** Increments each time the target is rebuilt (reverse execution, loading). */
    public int generation() {
        return generation;
    }

    public Journal journal() {
        return journal;
    }

    public List<Breakpoint> breakpoints() {
        return List.copyOf(breakpoints);
    }

    public void addBreakpoint(Breakpoint b) {
        breakpoints.add(b);
        watcher.reset(this);
    }

    public void removeBreakpoint(Breakpoint b) {
        breakpoints.remove(b);
        watcher.reset(this);
    }

    public void clearBreakpoints() {
        breakpoints.clear();
        watcher.reset(this);
    }

    /** Asks a running {@link #cont} or run-to to stop soon; safe from any thread. */
    public void pause() {
        hook.pauseRequested = true;
        target.cpu().core().requestStop();
    }

    private void attach(Target t) {
        target = t;
        if (t.trace() != null) {
            t.trace().addListener(this::onTrace);
        }
        watcher.reset(this);
    }

    /** Passes every trace event of this and every rebuilt target to {@code l} (the session's buffer). */
    public void addTraceListener(java.util.function.Consumer<TraceEvent> l) {
        traceListeners.add(l);
        if (target.trace() != null) {
            for (TraceEvent e : target.trace().events()) {
                l.accept(e);
            }
        }
    }

    /** Runs {@code r} whenever the target is rebuilt, before the replay starts. */
    public void onRebuild(Runnable r) {
        onRebuild = r;
    }

    // ------------------------------------------------------------------ forward

    /** Executes one instruction (a hypercall or a bounced exception counts as part of it). */
    public Stop step() {
        return run(Mode.step(), Long.MAX_VALUE); // the hook stops after one instruction
    }

    /** Like step, but a CALL (or INT n) runs until the instruction after it is reached with the same stack. */
    public Stop stepOver() {
        return stepOver(Long.MAX_VALUE);
    }

    /** {@link #stepOver()} for at most {@code maxCycles} (then LIMIT; {@link #resume} goes on). */
    public Stop stepOver(long maxCycles) {
        int next = Instructions.callReturn(target.cpu());
        if (next == -1) {
            return step();
        }
        return run(Mode.to(next, target.cpu().reg(Cpu.ESP)), maxCycles);
    }

    /** Runs until the current function returns (a RET that leaves ESP above its value now). */
    public Stop stepOut() {
        return stepOut(Long.MAX_VALUE);
    }

    /** {@link #stepOut()} for at most {@code maxCycles}. */
    public Stop stepOut(long maxCycles) {
        return run(Mode.out(target.cpu().reg(Cpu.ESP)), maxCycles);
    }

    /** Runs until a breakpoint, the end of the system, a pause, or {@code maxCycles}. */
    public Stop cont(long maxCycles) {
        return run(Mode.plain(), maxCycles);
    }

    /** Runs until the instruction at linear address {@code address} is next (or another stop). */
    public Stop runTo(int address, long maxCycles) {
        return run(Mode.to(address, 0), maxCycles);
    }

    /** Runs until the next hypercall (stopping before its int 0x82), exception, event or domain switch. */
    public Stop runToNext(Next what, long maxCycles) {
        return run(Mode.next(what), maxCycles);
    }

    /**
     * Continues the last run-to, step-over, step-out or continue for at most {@code maxCycles} more, checking the
     * very next instruction too (a run cut into slices stops where the whole run would).
     */
    public Stop resume(long maxCycles) {
        return run(lastMode, maxCycles, false);
    }

    private Stop run(Mode mode, long maxCycles) {
        return run(mode, maxCycles, true);
    }

    private Stop run(Mode mode, long maxCycles, boolean fresh) {
        lastMode = mode;
        if (target.finished()) {
            return record(new Stop(Stop.Reason.FINISHED, cycles(), target.finishReason()));
        }
        Core core = target.cpu().core();
        hook.begin(mode, fresh ? cycles() : -1, breakpoints, watcher, false);
        boolean needed = mode.kind() != Mode.Kind.PLAIN || !breakpoints.isEmpty();
        core.setHook(needed ? hook : null); // nothing to check: the interpreter's fast loop runs
        try {
            long budget = maxCycles;
            while (true) {
                long before = cycles();
                Target.End end = target.run(budget);
                budget -= cycles() - before;
                hook.flushPending(cycles());
                if (hook.stop != null) {
                    return record(hook.stop);
                }
                if (end == Target.End.FINISHED || target.finished()) {
                    return record(new Stop(Stop.Reason.FINISHED, cycles(), target.finishReason()));
                }
                if (hook.pauseRequested) {
                    return record(new Stop(Stop.Reason.PAUSED, cycles(), ""));
                }
                if (budget <= 0) {
                    return record(new Stop(Stop.Reason.LIMIT, cycles(), ""));
                }
            }
        } finally {
            core.setHook(null);
            hook.end();
        }
    }

    private Stop record(Stop s) {
        if (history.get(history.size() - 1) != s.cycles()) {
            history.add(s.cycles());
        }
        return s;
    }

    private void onTrace(TraceEvent e) {
        hook.traceEvent(e);
        for (java.util.function.Consumer<TraceEvent> l : traceListeners) {
            l.accept(e);
        }
    }

    // ------------------------------------------------------------------ backward

    /** Goes back to the previous stop position (or one cycle back when there is none in between). */
    public Stop stepBack() {
        long now = cycles();
        long to = Math.max(0, now - 1);
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i) < now) {
                to = history.get(i);
                break;
            }
        }
        return travel(to);
    }

    /**
     * Goes back to the last point before now where a breakpoint would have stopped the run, or to the start.
     * Replays the run from the start once to find it, then again to go there.
     */
    public Stop reverseContinue() {
        long now = cycles();
        rebuild();
        hook.begin(Mode.plain(), 0, breakpoints, watcher, true);
        target.cpu().core().setHook(hook);
        try {
            replayTo(now);
            hook.flushPending(cycles());
        } finally {
            target.cpu().core().setHook(null);
            hook.end();
        }
        long hit = -1;
        for (long h : hook.hits) {
            if (h < now) {
                hit = Math.max(hit, h);
            }
        }
        if (hit < 0) {
            Stop s = travel(0);
            return new Stop(Stop.Reason.START, s.cycles(), "no breakpoint before cycle " + now);
        }
        Stop s = travel(hit);
        return new Stop(Stop.Reason.BREAKPOINT, s.cycles(), "reverse: " + hook.hitReason(hit));
    }

    /** Contract: puts the run at cycle {@code to}: forward by running, backward by rebuilding and replaying. */
    public Stop travel(long to) {
        if (to < cycles()) {
            rebuild();
        }
        replayTo(to);
        history.removeIf(h -> h > to);
        return record(new Stop(Stop.Reason.TRAVELLED, cycles(), ""));
    }

    private void rebuild() {
        generation++;
        onRebuild.run();
        attach(spec.build());
        if (target.trace() != null) { // events of the build itself (boot) came before the listener was attached
            for (TraceEvent e : target.trace().events()) {
                traceListeners.forEach(l -> l.accept(e));
            }
        }
    }

    /** Loads a saved position: the journal replaces ours and the run goes to {@code cycles} from the start. */
    void load(List<Journal.Entry> entries, long cycles) {
        journal.replace(entries);
        rebuild();
        history.clear();
        history.add(0L);
        replayTo(cycles);
        record(new Stop(Stop.Reason.TRAVELLED, cycles(), ""));
    }

    /** Runs forward to {@code to}, applying journal entries at their cycles. */
    private void replayTo(long to) {
        for (Journal.Entry e : journal.entries()) {
            if (e.cycles() < cycles() || e.cycles() > to) {
                continue;
            }
            runExactly(e.cycles());
            apply(e);
        }
        runExactly(to);
    }

    private void runExactly(long to) {
        while (cycles() < to && !target.finished()) {
            if (target.run(to - cycles()) == Target.End.FINISHED) {
                break;
            }
        }
    }

    // ------------------------------------------------------------------ changes

    /** Sets general register {@code reg} (0..7, or 8 for EIP) now; journaled so replay repeats it. */
    public void setRegister(int reg, int value) {
        Journal.Entry e = new Journal.Entry(cycles(), Journal.Kind.REG, reg, value, null);
        journal.add(e);
        apply(e);
    }

    /** Writes {@code data} at machine address {@code ma} now; journaled. */
    public void writeMachineMemory(long ma, byte[] data) {
        Journal.Entry e = new Journal.Entry(cycles(), Journal.Kind.MEM, ma, 0, data);
        journal.add(e);
        apply(e);
    }

    /** Types {@code data} into domain {@code domain}'s console (a bare machine: COM1) now; journaled. */
    public void consoleInput(int domain, byte[] data) {
        Journal.Entry e = new Journal.Entry(cycles(), Journal.Kind.INPUT, domain, 0, data);
        journal.add(e);
        apply(e);
    }

    /** Pauses ({@code paused}) or unpauses domain {@code domain} now, as the toolstack would; journaled. */
    public void setDomainPaused(int domain, boolean paused) {
        Journal.Entry e = new Journal.Entry(cycles(), paused ? Journal.Kind.PAUSE : Journal.Kind.UNPAUSE, domain, 0,
            null);
        journal.add(e);
        apply(e);
    }

    /** Kills domain {@code domain} ("destroyed from the debugger") now; journaled. */
    public void destroyDomain(int domain) {
        Journal.Entry e = new Journal.Entry(cycles(), Journal.Kind.DESTROY, domain, 0, null);
        journal.add(e);
        apply(e);
    }

    private void apply(Journal.Entry e) {
        Cpu c = target.cpu();
        switch (e.kind()) {
            case REG -> {
                if (e.a() == 8) {
                    c.setEip(e.value());
                } else {
                    c.setReg((int) e.a(), e.value());
                }
            }
            case MEM -> {
                byte[] d = e.data();
                for (int i = 0; i < d.length; i++) {
                    target.machine().memory().writeByte(e.a() + i, d[i]);
                }
            }
            case INPUT -> target.consoleInput((int) e.a(), e.data());
            case DESTROY -> target.destroy((int) e.a());
            case PAUSE -> target.setPaused((int) e.a(), true);
            case UNPAUSE -> target.setPaused((int) e.a(), false);
            default -> throw new IllegalStateException("journal kind " + e.kind());
        }
        watcher.reset(this);
    }

    /** Contract: an immutable picture of the target now (call on the simulation thread). */
    public Snapshot snapshot(String stopReason, boolean running) {
        long n = target.trace() == null ? 0 : target.trace().count();
        return new Snapshot(cycles(), Snapshot.Registers.of(target.cpu()), target.domains(), n, stopReason, running,
            target.finished(), generation);
    }
}
