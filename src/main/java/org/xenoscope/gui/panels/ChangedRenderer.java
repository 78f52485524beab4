package org.xenoscope.gui.panels;

import java.awt.Color;
import java.awt.Component;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import javax.swing.JTable;
import javax.swing.table.DefaultTableCellRenderer;

/**
 * A cell renderer that paints rows a predicate marks (changed values, the current instruction) with a background
 * colour and gives them a tooltip, the colour's text equivalent.
 */
final class ChangedRenderer extends DefaultTableCellRenderer {
    private static final long serialVersionUID = 1L;
    private final transient IntPredicate marked;
    private final transient IntFunction<String> tip;
    private final Color colour;

    ChangedRenderer(IntPredicate marked, Color colour, IntFunction<String> tip) {
        this.marked = marked;
        this.colour = colour;
        this.tip = tip;
    }

    @Override
    public Component getTableCellRendererComponent(JTable t, Object v, boolean sel, boolean focus, int row, int col) {
        super.getTableCellRendererComponent(t, v, sel, focus, row, col);
        int m = t.convertRowIndexToModel(row);
        boolean on = marked.test(m);
        if (!sel) {
            setBackground(on ? blend(t.getBackground()) : t.getBackground());
        }
        setToolTipText(on ? tip.apply(m) : null);
        return this;
    }

    /** The translucent highlight composed over {@code bg} (an opaque colour, so the cell paints it correctly). */
    private Color blend(Color bg) {
        float a = colour.getAlpha() / 255f;
        return new Color(mix(colour.getRed(), bg.getRed(), a), mix(colour.getGreen(), bg.getGreen(), a),
            mix(colour.getBlue(), bg.getBlue(), a));
    }

    private static int mix(int c, int b, float a) {
        return Math.round(c * a + b * (1 - a));
    }

    /** {@link #blend} for other components (text fields). */
    static Color over(Color bg, Color colour) {
        return new ChangedRenderer(i -> true, colour, i -> "").blend(bg);
    }
}
