package org.xenoscope.gui.panels;

import java.awt.Rectangle;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import net.miginfocom.swing.MigLayout;
import org.xenoscope.debug.Breakpoint;
import org.xenoscope.debug.Command;
import org.xenoscope.debug.Condition;
import org.xenoscope.debug.Snapshot;
import org.xenoscope.debug.SystemSpec;
import org.xenoscope.gui.SessionController;
import org.xenoscope.gui.View;

/**
 * Disassembly around EIP with the guest's symbols, the current instruction highlighted and the ring shown. A click
 * in the gutter toggles an address breakpoint; a double click on an instruction runs to it. The window (about
 * {@link #WINDOW} instructions) is re-read only at a stop or when EIP leaves it.
 */
public final class DisassemblyPanel implements View {
    /** Instructions per window. */
    static final int WINDOW = 64;

    private final SessionController controller;
    private final JPanel panel = new JPanel(new MigLayout("insets 4, fill, wrap 1", "[grow, fill]", "[][grow, fill]"));
    private final JLabel header = new JLabel(" ");
    private final DisasmRows rows = new DisasmRows();
    private final JTable table = new JTable(rows);
    private final LatestQuery<DisasmWindow> query;
    private boolean pv = true;

    /** A disassembly panel reading through and posting to {@code c}. */
    public DisassemblyPanel(SessionController c) {
        controller = c;
        query = new LatestQuery<>(c);
        c.addSessionListener(s -> c.query(e -> e.spec().kind() == SystemSpec.Kind.PV, isPv -> pv = isPv));
        header.setName("disasm.header");
        table.setName("disasm.table");
        table.getAccessibleContext().setAccessibleName("Disassembly: gutter, address, label, bytes, instruction");
        table.setFont(RegisterEditor.mono(table));
        table.setDefaultRenderer(Object.class, new ChangedRenderer(rows::tip, Palette.CURRENT));
        table.getColumnModel().getColumn(0).setMaxWidth(36);
        table.getColumnModel().getColumn(4).setPreferredWidth(320);
        table.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                clicked(table.rowAtPoint(e.getPoint()), table.columnAtPoint(e.getPoint()), e.getClickCount());
            }
        });
        panel.add(header);
        panel.add(new JScrollPane(table));
        panel.setName("disassembly");
        panel.getAccessibleContext().setAccessibleName(title());
    }

    @Override
    public String title() {
        return "Disassembly";
    }

    @Override
    public JComponent component() {
        return panel;
    }

    @Override
    public void update(Snapshot s, Snapshot previous) {
        int eip = s.cpu().eip();
        rows.setEip(eip);
        header.setText(String.format("EIP %08x   %s", eip, CpuText.ring(s.cpu().cpl(), pv)));
        if (!s.running() || !rows.window().has(eip)) {
            reload(eip);
        } else {
            scrollTo(eip);
        }
    }

    /** Re-reads the window around {@code eip} and the breakpoints. */
    private void reload(int eip) {
        query.request(e -> DisasmWindow.read(e, eip, WINDOW), w -> {
            rows.set(w);
            scrollTo(rows.eip());
            describe();
        });
    }

    private void scrollTo(int eip) {
        int r = rows.rowOf(eip);
        if (r >= 0) {
            Rectangle cell = table.getCellRect(r, 0, true);
            table.scrollRectToVisible(new Rectangle(cell.x, cell.y - cell.height * 4, cell.width, cell.height * 9));
        }
    }

    private void describe() {
        int r = rows.rowOf(rows.eip());
        String at = r < 0 ? "EIP outside the shown code" : "current instruction " + rows.getValueAt(r, 4);
        table.getAccessibleContext().setAccessibleDescription(header.getText() + "; " + at + "; breakpoints at "
            + rows.window().breakpoints().keySet().stream().map(Hex::h8).sorted().toList());
    }

    /** True when no read is outstanding (tests wait for this after a stop). */
    boolean idle() {
        return !query.busy();
    }

    /**
     * Every click in the gutter toggles a breakpoint (so two quick clicks are not mistaken for a double click);
     * a double click elsewhere runs to the instruction.
     */
    void clicked(int row, int col, int clicks) {
        if (row < 0) {
            return;
        }
        int addr = rows.address(row);
        if (col == 0) {
            Breakpoint b = rows.breakpointAt(row);
            controller.post(b != null ? new Command.RemoveBreakpoint(b)
                : new Command.AddBreakpoint(new Breakpoint.Address(addr, Condition.ALWAYS)));
            reload(rows.eip());
        } else if (col > 0 && clicks == 2) {
            controller.post(new Command.RunTo(addr));
        }
    }
}
