package org.xenoscope.debug;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xenoscope.machine.cpu.Core;
import org.xenoscope.machine.cpu.Cpu;
import org.xenoscope.xen.trace.TraceEvent;

/**
 * The per-instruction check the engine installs while something needs it: decides before each instruction
 * whether the run stops there (step, address, breakpoint, hypercall ahead, return, domain switch), and turns what
 * the hypervisor reported during the previous instruction (exception, event, kill, refusal) or a watched value
 * that changed into a stop right after that instruction. In record mode (reverse-continue) it notes where it
 * would have stopped and goes on.
 */
final class StopHook implements Core.ExecHook {
    private final Engine engine;
    private Mode mode = Mode.plain();
    private long runStart;
    private List<Breakpoint> bps = List.of();
    private Watcher watcher;
    private boolean recordOnly;
    private boolean active;
    private boolean lastWasReturn;
    private int startDomain = -1;
    /** A stop decided after the previous instruction (from the trace or a watchpoint), taken at the next check. */
    private Stop.Reason pendingReason;
    private String pendingDetail = "";
    volatile boolean pauseRequested;
    Stop stop;
    final List<Long> hits = new ArrayList<>();
    private final Map<Long, String> hitReasons = new HashMap<>();

    StopHook(Engine engine) {
        this.engine = engine;
    }

    void begin(Mode m, long start, List<Breakpoint> b, Watcher w, boolean record) {
        mode = m;
        runStart = start;
        bps = List.copyOf(b);
        watcher = w;
        recordOnly = record;
        active = true;
        stop = null;
        pendingReason = null;
        pauseRequested = false;
        lastWasReturn = false;
        hits.clear();
        hitReasons.clear();
        startDomain = currentDomain();
    }

    void end() {
        active = false;
        pendingReason = null;
    }

    /** A stop the hypervisor or a watchpoint decided during the last instruction of a slice, taken now. */
    void flushPending(long now) {
        if (pendingReason != null) {
            Stop.Reason r = pendingReason;
            pendingReason = null;
            hit(new Stop(r, now, pendingDetail));
        }
        if (stop == null && watcher.active()) {
            String w = watcher.changed();
            if (w != null) {
                hit(new Stop(Stop.Reason.WATCHPOINT, now, w));
            }
        }
    }

    String hitReason(long cycles) {
        return hitReasons.getOrDefault(cycles, "");
    }

    @Override
    public boolean beforeInstruction(Cpu c) {
        long now = c.cycles();
        if (pauseRequested) {
            return false;
        }
        if (pendingReason == null && watcher.active()) {
            String w = watcher.changed();
            if (w != null) {
                pendingReason = Stop.Reason.WATCHPOINT;
                pendingDetail = w;
            }
        }
        if (pendingReason != null) {
            Stop.Reason r = pendingReason;
            pendingReason = null;
            if (hit(new Stop(r, now, pendingDetail))) {
                return false;
            }
        }
        if (now == runStart) {
            lastWasReturn = mode.kind() == Mode.Kind.OUT && Instructions.atReturn(c);
            return true;
        }
        Stop s = modeStop(c, now);
        if (s == null) {
            s = breakpointStop(c, now);
        }
        if (s != null && hit(s)) {
            return false;
        }
        if (mode.kind() == Mode.Kind.OUT) {
            lastWasReturn = Instructions.atReturn(c);
        }
        return true;
    }

    /** Stops the run (or, recording, notes the position). Returns true to stop. */
    private boolean hit(Stop s) {
        if (recordOnly) {
            hits.add(s.cycles());
            hitReasons.putIfAbsent(s.cycles(), s.toString());
            return false;
        }
        stop = s;
        return true;
    }

    private Stop modeStop(Cpu c, long now) {
        switch (mode.kind()) {
            case STEP:
                return new Stop(Stop.Reason.STEP, now, "");
            case TO:
                if (Instructions.nextLinear(c) == mode.address()
                    && Integer.compareUnsigned(c.reg(Cpu.ESP), mode.esp()) >= 0) {
                    return new Stop(Stop.Reason.ADDRESS, now, String.format("at 0x%08x", mode.address()));
                }
                return null;
            case OUT:
                if (lastWasReturn && Integer.compareUnsigned(c.reg(Cpu.ESP), mode.esp()) > 0) {
                    return new Stop(Stop.Reason.RETURNED, now, String.format("returned to 0x%08x", c.eip()));
                }
                return null;
            case NEXT:
                if (mode.next() == Engine.Next.HYPERCALL && Instructions.atHypercall(c)) {
                    return new Stop(Stop.Reason.HYPERCALL, now, String.format("int 0x82 with eax=%d",
                        c.reg(Cpu.EAX)));
                }
                if (mode.next() == Engine.Next.SWITCH && currentDomain() != startDomain) {
                    return new Stop(Stop.Reason.SWITCH, now, "now running d" + currentDomain());
                }
                return null;
            default:
                return null;
        }
    }

    private Stop breakpointStop(Cpu c, long now) {
        int lin = -1;
        for (Breakpoint b : bps) {
            if (b instanceof Breakpoint.Address a) {
                if (lin == -1) {
                    lin = Instructions.nextLinear(c);
                }
                if (a.address() == lin && a.condition().test(c)) {
                    return new Stop(Stop.Reason.BREAKPOINT, now, String.format("breakpoint at 0x%08x%s", lin,
                        a.condition() == Condition.ALWAYS ? "" : " if " + a.condition()));
                }
            } else if (b instanceof Breakpoint.Hypercall h && Instructions.atHypercall(c)
                && c.reg(Cpu.EAX) == h.number() && (h.subOp() == null || c.reg(Cpu.EBX) == h.subOp())) {
                return new Stop(Stop.Reason.BREAKPOINT, now, "hypercall " + h.number() + " ahead");
            }
        }
        return null;
    }

    /** The hypervisor reported {@code e} during the instruction being executed. */
    void traceEvent(TraceEvent e) {
        if (!active || pendingReason != null) {
            return;
        }
        if (e instanceof TraceEvent.Exception x) {
            boolean bp = bps.stream().anyMatch(b -> b instanceof Breakpoint.Exception be && be.vector() == x.vector());
            if (bp || mode.next() == Engine.Next.EXCEPTION) {
                pend(Stop.Reason.EXCEPTION, x.summary());
            }
        } else if (e instanceof TraceEvent.Crash || e instanceof TraceEvent.Shutdown sd && sd.code() == 3) {
            if (bps.stream().anyMatch(b -> b instanceof Breakpoint.DomainKill)) {
                pend(Stop.Reason.KILL, e.summary());
            }
        } else if (e instanceof TraceEvent.Event ev && mode.next() == Engine.Next.EVENT) {
            pend(Stop.Reason.EVENT, ev.summary());
        } else if (e.type().equals("refused")
            && bps.stream().anyMatch(b -> b instanceof Breakpoint.ValidationRefused)) {
            pend(Stop.Reason.REFUSED, e.summary());
        }
    }

    private void pend(Stop.Reason r, String detail) {
        pendingReason = r;
        pendingDetail = detail;
    }

    private int currentDomain() {
        return engine.target() instanceof PvTarget p && p.system().hypervisor().current() != null
            ? p.system().hypervisor().current().id() : -1;
    }
}
