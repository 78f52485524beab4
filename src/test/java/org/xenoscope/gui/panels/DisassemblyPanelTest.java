package org.xenoscope.gui.panels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.swing.JTable;
import org.assertj.swing.data.TableCell;
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
        h.frame.table("disasm.table").click(TableCell.row(row).column(0), org.assertj.swing.core.MouseButton.LEFT_BUTTON);
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
        h.frame.table("disasm.table").click(TableCell.row(row2).column(0), org.assertj.swing.core.MouseButton.LEFT_BUTTON);
        h.waitFor("breakpoint removed", () -> breakpoints().isEmpty());

        h.settle();
        h.waitFor("window re-read", () -> h.view.idle());
        int fault = TestGuest.symbol("fault_insn");
        h.waitFor("fault_insn shown", () -> ((DisasmRows) table.getModel()).rowOf(fault) >= 0);
        int row3 = h.onEdt(() -> ((DisasmRows) table.getModel()).rowOf(fault));
        h.frame.table("disasm.table").cell(TableCell.row(row3).column(4)).doubleClick();
        h.waitFor("ran to fault_insn", () -> !h.latest().running() && h.latest().cpu().eip() == fault);
    }
}
