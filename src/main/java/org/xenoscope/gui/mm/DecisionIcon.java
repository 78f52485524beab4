package org.xenoscope.gui.mm;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Component;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import javax.swing.Icon;

/**
 * The mark of a validation decision: a check on bluish green (accepted) or a cross on vermillion (refused), so
 * the shape tells them apart as well as the colour.
 */
public final class DecisionIcon implements Icon {
    /** Bluish green: accepted. */
    public static final Color ACCEPTED = OkabeIto.BLUISH_GREEN;
    /** Vermillion: refused. */
    public static final Color REFUSED = OkabeIto.VERMILLION;
    public static final DecisionIcon OK = new DecisionIcon(true);
    public static final DecisionIcon NO = new DecisionIcon(false);
    private static final int SIZE = 14;

    private final boolean accepted;

    private DecisionIcon(boolean accepted) {
        this.accepted = accepted;
    }

    public boolean accepted() {
        return accepted;
    }

    @Override
    public void paintIcon(Component c, Graphics g, int x, int y) {
        Graphics2D g2 = (Graphics2D) g.create();
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g2.setColor(accepted ? ACCEPTED : REFUSED);
        g2.fillRoundRect(x, y, SIZE, SIZE, 4, 4);
        g2.setColor(Color.WHITE);
        g2.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        if (accepted) {
            g2.drawPolyline(new int[] {x + 3, x + 6, x + 11}, new int[] {y + 7, y + 10, y + 4}, 3);
        } else {
            g2.drawLine(x + 4, y + 4, x + 10, y + 10);
            g2.drawLine(x + 10, y + 4, x + 4, y + 10);
        }
        g2.dispose();
    }

    @Override
    public int getIconWidth() {
        return SIZE;
    }

    @Override
    public int getIconHeight() {
        return SIZE;
    }
}
