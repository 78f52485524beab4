package org.xenoscope.gui.panels;

import java.util.ArrayList;
import java.util.List;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import net.miginfocom.swing.MigLayout;
import org.xenoscope.debug.Command;
import org.xenoscope.debug.Snapshot;
import org.xenoscope.debug.SystemSpec;
import org.xenoscope.gui.SessionController;
import org.xenoscope.gui.View;

/**
 * The CPU of the current vCPU: general registers and EIP (editable while stopped), EFLAGS decoded, the privilege
 * level in words, segment registers with their descriptor caches, CR0/CR2/CR3/CR4, GDTR and IDTR. Values that
 * changed since the previous snapshot are highlighted and listed in the accessible description.
 */
public final class CpuPanel implements View {
    private final JPanel panel = new JPanel(new MigLayout("insets 4, fill, wrap 1", "[grow, fill]", "[][][grow]"));
    private final JLabel header = new JLabel(" ");
    private final RegisterEditor editor;
    private final RegisterRows rows = new RegisterRows();
    private final JTable table = new JTable(rows);
    private boolean pv = true;

    /** A CPU panel posting register edits to {@code c}. */
    public CpuPanel(SessionController c) {
        editor = new RegisterEditor((reg, v) -> c.post(new Command.SetRegister(reg, v)));
        c.addSessionListener(s -> c.query(e -> e.spec().kind() == SystemSpec.Kind.PV, isPv -> pv = isPv));
        header.setName("cpu.header");
        table.setName("cpu.table");
        table.getAccessibleContext().setAccessibleName("EFLAGS, segment and control registers");
        table.setDefaultRenderer(Object.class, new ChangedRenderer(i -> rows.row(i).changed(), Palette.CHANGED,
            i -> rows.row(i).name() + " changed since the previous stop"));
        table.setFont(RegisterEditor.mono(table));
        table.getColumnModel().getColumn(0).setPreferredWidth(60);
        table.getColumnModel().getColumn(1).setPreferredWidth(200);
        table.getColumnModel().getColumn(2).setPreferredWidth(320);
        panel.add(header);
        panel.add(editor.component());
        panel.add(new JScrollPane(table), "grow");
        panel.setName("cpu");
        panel.getAccessibleContext().setAccessibleName(title());
    }

    @Override
    public String title() {
        return "CPU";
    }

    @Override
    public JComponent component() {
        return panel;
    }

    @Override
    public void update(Snapshot s, Snapshot previous) {
        Snapshot.Registers r = s.cpu();
        Snapshot p = previous;
        boolean stopped = !s.running() && !s.finished();
        editor.show(r, p == null ? null : p.cpu(), stopped);
        rows.show(r, p == null ? null : p.cpu(), pv);
        header.setText(String.format("EIP %08x   %s   %s", r.eip(), CpuText.ring(r.cpl(), pv),
            s.running() ? "running" : s.finished() ? "finished" : "stopped"));
        List<String> changed = new ArrayList<>(editor.changedNames());
        changed.addAll(rows.changedNames());
        panel.getAccessibleContext().setAccessibleDescription(header.getText()
            + (changed.isEmpty() ? "; nothing changed" : "; changed: " + String.join(", ", changed)));
    }
}
