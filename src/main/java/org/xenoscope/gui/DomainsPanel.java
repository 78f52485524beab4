package org.xenoscope.gui;

import java.awt.Component;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.ListSelectionModel;
import javax.swing.table.DefaultTableCellRenderer;
import net.miginfocom.swing.MigLayout;
import org.xenoscope.debug.Command;
import org.xenoscope.debug.Snapshot;

/**
 * The domains: Xen itself (implicit, always first), then every domain the hypervisor knows (Dom0, DomUs) with its
 * state, the reason it ended, its memory in pages and a marker on the one whose vCPU is current. Actions on the
 * selected guest domain, as the toolstack's {@code xl pause}, {@code xl unpause} and {@code xl destroy}: a paused
 * domain is not scheduled (the others go on running), unpausing lets it run again, destroy kills it. All three are
 * journaled, so stepping back undoes them.
 */
public final class DomainsPanel implements View {
    /** Column titles (also read by screen readers as the table's headers). */
    static final String[] COLUMNS = {"", "ID", "Domain", "State", "Pages", "Why it ended"};

    private final SessionController controller;
    private final JPanel panel = new JPanel(new MigLayout("fill, insets 4", "[grow]", "[grow][]"));
    private final Model model = new Model();
    private final JTable table = new JTable(model);
    private final JButton pause = new JButton("Pause domain");
    private final JButton cont = new JButton("Unpause domain");
    private final JButton destroy = new JButton("Destroy");
    private final JLabel summary = new JLabel(" ");

    public DomainsPanel(SessionController controller) {
        this.controller = controller;
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setDefaultRenderer(Object.class, new StateRenderer());
        int[] widths = {24, 30, 110, 80, 60, 160};
        for (int i = 0; i < widths.length; i++) {
            table.getColumnModel().getColumn(i).setPreferredWidth(widths[i]);
        }
        table.getColumnModel().getColumn(0).setMaxWidth(30);
        table.getColumnModel().getColumn(1).setMaxWidth(60);
        table.setAutoResizeMode(JTable.AUTO_RESIZE_LAST_COLUMN);
        table.getAccessibleContext().setAccessibleName("Domains");
        table.getAccessibleContext().setAccessibleDescription("One row per domain: id, name, state, pages");
        table.setName("domainsTable");
        pause.addActionListener(e -> pauseSelected(true));
        cont.addActionListener(e -> pauseSelected(false));
        destroy.addActionListener(e -> destroySelected());
        name(pause, "domainsPause", "Pause the selected domain (it is not scheduled until unpaused)");
        name(cont, "domainsContinue", "Unpause the selected domain");
        name(destroy, "domainsDestroy", "Destroy the selected domain");
        summary.setName("domainsSummary");
        table.setPreferredScrollableViewportSize(new java.awt.Dimension(360, 200));
        panel.add(new JScrollPane(table), "grow, wrap");
        panel.add(pause, "split 4");
        panel.add(cont);
        panel.add(destroy);
        panel.add(summary, "gapleft 8, growx, wmin 0");
        panel.getAccessibleContext().setAccessibleName(title());
    }

    private static void name(JComponent c, String name, String description) {
        c.setName(name);
        c.setToolTipText(description);
        c.getAccessibleContext().setAccessibleDescription(description);
    }

    @Override
    public String title() {
        return "Domains";
    }

    @Override
    public JComponent component() {
        return panel;
    }

    @Override
    public void update(Snapshot s, Snapshot previous) {
        List<Row> rows = rows(s);
        if (!rows.equals(model.rows())) {
            int sel = table.getSelectedRow();
            model.set(rows);
            if (sel >= 0 && sel < rows.size()) {
                table.setRowSelectionInterval(sel, sel);
            }
        }
        pause.setEnabled(!s.finished());
        cont.setEnabled(!s.finished());
        summary.setText(text(rows));
        summary.getAccessibleContext().setAccessibleName(summary.getText());
    }

    /** The text equivalent of the table, e.g. "Dom1 hello.elf: running (current)". */
    static String text(List<Row> rows) {
        StringBuilder b = new StringBuilder();
        for (Row r : rows) {
            if (r.id() >= 0) {
                b.append(b.length() == 0 ? "" : "; ").append(r.label()).append(": ").append(r.state().toLowerCase())
                    .append(r.current() ? " (current)" : "");
            }
        }
        return b.toString();
    }

    private void pauseSelected(boolean paused) {
        int i = table.getSelectedRow();
        if (i >= 0 && i < model.rows().size() && model.rows().get(i).id() > 0) {
            controller.post(new Command.PauseDomain(model.rows().get(i).id(), paused));
        }
    }

    private void destroySelected() {
        int i = table.getSelectedRow();
        if (i < 0 || i >= model.rows().size()) {
            return;
        }
        Row r = model.rows().get(i);
        if (r.id() >= 0) {
            controller.post(new Command.DestroyDomain(r.id()));
        }
    }

    /** Selects the row of domain {@code id} (for tests and keyboard users). */
    void select(int id) {
        for (int i = 0; i < model.rows().size(); i++) {
            if (model.rows().get(i).id() == id) {
                table.setRowSelectionInterval(i, i);
            }
        }
    }

    JTable table() {
        return table;
    }

    /** One table row; Xen's row has id -1. The console is left out so output alone does not rebuild the table. */
    record Row(int id, String name, String state, int pages, String reason, boolean current) {
        String label() {
            return id < 0 ? "Xen" : "Dom" + id + " " + name;
        }
    }

    static List<Row> rows(Snapshot s) {
        List<Row> r = new ArrayList<>();
        boolean bare = s.domains().size() == 1 && s.domains().get(0).name().equals("bare metal");
        if (!bare) {
            r.add(new Row(-1, "Xen", "HYPERVISOR", 0, "", false));
        }
        for (Snapshot.DomainView d : s.domains()) {
            r.add(new Row(d.id(), d.name(), d.state(), d.pages(), Objects.toString(d.endReason(), ""), d.current()));
        }
        return r;
    }

    /** The table's data. */
    private static final class Model extends RowsModel<Row> {
        Model() {
            super(COLUMNS);
        }

        @Override
        protected Object cell(Row r, int col) {
            return switch (col) {
                case 0 -> r.current() ? "\u25B6" : "";
                case 1 -> r.id() < 0 ? "" : Integer.toString(r.id());
                case 2 -> r.id() < 0 ? "Xen (hypervisor)" : r.name();
                case 3 -> r.id() < 0 ? "" : r.state().toLowerCase();
                case 4 -> r.id() < 0 ? "" : Integer.toString(r.pages());
                default -> r.reason();
            };
        }
    }

    /** Colours the state column with the theme's colour-blind-safe state colours (the text says it too). */
    private static final class StateRenderer extends DefaultTableCellRenderer {
        @Override
        public Component getTableCellRendererComponent(JTable t, Object v, boolean sel, boolean focus, int row,
                                                       int col) {
            Component c = super.getTableCellRendererComponent(t, v, sel, focus, row, col);
            if (col == 3 && !sel && v != null && !v.toString().isEmpty()) {
                c.setForeground(Theme.state(v.toString()));
            } else if (!sel) {
                c.setForeground(t.getForeground());
            }
            return c;
        }
    }
}
