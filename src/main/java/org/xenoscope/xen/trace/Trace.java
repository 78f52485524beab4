package org.xenoscope.xen.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The hypervisor's trace recorder: hands out sequence numbers and passes each event to the listeners (a JSON
 * writer, the debugger). Keeps the last {@link #KEEP} events for inspection. Used on the simulation thread only.
 */
public final class Trace {
    /** Events kept in memory (older ones are still numbered and passed to listeners). */
    public static final int KEEP = 100_000;

    private long nextSeq = 1;
    private final List<Consumer<TraceEvent>> listeners = new ArrayList<>();
    private final List<TraceEvent> recent = new ArrayList<>();

    /** The sequence number the next event gets. */
    public long nextSeq() {
        return nextSeq++;
    }

    public void addListener(Consumer<TraceEvent> l) {
        listeners.add(l);
    }

    /** Records {@code e} (built with a number from {@link #nextSeq()}). */
    public void emit(TraceEvent e) {
        if (recent.size() == KEEP) {
            recent.subList(0, KEEP / 2).clear();
        }
        recent.add(e);
        for (Consumer<TraceEvent> l : listeners) {
            l.accept(e);
        }
    }

    /** Events recorded so far (the sequence number of the last one). */
    public long count() {
        return nextSeq - 1;
    }

    /** The recent events, oldest first (at most {@link #KEEP}). */
    public List<TraceEvent> events() {
        return List.copyOf(recent);
    }
}
