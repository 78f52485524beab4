package org.xenoscope.gui.panels;

import java.util.Locale;
import java.util.OptionalLong;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import net.miginfocom.swing.MigLayout;
import org.xenoscope.debug.Snapshot;
import org.xenoscope.gui.SessionController;
import org.xenoscope.gui.View;
import org.xenoscope.machine.cpu.Cpu;

/**
 * Hex and ASCII view of guest memory by virtual (through the current page tables), pseudo-physical (through the
 * domain's P2M) or machine address. The address is hex or a register name ("esp"), which is followed at every
 * refresh; Page up/down move by a screenful; bytes changed since the last refresh are highlighted.
 */
public final class MemoryPanel implements View {
    /** Bytes shown: 16 rows of 16. */
    static final int SPAN = 256;

    private final JPanel panel = new JPanel(new MigLayout("insets 4, fill, wrap 5", "[][grow, fill][][][]",
        "[][][grow, fill]"));
    private final JComboBox<GuestReads.Space> space = new JComboBox<>(GuestReads.Space.values());
    private final JTextField address = new JTextField("esp", 12);
    private final JLabel error = new JLabel(" ");
    private final HexRows rows = new HexRows();
    private final JTable table = new JTable(rows);
    private final LatestQuery<int[]> query;
    private long pageOffset;
    private Snapshot last;

    /** A memory panel reading through {@code c}. */
    public MemoryPanel(SessionController c) {
        query = new LatestQuery<>(c);
        JButton up = new JButton("Page up");
        JButton down = new JButton("Page down");
        name(space, "memory.space", "Address space");
        name(address, "memory.address", "Address: hex, or a register name to follow");
        name(up, "memory.up", "Previous 256 bytes");
        name(down, "memory.down", "Next 256 bytes");
        name(error, "memory.error", "Address error");
        name(table, "memory.table", "Memory bytes, 16 per row, with ASCII");
        error.setForeground(Palette.ERROR);
        table.setFont(RegisterEditor.mono(table));
        table.setDefaultRenderer(Object.class, new ChangedRenderer(rows::changedTip, Palette.CHANGED));
        table.getColumnModel().getColumn(0).setPreferredWidth(90);
        table.getColumnModel().getColumn(HexRows.PER_ROW + 1).setPreferredWidth(150);
        space.addActionListener(e -> refresh());
        address.addActionListener(e -> {
            pageOffset = 0;
            refresh();
        });
        up.addActionListener(e -> page(-SPAN));
        down.addActionListener(e -> page(SPAN));
        panel.add(space);
        panel.add(address);
        panel.add(up);
        panel.add(down, "wrap");
        panel.add(error, "span, growx");
        panel.add(new JScrollPane(table), "span, grow");
        name(panel, "memory", title());
    }

    private static void name(JComponent c, String name, String accessible) {
        c.setName(name);
        c.getAccessibleContext().setAccessibleName(accessible);
    }

    private void page(int by) {
        pageOffset += by;
        refresh();
    }

    @Override
    public String title() {
        return "Memory";
    }

    @Override
    public JComponent component() {
        return panel;
    }

    @Override
    public void update(Snapshot s, Snapshot previous) {
        last = s;
        refresh();
    }

    /** Re-reads the shown range (the address is re-evaluated, so a followed register moves the view). */
    private void refresh() {
        if (last == null) {
            return;
        }
        OptionalLong base = resolve(address.getText(), last.cpu());
        if (base.isEmpty()) {
            error.setText("'" + address.getText().trim() + "' is neither a hex address nor a register name");
            return;
        }
        error.setText(" ");
        long at = (base.getAsLong() + pageOffset) & 0xFFFFFFF0L;
        GuestReads.Space sp = (GuestReads.Space) space.getSelectedItem();
        query.request(e -> GuestReads.bytes(e, sp, at, SPAN), b -> {
            rows.set(sp + "@" + at, at, b);
            table.getAccessibleContext().setAccessibleDescription(String.format("%s %08x, %d bytes changed",
                sp.name().toLowerCase(Locale.ROOT).replace('_', '-'), at, rows.changedCount()));
        });
    }

    /** Contract: a hex address, or the value of the named register (eax..edi, eip); empty when neither. */
    static OptionalLong resolve(String text, Snapshot.Registers r) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("eip")) {
            return OptionalLong.of(Integer.toUnsignedLong(r.eip()));
        }
        for (int i = 0; i < Cpu.REG32.length; i++) {
            if (Cpu.REG32[i].equals(t)) {
                return OptionalLong.of(Integer.toUnsignedLong(r.reg(i)));
            }
        }
        return Hex.parse(t);
    }
}
