package org.xenoscope.gui.panels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javax.swing.JComboBox;
import javax.swing.JTable;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xenoscope.debug.Command;
import org.xenoscope.xen.trace.TraceEvent;

class TracePanelTest {
    private PanelHarness<TracePanel> h;

    @AfterEach
    void close() {
        if (h != null) {
            h.close();
        }
    }

    private TraceRows model(JTable t) {
        return (TraceRows) t.getModel();
    }

    @Test
    void hypercallsAppearAndSelectingARowTravelsWithoutLooping() {
        h = PanelHarness.open(TestGuest.spec(), TracePanel::new);
        JTable t = (JTable) h.frame.table("trace.table").target();
        h.post(new Command.RunTo(TestGuest.symbol("after_calls")));
        h.settle();
        h.waitFor("boot event and four hypercalls", () -> t.getRowCount() == 5);
        assertThat(h.onEdt(() -> t.getValueAt(0, 3))).isEqualTo("event"); // the console channel bound at boot
        assertThat(h.onEdt(() -> t.getValueAt(1, 3))).isEqualTo("hypercall");
        assertThat(h.onEdt(() -> String.valueOf(t.getValueAt(1, 4)))).contains("set_trap_table");
        assertThat(h.onEdt(() -> String.valueOf(t.getValueAt(2, 4)))).contains("console_io");
        long cyclesBefore = h.latest().cycles();
        TraceEvent second = h.onEdt(() -> model(t).event(3)); // the second console_io
        int generation = h.latest().generation();

        h.onEdt(() -> {
            t.setRowSelectionInterval(3, 3);
            return null;
        });
        h.waitFor("travelled to the event", () -> h.latest().cycles() == second.time()
            && h.latest().generation() > generation);
        assertThat(second.time()).isLessThan(cyclesBefore);
        h.settle();
        // the run now stands just before the event: it is not in the table yet, but remembered
        h.waitFor("the trace restarted up to the event", () -> t.getRowCount() == 3);
        assertThat(h.onEdt(() -> t.getValueAt(0, 3))).as("boot events survive a rebuild").isEqualTo("event");
        assertThat(h.onEdt(h.view::selectedSeq)).isEqualTo(second.seq());
        int genAfter = h.latest().generation();
        h.step(1); // executes the hypercall: the event reappears and is re-selected without travelling
        h.waitFor("the event re-selected", () -> t.getSelectedRow() >= 0
            && model(t).event(t.getSelectedRow()).seq() == second.seq());
        h.settle();
        assertThat(h.latest().generation()).as("no second travel").isEqualTo(genAfter);
        assertThat(h.latest().cycles()).isGreaterThan(second.time());
    }

    @Test
    void typeFilterShowsOnlyThatType() {
        h = PanelHarness.open(TestGuest.spec(), TracePanel::new);
        JTable t = (JTable) h.frame.table("trace.table").target();
        h.post(new Command.Continue());
        h.waitFor("finished", () -> h.latest().finished());
        h.settle();
        h.waitFor("an exception row", () -> hasType(t, "exception"));
        @SuppressWarnings("unchecked")
        JComboBox<String> type = (JComboBox<String>) h.frame.comboBox("trace.type").target();
        h.onEdt(() -> {
            type.setSelectedItem("exception");
            return null;
        });
        assertThat(h.onEdt(t::getRowCount)).isEqualTo(1);
        assertThat(h.onEdt(() -> String.valueOf(t.getValueAt(0, 4)))).containsIgnoringCase("page fault");
    }

    private static boolean hasType(JTable t, String type) {
        for (int r = 0; r < t.getRowCount(); r++) {
            if (type.equals(t.getValueAt(r, 3))) {
                return true;
            }
        }
        return false;
    }

    /** 100 000 rows appended in batches: each append inserts only its range; lookups stay by sequence. */
    @Test
    void holdsAHundredThousandRows() {
        TraceRows rows = GuiActionRunner.execute(TraceRows::new);
        int[] inserted = new int[1];
        rows.addTableModelListener(e -> inserted[0] += e.getLastRow() - e.getFirstRow() + 1);
        for (int b = 0; b < 100; b++) {
            List<TraceEvent> batch = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                long seq = b * 1000L + i;
                batch.add(new TraceEvent.Event(seq, seq * 10, 1, 3, 0, "send"));
            }
            rows.append(batch);
        }
        assertThat(rows.getRowCount()).isEqualTo(100_000);
        assertThat(inserted[0]).isEqualTo(100_000);
        assertThat(rows.rowOf(76_543)).isEqualTo(76_543);
        assertThat(rows.lastSeq()).isEqualTo(99_999);
        rows.filter("hypercall");
        assertThat(rows.getRowCount()).isZero();
    }
}
