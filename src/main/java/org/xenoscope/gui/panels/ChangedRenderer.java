package org.xenoscope.gui.panels;

import java.awt.Color;
import java.awt.Component;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import javax.swing.JTable;
import javax.swing.table.DefaultTableCellRenderer;

/**
 * A cell renderer that paints the cells a test marks (changed values, the current instruction) with a background
 * colour and gives them a tooltip, the colour's text equivalent.
 */
final class ChangedRenderer extends DefaultTableCellRenderer {
    private static final long serialVersionUID = 1L;

    /** Which cells are marked, and what the mark means, by model row and column. */
    interface Marks {
        /** The tooltip of a marked cell, or null when the cell is not marked. */
        String tip(int row, int col);
    }

    private final transient Marks marks;
    private final Color colour;

    ChangedRenderer(Marks marks, Color colour) {
        this.marks = marks;
        this.colour = colour;
    }

    /** Marks whole rows: those {@code marked} accepts, with tooltip {@code tip}. */
    ChangedRenderer(IntPredicate marked, Color colour, IntFunction<String> tip) {
        this((r, c) -> marked.test(r) ? tip.apply(r) : null, colour);
    }

    @Override
    public Component getTableCellRendererComponent(JTable t, Object v, boolean sel, boolean focus, int row, int col) {
        super.getTableCellRendererComponent(t, v, sel, focus, row, col);
        String tip = marks.tip(t.convertRowIndexToModel(row), t.convertColumnIndexToModel(col));
        if (!sel) {
            setBackground(tip != null ? over(t.getBackground(), colour) : t.getBackground());
        }
        setToolTipText(tip);
        return this;
    }

    /** The translucent {@code colour} composed over the opaque {@code bg}. */
    static Color over(Color bg, Color colour) {
        float a = colour.getAlpha() / 255f;
        return new Color(mix(colour.getRed(), bg.getRed(), a), mix(colour.getGreen(), bg.getGreen(), a),
            mix(colour.getBlue(), bg.getBlue(), a));
    }

    private static int mix(int c, int b, float a) {
        return Math.round(c * a + b * (1 - a));
    }
}
