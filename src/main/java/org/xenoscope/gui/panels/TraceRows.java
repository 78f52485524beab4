package org.xenoscope.gui.panels;

import java.util.ArrayList;
import java.util.List;
import javax.swing.table.AbstractTableModel;
import org.xenoscope.xen.trace.TraceEvent;

/**
 * The trace table: every event read so far (append only) and the ones the type filter lets through, which are the
 * rows. Appending fires only the inserted range, so it stays fast with hundreds of thousands of rows.
 */
final class TraceRows extends AbstractTableModel {
    private static final long serialVersionUID = 1L;
    private static final String[] COLUMNS = {"Seq", "Time", "Domain", "Type", "Summary"};

    private final List<TraceEvent> all = new ArrayList<>();
    private final List<TraceEvent> shown = new ArrayList<>();
    private String type;

    /** Contract: appends {@code events} (newer than every held one); rows matching the filter are inserted. */
    void append(List<TraceEvent> events) {
        int first = shown.size();
        for (TraceEvent e : events) {
            all.add(e);
            if (type == null || type.equals(e.type())) {
                shown.add(e);
            }
        }
        if (shown.size() > first) {
            fireTableRowsInserted(first, shown.size() - 1);
        }
    }

    /** Forgets every event (a new generation or session). */
    void clear() {
        all.clear();
        shown.clear();
        fireTableDataChanged();
    }

    /** Shows only events of {@code t} (null: all). */
    void filter(String t) {
        type = t;
        shown.clear();
        for (TraceEvent e : all) {
            if (t == null || t.equals(e.type())) {
                shown.add(e);
            }
        }
        fireTableDataChanged();
    }

    /** The sequence number of the last event read, or -1. */
    long lastSeq() {
        return all.isEmpty() ? -1 : all.get(all.size() - 1).seq();
    }

    TraceEvent event(int row) {
        return shown.get(row);
    }

    /** The row showing event {@code seq}, or -1 (binary search: rows are in sequence order). */
    int rowOf(long seq) {
        int lo = 0;
        int hi = shown.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long s = shown.get(mid).seq();
            if (s == seq) {
                return mid;
            } else if (s < seq) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -1;
    }

    @Override
    public int getRowCount() {
        return shown.size();
    }

    @Override
    public int getColumnCount() {
        return COLUMNS.length;
    }

    @Override
    public String getColumnName(int c) {
        return COLUMNS[c];
    }

    @Override
    public Class<?> getColumnClass(int c) {
        return c <= 2 ? Long.class : String.class;
    }

    @Override
    public Object getValueAt(int r, int c) {
        TraceEvent e = shown.get(r);
        return switch (c) {
            case 0 -> e.seq();
            case 1 -> e.time();
            case 2 -> (long) e.domain();
            case 3 -> e.type();
            default -> e.summary();
        };
    }
}
