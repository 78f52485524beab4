package org.xenoscope.gui.panels;

import java.awt.Dimension;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Rectangle;
import java.awt.event.MouseEvent;
import java.util.Map;
import java.util.TreeMap;
import javax.swing.JComponent;
import javax.swing.JTextPane;
import javax.swing.UIManager;
import javax.swing.text.BadLocationException;
import javax.swing.text.Element;

/**
 * The source panel's row header: line numbers, "▶" at the current line and "✖" at lines with assembler errors
 * (the message is the line's tooltip). The accessible description says the same in words.
 */
final class SourceGutter extends JComponent {
    private static final long serialVersionUID = 1L;

    private final JTextPane text;
    private final TreeMap<Integer, String> errors = new TreeMap<>();
    private int current = -1;

    SourceGutter(JTextPane text) {
        this.text = text;
        setName("source.gutter");
        getAccessibleContext().setAccessibleName("Line numbers, current line and error marks");
        setToolTipText("");
    }

    /** Shows {@code line} (1-based, -1 none) as current and {@code errs} (line → messages) as error marks. */
    void show(int line, Map<Integer, String> errs) {
        current = line;
        errors.clear();
        errors.putAll(errs);
        getAccessibleContext().setAccessibleDescription((line > 0 ? "current line " + line : "no current line")
            + (errors.isEmpty() ? "; no errors" : "; errors: " + String.join("; ", errors.values())));
        revalidate();
        repaint();
    }

    @Override
    public javax.accessibility.AccessibleContext getAccessibleContext() {
        if (accessibleContext == null) {
            accessibleContext = new AccessibleJComponent() {
                private static final long serialVersionUID = 1L;

                @Override
                public javax.accessibility.AccessibleRole getAccessibleRole() {
                    return javax.accessibility.AccessibleRole.CANVAS;
                }
            };
        }
        return accessibleContext;
    }

    int current() {
        return current;
    }

    Map<Integer, String> errors() {
        return Map.copyOf(errors);
    }

    @Override
    public String getToolTipText(MouseEvent e) {
        int line = lineAt(e.getY());
        return errors.get(line);
    }

    private int lineAt(int y) {
        int off = text.viewToModel2D(new java.awt.Point(0, y));
        return text.getDocument().getDefaultRootElement().getElementIndex(off) + 1;
    }

    @Override
    public Dimension getPreferredSize() {
        FontMetrics fm = getFontMetrics(text.getFont());
        return new Dimension(fm.stringWidth("▶✖ 00000 "), text.getPreferredSize().height);
    }

    @Override
    protected void paintComponent(Graphics g) {
        g.setFont(text.getFont());
        FontMetrics fm = g.getFontMetrics();
        Element root = text.getDocument().getDefaultRootElement();
        Rectangle clip = g.getClipBounds();
        for (int i = 0; i < root.getElementCount(); i++) {
            Rectangle r;
            try {
                r = text.modelToView2D(root.getElement(i).getStartOffset()).getBounds();
            } catch (BadLocationException ex) {
                continue;
            }
            if (r.y + r.height < clip.y || r.y > clip.y + clip.height) {
                continue;
            }
            int base = r.y + fm.getAscent();
            int line = i + 1;
            g.setColor(errors.containsKey(line) ? Palette.ERROR : UIManager.getColor("Label.disabledForeground"));
            String mark = (line == current ? "▶" : " ") + (errors.containsKey(line) ? "✖" : " ");
            g.drawString(mark + String.format("%5d", line), 2, base);
        }
    }
}
