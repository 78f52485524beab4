package org.xenoscope.gui.panels;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.BiConsumer;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.UIManager;
import net.miginfocom.swing.MigLayout;
import org.xenoscope.debug.Snapshot;
import org.xenoscope.machine.cpu.Cpu;

/**
 * The eight general registers and EIP as hex fields: changed ones highlighted (with a tooltip saying so), editable
 * while the simulation is stopped. Enter in a field validates the hex value and hands (register, value) to the
 * sink (register 8 = EIP); bad input shows an inline error and changes nothing.
 */
final class RegisterEditor {
    static final int EIP = 8;

    private final JPanel panel = new JPanel(new MigLayout("insets 4, gap 4 2, wrap 6", "[right][90!][10]"));
    private final JTextField[] fields = new JTextField[9];
    private final JLabel error = new JLabel(" ");
    private final int[] shown = new int[9];
    private final List<String> changed = new ArrayList<>();

    RegisterEditor(BiConsumer<Integer, Integer> sink) {
        for (int i = 0; i < fields.length; i++) {
            String name = i == EIP ? "EIP" : Cpu.REG32[i].toUpperCase(Locale.ROOT);
            JTextField f = new JTextField(8);
            f.setName("reg." + name.toLowerCase(Locale.ROOT));
            f.getAccessibleContext().setAccessibleName(name);
            f.setFont(mono(f));
            int reg = i;
            f.addActionListener(e -> commit(reg, name, f.getText(), sink));
            JLabel l = new JLabel(name);
            l.setLabelFor(f);
            panel.add(l);
            panel.add(f);
            panel.add(new JLabel(""));
            fields[i] = f;
        }
        error.setName("reg.error");
        error.setForeground(Palette.ERROR);
        error.getAccessibleContext().setAccessibleName("register edit error");
        panel.add(error, "newline, span, growx");
    }

    static java.awt.Font mono(JComponent c) {
        return new java.awt.Font(java.awt.Font.MONOSPACED, java.awt.Font.PLAIN, c.getFont().getSize());
    }

    JComponent component() {
        return panel;
    }

    /** Validates {@code text}; posts it or shows why not. */
    private void commit(int reg, String name, String text, BiConsumer<Integer, Integer> sink) {
        OptionalLong v = Hex.parse(text);
        if (v.isEmpty()) {
            error.setText(name + ": '" + text.trim() + "' is not a hex number of up to 8 digits");
            return;
        }
        error.setText(" ");
        sink.accept(reg, (int) v.getAsLong());
    }

    /** Contract: shows {@code r}, highlighting values that differ from {@code prev} (null: none). */
    void show(Snapshot.Registers r, Snapshot.Registers prev, boolean editable) {
        changed.clear();
        Color bg = UIManager.getColor("TextField.background");
        for (int i = 0; i < fields.length; i++) {
            int v = i == EIP ? r.eip() : r.reg(i);
            int was = prev == null ? v : i == EIP ? prev.eip() : prev.reg(i);
            JTextField f = fields[i];
            if (!f.isFocusOwner() || v != shown[i] || !f.isEditable()) {
                f.setText(Hex.h8(v));
            }
            shown[i] = v;
            boolean diff = v != was;
            f.setBackground(diff && bg != null ? ChangedRenderer.over(bg, Palette.CHANGED) : bg);
            f.setToolTipText(diff ? f.getAccessibleContext().getAccessibleName() + " changed: was " + Hex.h8(was)
                : null);
            f.getAccessibleContext().setAccessibleDescription(diff ? "changed, was " + Hex.h8(was) : "unchanged");
            f.setEditable(editable);
            if (diff) {
                changed.add(f.getAccessibleContext().getAccessibleName());
            }
        }
    }

    /** The names of the registers that changed at the last {@link #show}. */
    List<String> changedNames() {
        return List.copyOf(changed);
    }
}
