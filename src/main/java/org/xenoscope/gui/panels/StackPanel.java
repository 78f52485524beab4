package org.xenoscope.gui.panels;

import java.util.List;
import javax.swing.JComponent;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import org.xenoscope.debug.Snapshot;
import org.xenoscope.gui.SessionController;
import org.xenoscope.gui.View;
import org.xenoscope.machine.cpu.Cpu;

/**
 * The words at ESP and above, read through the current page tables ("--" where unmapped), with return addresses
 * and other code pointers named by the guest's symbols.
 */
public final class StackPanel implements View {
    /** Dwords shown. */
    static final int WORDS = 32;

    private final StackRows rows = new StackRows();
    private final JTable table = new JTable(rows);
    private final JScrollPane scroll = new JScrollPane(table);
    private final LatestQuery<List<String[]>> query;

    /** A stack panel reading through {@code c}. */
    public StackPanel(SessionController c) {
        query = new LatestQuery<>(c);
        table.setName("stack.table");
        table.setFont(RegisterEditor.mono(table));
        table.getAccessibleContext().setAccessibleName("Stack: dwords from ESP upwards");
        scroll.setName("stack");
        scroll.getAccessibleContext().setAccessibleName(title());
    }

    @Override
    public String title() {
        return "Stack";
    }

    @Override
    public JComponent component() {
        return scroll;
    }

    @Override
    public void update(Snapshot s, Snapshot previous) {
        int esp = s.cpu().reg(Cpu.ESP);
        query.request(e -> StackRows.read(e, esp, WORDS), rows::set);
    }
}
