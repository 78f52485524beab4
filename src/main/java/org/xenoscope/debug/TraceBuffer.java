package org.xenoscope.debug;

import java.util.ArrayList;
import java.util.List;
import org.xenoscope.xen.trace.TraceEvent;

/**
 * The trace as other threads see it: a bounded, sequence-numbered buffer the simulation thread appends to and any
 * thread reads from ({@link #since}). A new generation (after reverse execution rebuilt the system) starts afresh.
 */
public final class TraceBuffer {
    /** Events kept; older ones are dropped (readers see a gap in the sequence numbers). */
    public static final int CAPACITY = 200_000;

    private final List<TraceEvent> events = new ArrayList<>();
    private int generation;

    synchronized void add(TraceEvent e) {
        if (events.size() == CAPACITY) {
            events.subList(0, CAPACITY / 4).clear();
        }
        events.add(e);
    }

    synchronized void reset(int gen) {
        events.clear();
        generation = gen;
    }

    /** The generation the events belong to (see {@link Snapshot#generation()}). */
    public synchronized int generation() {
        return generation;
    }

    /** Events with a sequence number greater than {@code seq}, oldest first. */
    public synchronized List<TraceEvent> since(long seq) {
        int lo = 0;
        int hi = events.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (events.get(mid).seq() <= seq) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return new ArrayList<>(events.subList(lo, events.size()));
    }

    public synchronized int size() {
        return events.size();
    }
}
