package org.xenoscope.gui.panels;

import java.awt.Graphics;
import java.awt.Rectangle;
import java.awt.Shape;
import javax.swing.text.BadLocationException;
import javax.swing.text.Highlighter;
import javax.swing.text.JTextComponent;

/** A red zig-zag underline for text with an assembler error (the gutter's "✖" and tooltip say it in words). */
final class Squiggle implements Highlighter.HighlightPainter {
    @Override
    public void paint(Graphics g, int p0, int p1, Shape bounds, JTextComponent c) {
        try {
            Rectangle a = c.modelToView2D(p0).getBounds();
            Rectangle b = c.modelToView2D(Math.max(p0, p1 - 1)).getBounds();
            int y = a.y + a.height - 2;
            g.setColor(Palette.ERROR);
            for (int x = a.x; x < b.x + b.width; x += 4) {
                g.drawLine(x, y, x + 2, y + 2);
                g.drawLine(x + 2, y + 2, x + 4, y);
            }
        } catch (BadLocationException e) {
            // the text changed under the highlight: nothing to paint
        }
    }
}
