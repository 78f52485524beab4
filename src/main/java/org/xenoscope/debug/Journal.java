package org.xenoscope.debug;

import java.util.ArrayList;
import java.util.List;

/**
 * The user's changes to a run, each stamped with the cycle count at which it was made, in order: what replay
 * applies on top of the deterministic machine to reproduce the run. Changing the past discards the future.
 */
public final class Journal {
    /**
     * One change at {@code cycles}: REG sets register {@code a} (0-7, 8 = EIP) to {@code value}; MEM writes
     * {@code data} at machine address {@code a}; INPUT types {@code data} into domain {@code a}'s console;
     * DESTROY kills domain {@code a}.
     */
    public record Entry(long cycles, Kind kind, long a, int value, byte[] data) {
        public Entry {
            data = data == null ? new byte[0] : data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }
    }

    /** Kinds of change. */
    public enum Kind { REG, MEM, INPUT, DESTROY, PAUSE, UNPAUSE }

    private final List<Entry> entries = new ArrayList<>();

    /** Contract: appends {@code e}, dropping every entry made later in the run than it (that future is gone). */
    public void add(Entry e) {
        entries.removeIf(x -> x.cycles() > e.cycles());
        entries.add(e);
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** Replaces the contents (loading a saved simulation). */
    void replace(List<Entry> es) {
        entries.clear();
        entries.addAll(es);
    }
}
