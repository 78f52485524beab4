package org.xenoscope.gui.panels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.swing.JTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xenoscope.debug.Breakpoint;
import org.xenoscope.debug.Command;

class DisassemblyPanelTest {
    private PanelHarness<DisassemblyPanel> h;
    private JTable table;

    @BeforeEach
    void open() {
        h = PanelHarness.open(TestGuest.spec(), DisassemblyPanel::new);
        table = (JTable) h.frame.table("disasm.table").target();
    }

    @AfterEach
    void close() {
        h.close();
    }

    /** The row marked as current, or -1. */
    private int currentRow() {
        for (int r = 0; r < table.getRowCount(); r++) {
            if (String.valueOf(table.getValueAt(r, 0)).contains(DisasmRows.HERE)) {
                return r;
            }
        }
        return -1;
    }

    /**
     * A mouse click (the {@code n}th of a multi-click) at the centre of a cell, dispatched to the table on the EDT:
     * it goes through the panel's real mouse listener without depending on the OS delivering robot events.
     */
    private void click(int row, int col, int n) {
        h.onEdt(() -> {
            java.awt.Rectangle r = table.getCellRect(row, col, true);
            table.dispatchEvent(new java.awt.event.MouseEvent(table, java.awt.event.MouseEvent.MOUSE_CLICKED,
                System.currentTimeMillis(), 0, r.x + r.width / 2, r.y + r.height / 2, n, false,
                java.awt.event.MouseEvent.BUTTON1));
            return null;
        });
    }

    private List<Breakpoint> breakpoints() {
        try {
            return h.session().query(e -> e.breakpoints()).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private String text(int r) {
        return String.valueOf(table.getValueAt(r, 4));
    }

    @Test
    void showsTheInstructionAtEipWithSymbolsAndRing() {
        h.waitFor("_start shown", () -> currentRow() >= 0 && text(currentRow()).startsWith("mov    esp,"));
        assertThat(h.onEdt(() -> table.getValueAt(currentRow(), 2))).isEqualTo("_start");
        h.step(2);
        h.waitFor("the call is current", () -> currentRow() >= 0
            && text(currentRow()).startsWith("call") && text(currentRow()).contains("<hypercall_page>"));
        assertThat(h.onEdt(() -> table.getValueAt(currentRow(), 1)))
            .isEqualTo(Hex.h8(h.latest().cpu().eip()));
        h.frame.label("disasm.header").requireText(java.util.regex.Pattern.compile(".*ring 1 \\(guest kernel\\)"));
        String tip = h.onEdt(() -> ((DisasmRows) table.getModel()).tip(currentRow(), 4));
        assertThat(tip).startsWith("current instruction");
    }

    @Test
    void gutterClickTogglesABreakpointAndDoubleClickRunsToHere() throws Exception {
        int target = TestGuest.symbol("after_calls");
        h.waitFor("window read", () -> h.view.idle());
        h.waitFor("after_calls shown", () -> ((DisasmRows) table.getModel()).rowOf(target) >= 0);
        int row = h.onEdt(() -> ((DisasmRows) table.getModel()).rowOf(target));
        click(row, 0, 1);
        h.waitFor("gutter mark", () -> String.valueOf(table.getValueAt(row, 0)).contains(DisasmRows.BREAK));
        List<Breakpoint> bps = breakpoints();
        assertThat(bps).singleElement().isInstanceOfSatisfying(Breakpoint.Address.class,
            b -> assertThat(b.address()).isEqualTo(target));
        h.waitFor("gutter mark", () -> String.valueOf(table.getValueAt(row, 0)).contains(DisasmRows.BREAK));

        h.post(new Command.Continue());
        h.waitFor("stopped at the breakpoint", () -> !h.latest().running() && h.latest().cpu().eip() == target);

        h.settle();
        h.waitFor("window re-read", () -> h.view.idle());
        int row2 = h.onEdt(() -> ((DisasmRows) table.getModel()).rowOf(target));
        click(row2, 0, 1);
        h.waitFor("breakpoint removed", () -> breakpoints().isEmpty());

        h.settle();
        h.waitFor("window re-read", () -> h.view.idle());
        int fault = TestGuest.symbol("fault_insn");
        h.waitFor("fault_insn shown", () -> ((DisasmRows) table.getModel()).rowOf(fault) >= 0);
        int row3 = h.onEdt(() -> ((DisasmRows) table.getModel()).rowOf(fault));
        click(row3, 4, 1);
        click(row3, 4, 2);
        h.waitFor("ran to fault_insn", () -> !h.latest().running() && h.latest().cpu().eip() == fault);
    }
}
