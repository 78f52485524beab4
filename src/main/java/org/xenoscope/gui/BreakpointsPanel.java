package org.xenoscope.gui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;
import javax.swing.table.AbstractTableModel;
import net.miginfocom.swing.MigLayout;
import org.xenoscope.asm.BadInputException;
import org.xenoscope.debug.Breakpoint;
import org.xenoscope.debug.Command;
import org.xenoscope.debug.Condition;
import org.xenoscope.debug.Snapshot;
import org.xenoscope.xen.abi.Hypercall;

/**
 * Every kind of breakpoint in one place: on an address (with a register condition), on a hypercall (number or
 * name, optional sub-operation in EBX), on an exception vector, on a domain kill, on a refused page-table or
 * descriptor update, and watchpoints on virtual, pseudo-physical or machine memory. The list shows what the
 * engine holds (read by query after each stop); adding and removing post commands (a running guest keeps running).
 */
public final class BreakpointsPanel implements View {
    /** The kinds offered in the "Add" row. */
    enum Kind {
        ADDRESS("address", "address (hex)", "condition, e.g. eax == 0x12"),
        HYPERCALL("hypercall", "number or name", "sub-op in EBX (optional)"),
        EXCEPTION("exception", "vector, e.g. 14", ""),
        KILL("domain kill", "", ""),
        REFUSED("validation refused", "", ""),
        WATCH("watch memory", "address (hex)", "length in bytes");

        final String label;
        final String first;
        final String second;

        Kind(String label, String first, String second) {
            this.label = label;
            this.first = first;
            this.second = second;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final SessionController controller;
    private final JPanel panel = new JPanel(new MigLayout("fill, insets 4", "[][grow][grow][][]", "[grow][][]"));
    private final Model model = new Model();
    private final JTable table = new JTable(model);
    private final JComboBox<Kind> kind = new JComboBox<>(Kind.values());
    private final JComboBox<Breakpoint.Space> space = new JComboBox<>(Breakpoint.Space.values());
    private final JTextField first = new JTextField();
    private final JTextField second = new JTextField();
    private final JButton add = new JButton("Add");
    private final JButton remove = new JButton("Remove");
    private final JLabel message = new JLabel(" ");
    private Snapshot last;

    public BreakpointsPanel(SessionController controller) {
        this.controller = controller;
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setName("breakpointsTable");
        table.getAccessibleContext().setAccessibleName("Breakpoints");
        name(kind, "breakpointKind", "Kind of breakpoint to add");
        name(space, "breakpointSpace", "Address space of a watchpoint");
        name(first, "breakpointFirst", "");
        name(second, "breakpointSecond", "");
        name(add, "breakpointAdd", "Add the breakpoint");
        name(remove, "breakpointRemove", "Remove the selected breakpoint");
        message.setName("breakpointMessage");
        kind.addActionListener(e -> kindChanged());
        add.addActionListener(e -> addBreakpoint());
        remove.addActionListener(e -> removeSelected());
        panel.add(new JScrollPane(table), "span, grow, wrap");
        panel.add(kind);
        panel.add(first, "growx");
        panel.add(second, "growx");
        panel.add(space);
        panel.add(add, "wrap");
        panel.add(remove);
        panel.add(message, "span, growx");
        panel.getAccessibleContext().setAccessibleName(title());
        kindChanged();
    }

    private static void name(JComponent c, String name, String description) {
        c.setName(name);
        c.setToolTipText(description.isEmpty() ? null : description);
        c.getAccessibleContext().setAccessibleDescription(description);
    }

    @Override
    public String title() {
        return "Breakpoints";
    }

    @Override
    public JComponent component() {
        return panel;
    }

    @Override
    public void update(Snapshot s, Snapshot previous) {
        if (previous == null || s.running() != previous.running() || !s.running()) {
            if (s != last) {
                last = s;
                controller.query(e -> List.copyOf(e.breakpoints()), model::set);
            }
        }
    }

    /** Fills the "Add" row (tests and the disassembly panel's context menu). */
    void select(Kind k, String a, String b) {
        kind.setSelectedItem(k);
        first.setText(a);
        second.setText(b);
    }

    /** Breakpoints listed now. */
    int rowCount() {
        return model.getRowCount();
    }

    private void kindChanged() {
        Kind k = (Kind) kind.getSelectedItem();
        first.setEnabled(!k.first.isEmpty());
        second.setEnabled(!k.second.isEmpty());
        space.setEnabled(k == Kind.WATCH);
        first.setToolTipText(k.first.isEmpty() ? null : k.first);
        second.setToolTipText(k.second.isEmpty() ? null : k.second);
        first.getAccessibleContext().setAccessibleDescription(k.first);
        second.getAccessibleContext().setAccessibleDescription(k.second);
    }

    /** Parses the "Add" row; a mistake is shown in one line under it, nothing is posted. */
    void addBreakpoint() {
        try {
            Breakpoint b = parse((Kind) kind.getSelectedItem(), first.getText().trim(), second.getText().trim(),
                (Breakpoint.Space) space.getSelectedItem());
            controller.post(new Command.AddBreakpoint(b));
            model.add(b);
            message.setText("added: " + describe(b));
        } catch (BadInputException | NumberFormatException e) {
            message.setText("not added: " + e.getMessage());
        }
    }

    /** Contract: the breakpoint the "Add" row describes; BadInputException or NumberFormatException for a mistake. */
    static Breakpoint parse(Kind k, String a, String b, Breakpoint.Space sp) {
        return switch (k) {
            case ADDRESS -> new Breakpoint.Address((int) hex(a), Condition.parse(b));
            case HYPERCALL -> new Breakpoint.Hypercall(hypercall(a), b.isEmpty() ? null : (int) number(b));
            case EXCEPTION -> new Breakpoint.Exception((int) number(a));
            case KILL -> new Breakpoint.DomainKill();
            case REFUSED -> new Breakpoint.ValidationRefused();
            case WATCH -> new Breakpoint.Watch(sp, hex(a), b.isEmpty() ? 4 : (int) number(b));
        };
    }

    private static int hypercall(String s) {
        if (s.isEmpty()) {
            throw new BadInputException("hypercall", "give a number or a name such as mmu_update");
        }
        if (Character.isDigit(s.charAt(0))) {
            return (int) number(s);
        }
        return Hypercall.byName(s.toLowerCase(Locale.ROOT)).map(Hypercall.Row::number)
            .orElseThrow(() -> new BadInputException("hypercall", "no hypercall named " + s));
    }

    private static long hex(String s) {
        if (s.isEmpty()) {
            throw new BadInputException("address", "give an address in hex");
        }
        String t = s.toLowerCase(Locale.ROOT).startsWith("0x") ? s.substring(2) : s;
        return Long.parseLong(t, 16);
    }

    private static long number(String s) {
        return s.toLowerCase(Locale.ROOT).startsWith("0x") ? Long.parseLong(s.substring(2), 16) : Long.parseLong(s);
    }

    private void removeSelected() {
        int row = table.getSelectedRow();
        if (row >= 0) {
            Breakpoint b = model.rows.get(row);
            controller.post(new Command.RemoveBreakpoint(b));
            model.remove(row);
            message.setText("removed: " + describe(b));
        }
    }

    /** One line for a breakpoint, as the list and screen readers show it. */
    static String describe(Breakpoint b) {
        if (b instanceof Breakpoint.Address a) {
            return String.format("before 0x%08x%s", a.address(), a.condition() == Condition.ALWAYS ? ""
                : " if " + a.condition());
        } else if (b instanceof Breakpoint.Hypercall h) {
            String name = Hypercall.byNumber(h.number()).map(Hypercall.Row::name).orElse("#" + h.number());
            return "before hypercall " + name + (h.subOp() == null ? "" : " with EBX = " + h.subOp());
        } else if (b instanceof Breakpoint.Exception x) {
            return "after exception vector " + x.vector();
        } else if (b instanceof Breakpoint.DomainKill) {
            return "after a domain is killed or crashes";
        } else if (b instanceof Breakpoint.ValidationRefused) {
            return "after a refused page-table or descriptor update";
        }
        Breakpoint.Watch w = (Breakpoint.Watch) b;
        return String.format("when %d bytes at %s 0x%x change", w.length(), w.space().name().toLowerCase(Locale.ROOT)
            .replace('_', '-'), w.address());
    }

    /** The list: one breakpoint per row. */
    private static final class Model extends AbstractTableModel {
        private final List<Breakpoint> rows = new ArrayList<>();

        void set(List<Breakpoint> bs) {
            rows.clear();
            rows.addAll(bs);
            fireTableDataChanged();
        }

        void add(Breakpoint b) {
            rows.add(b);
            fireTableRowsInserted(rows.size() - 1, rows.size() - 1);
        }

        void remove(int row) {
            rows.remove(row);
            fireTableRowsDeleted(row, row);
        }

        @Override
        public int getRowCount() {
            return rows.size();
        }

        @Override
        public int getColumnCount() {
            return 2;
        }

        @Override
        public String getColumnName(int c) {
            return c == 0 ? "Kind" : "Stops";
        }

        @Override
        public Object getValueAt(int r, int c) {
            Breakpoint b = rows.get(r);
            return c == 0 ? b.getClass().getSimpleName() : describe(b);
        }
    }
}
