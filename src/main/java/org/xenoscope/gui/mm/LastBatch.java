package org.xenoscope.gui.mm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xenoscope.xen.trace.TraceEvent;

/**
 * The page-table entries the last validated batch decided (an {@code mmu_update} batch, an
 * {@code update_va_mapping}), by the machine address of each entry, from the trace's Validation events.
 *
 * <p>A batch is a run of Validation events with no other trace event between them (a hypercall's own trace event
 * follows its decisions, so it ends the run). {@link #feed} takes the events that arrived since the last stop; when
 * they hold a batch that decided entries, it replaces the one kept, otherwise the old one stays on show.
 */
public final class LastBatch {
    private Map<Long, TraceEvent.Validation> byEntry = Map.of();
    private long time = -1;

    /**
     * Contract: scans {@code events} (oldest first) and keeps the last run of Validation events that decided at
     * least one entry (entry &ge; 0); if there is none, nothing changes. Returns true if the batch changed.
     */
    public boolean feed(List<TraceEvent> events) {
        List<TraceEvent.Validation> run = new ArrayList<>();
        List<TraceEvent.Validation> last = null;
        for (TraceEvent e : events) {
            if (e instanceof TraceEvent.Validation v) {
                run.add(v);
                continue;
            }
            last = decidedEntries(run) ? run : last;
            run = new ArrayList<>();
        }
        last = decidedEntries(run) ? run : last;
        if (last == null) {
            return false;
        }
        Map<Long, TraceEvent.Validation> m = new LinkedHashMap<>();
        for (TraceEvent.Validation v : last) {
            if (v.entry() >= 0) {
                m.put(v.entry(), v);
            }
        }
        byEntry = Map.copyOf(m);
        time = last.get(last.size() - 1).time();
        return true;
    }

    private static boolean decidedEntries(List<TraceEvent.Validation> run) {
        return run.stream().anyMatch(v -> v.entry() >= 0);
    }

    /** Forgets the batch (a new session, or reverse execution restarted the trace). */
    public void clear() {
        byEntry = Map.of();
        time = -1;
    }

    /** The decision on the entry at machine address {@code entryMa}, or null if the last batch did not touch it. */
    public TraceEvent.Validation decision(long entryMa) {
        return byEntry.get(entryMa);
    }

    /** Number of entries decided, and of those refused. */
    public int size() {
        return byEntry.size();
    }

    public long refused() {
        return byEntry.values().stream().filter(v -> !v.accepted()).count();
    }

    /** Virtual time of the batch's last decision, or -1 with none. */
    public long time() {
        return time;
    }
}
