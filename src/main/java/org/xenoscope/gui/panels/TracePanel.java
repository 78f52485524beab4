package org.xenoscope.gui.panels;

import java.util.List;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.ListSelectionModel;
import net.miginfocom.swing.MigLayout;
import org.xenoscope.debug.Command;
import org.xenoscope.debug.Session;
import org.xenoscope.debug.Snapshot;
import org.xenoscope.debug.TraceBuffer;
import org.xenoscope.gui.SessionController;
import org.xenoscope.gui.View;
import org.xenoscope.xen.trace.TraceEvent;

/**
 * The hypervisor's trace as a table (seq, time, domain, type, summary), appended from the session's trace buffer
 * at every update and restarted when the generation changes (reverse execution rebuilt the system). Selecting a
 * row travels to that event's time; the selection is remembered by sequence number and restored when the event
 * reappears after the travel, without travelling again.
 */
public final class TracePanel implements View {
    /** The filter choices: all, or one event type. */
    static final String[] TYPES = {"all", "hypercall", "exception", "emulate", "event", "upcall", "shutdown",
        "crash"};

    private final SessionController controller;
    private final JPanel panel = new JPanel(new MigLayout("insets 4, fill, wrap 1", "[grow, fill]", "[][grow, fill]"));
    private final JComboBox<String> type = new JComboBox<>(TYPES);
    private final TraceRows rows = new TraceRows();
    private final JTable table = new JTable(rows);
    private int generation = -1;
    private long selectedSeq = -1;
    private boolean restoring;

    /** A trace panel reading the trace of {@code c}'s session and travelling through it. */
    public TracePanel(SessionController c) {
        controller = c;
        type.setName("trace.type");
        type.getAccessibleContext().setAccessibleName("Show events of type");
        table.setName("trace.table");
        table.getAccessibleContext().setAccessibleName("Trace events; selecting one travels to its time");
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.getColumnModel().getColumn(4).setPreferredWidth(500);
        table.getSelectionModel().addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting() && !restoring) {
                selected();
            }
        });
        type.addActionListener(e -> {
            String t = (String) type.getSelectedItem();
            restoring = true;
            rows.filter("all".equals(t) ? null : t);
            restoring = false;
            restoreSelection();
        });
        panel.add(type, "growx 0");
        panel.add(new JScrollPane(table));
        panel.setName("trace");
        panel.getAccessibleContext().setAccessibleName(title());
    }

    @Override
    public String title() {
        return "Trace";
    }

    @Override
    public JComponent component() {
        return panel;
    }

    @Override
    public void update(Snapshot s, Snapshot previous) {
        Session session = controller.session();
        if (session == null) {
            return;
        }
        TraceBuffer buf = session.trace();
        if (previous == null || s.generation() != generation) {
            generation = s.generation();
            restoring = true;
            rows.clear();
            restoring = false;
        }
        int before = buf.generation();
        List<TraceEvent> fresh = buf.since(rows.lastSeq());
        if (before != s.generation() || buf.generation() != before) {
            return; // the buffer is already on a newer generation: the next snapshot will say so
        }
        if (!fresh.isEmpty()) {
            rows.append(fresh);
            restoreSelection();
        }
        table.getAccessibleContext().setAccessibleDescription(rows.getRowCount() + " events shown");
    }

    /** The user selected a row: remember it and travel to its time. */
    private void selected() {
        int r = table.getSelectedRow();
        if (r < 0) {
            return;
        }
        TraceEvent e = rows.event(table.convertRowIndexToModel(r));
        if (e.seq() == selectedSeq) {
            return;
        }
        selectedSeq = e.seq();
        controller.post(new Command.Travel(e.time()));
    }

    /** Re-selects the remembered event if it is shown and not selected (no travel results). */
    private void restoreSelection() {
        int r = selectedSeq < 0 ? -1 : rows.rowOf(selectedSeq);
        if (r < 0 || table.getSelectedRow() == r) {
            return;
        }
        restoring = true;
        table.getSelectionModel().setSelectionInterval(r, r);
        table.scrollRectToVisible(table.getCellRect(r, 0, true));
        restoring = false;
    }

    /** The sequence number of the selected (or remembered) event, or -1. */
    long selectedSeq() {
        return selectedSeq;
    }
}
