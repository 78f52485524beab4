package org.xenoscope.machine.clock;

import java.util.PriorityQueue;

/**
 * Virtual time: the number of cycles the CPU has executed. One instruction takes one cycle; HLT skips ahead to the
 * next timer. Nothing in the machine reads the wall clock, so a run is reproducible to the instruction.
 *
 * <p>SIMPLIFICATION: every instruction costs one cycle, and the nominal CPU frequency is {@link #HZ}, so one cycle
 * is one nanosecond of guest time.
 *
 * <p>Timers are callbacks due at an absolute cycle. Timers due at the same cycle fire in the order they were
 * scheduled (a sequence number breaks ties), so ordering is deterministic.
 */
public final class VirtualClock {
    /** Nominal CPU frequency: cycles per second of guest time. */
    public static final long HZ = 1_000_000_000L;

    /** A scheduled callback; cancel it with {@link #cancel}. */
    public static final class Timer implements Comparable<Timer> {
        final long due;
        final long seq;
        final Runnable action;
        boolean cancelled;

        Timer(long due, long seq, Runnable action) {
            this.due = due;
            this.seq = seq;
            this.action = action;
        }

        public long due() {
            return due;
        }

        @Override
        public int compareTo(Timer o) {
            return due != o.due ? Long.compare(due, o.due) : Long.compare(seq, o.seq);
        }
    }

    private final PriorityQueue<Timer> queue = new PriorityQueue<>();
    private long cycles;
    private long seq;

    /** Current virtual time in cycles. */
    public long now() {
        return cycles;
    }

    /** Sets the time (the CPU's run loop publishes its count here). Time never goes backwards. */
    public void advanceTo(long t) {
        if (t > cycles) {
            cycles = t;
        }
    }

    /** Schedules {@code action} at absolute cycle {@code due} (clamped to now). */
    public Timer schedule(long due, Runnable action) {
        Timer t = new Timer(Math.max(due, cycles), seq++, action);
        queue.add(t);
        return t;
    }

    public void cancel(Timer t) {
        if (t != null) {
            t.cancelled = true;
        }
    }

    /** Cycle at which the next live timer is due, or {@link Long#MAX_VALUE}. */
    public long nextDue() {
        while (!queue.isEmpty() && queue.peek().cancelled) {
            queue.poll();
        }
        return queue.isEmpty() ? Long.MAX_VALUE : queue.peek().due;
    }

    /** Fires every timer due at or before now, in order. Returns how many fired. */
    public int fireDue() {
        int n = 0;
        while (nextDue() <= cycles) {
            Timer t = queue.poll();
            t.action.run();
            n++;
        }
        return n;
    }

    /** Cycles to nanoseconds of guest time. */
    public static long toNanos(long cycles) {
        return cycles * 1_000_000_000L / HZ;
    }
}
