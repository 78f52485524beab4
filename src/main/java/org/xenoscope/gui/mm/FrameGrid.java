package org.xenoscope.gui.mm;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Rectangle;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import javax.swing.AbstractAction;
import javax.swing.JComponent;
import javax.swing.JViewport;
import javax.swing.KeyStroke;
import javax.swing.Scrollable;
import javax.swing.SwingConstants;
import javax.swing.ToolTipManager;

/**
 * Every machine frame as a small cell, row by row (frame 0 top left), coloured by {@link FrameKind}, with marks:
 *
 * <pre>
 *  +-----+   top-left triangle: validated (contents checked for the frame's role)
 *  |/  o|   dot in the middle: pinned
 *  +-----+   thick outline: the selected frame
 * </pre>
 *
 * Only the cells inside the clip are painted, so 100 000 frames cost what is on screen. Keyboard: arrows,
 * Page Up/Down, Home/End move the selection; a click selects.
 */
public final class FrameGrid extends JComponent implements Scrollable {
    /** Cell pitch in pixels (cell plus a one-pixel gap). */
    public static final int CELL = 12;

    private FrameMap map = FrameMap.none("no session");
    private int selected = -1;
    private final List<IntConsumer> listeners = new ArrayList<>();

    /** An empty grid. */
    public FrameGrid() {
        setFocusable(true);
        setOpaque(true);
        setBackground(Color.WHITE);
        setName("frameGrid");
        getAccessibleContext().setAccessibleName("Machine frames");
        getAccessibleContext().setAccessibleDescription("Each cell is a machine frame coloured by owner and type; "
            + "arrow keys select a frame, its details are in the table below");
        ToolTipManager.sharedInstance().registerComponent(this);
        addMouseListener(new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) {
                requestFocusInWindow();
                int f = frameAt(e.getX(), e.getY());
                if (f >= 0) {
                    select(f);
                }
            }
        });
        addFocusListener(new java.awt.event.FocusAdapter() {
            @Override
            public void focusGained(java.awt.event.FocusEvent e) {
                repaint();
            }

            @Override
            public void focusLost(java.awt.event.FocusEvent e) {
                repaint();
            }
        });
        bind(KeyEvent.VK_LEFT, -1, false);
        bind(KeyEvent.VK_RIGHT, 1, false);
        bind(KeyEvent.VK_UP, -1, true);
        bind(KeyEvent.VK_DOWN, 1, true);
        bindJump(KeyEvent.VK_HOME, Integer.MIN_VALUE);
        bindJump(KeyEvent.VK_END, Integer.MAX_VALUE);
        bindPage(KeyEvent.VK_PAGE_UP, -1);
        bindPage(KeyEvent.VK_PAGE_DOWN, 1);
    }

    private void bind(int key, int step, boolean rows) {
        String name = "frame-" + KeyEvent.getKeyText(key);
        getInputMap().put(KeyStroke.getKeyStroke(key, 0), name);
        getActionMap().put(name, action(() -> move(rows ? step * columns() : step)));
    }

    private void bindJump(int key, int to) {
        String name = "frame-" + KeyEvent.getKeyText(key);
        getInputMap().put(KeyStroke.getKeyStroke(key, 0), name);
        getActionMap().put(name, action(() -> select(to < 0 ? 0 : map.frames() - 1)));
    }

    private void bindPage(int key, int dir) {
        String name = "frame-" + KeyEvent.getKeyText(key);
        getInputMap().put(KeyStroke.getKeyStroke(key, 0), name);
        getActionMap().put(name, action(() -> {
            int rows = Math.max(1, getVisibleRect().height / CELL);
            move(dir * rows * columns());
        }));
    }

    private static AbstractAction action(Runnable r) {
        return new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                r.run();
            }
        };
    }

    private void move(int delta) {
        if (map.frames() == 0) {
            return;
        }
        int from = selected < 0 ? 0 : selected;
        select(Math.max(0, Math.min(map.frames() - 1, from + delta)));
    }

    /** Calls {@code l} with the frame number whenever the selection changes (EDT). */
    public void addSelectionListener(IntConsumer l) {
        listeners.add(l);
    }

    /** Shows {@code m} (EDT); the selection is kept while the frame exists. */
    public void setMap(FrameMap m) {
        boolean resized = m.frames() != map.frames();
        map = m;
        if (selected >= m.frames()) {
            selected = -1;
        }
        if (resized) {
            revalidate();
        }
        repaint();
    }

    public FrameMap map() {
        return map;
    }

    public int selected() {
        return selected;
    }

    /** Contract: selects frame {@code mfn}, scrolls it into view and tells the listeners (EDT). */
    public void select(int mfn) {
        if (mfn < 0 || mfn >= map.frames()) {
            return;
        }
        int old = selected;
        selected = mfn;
        if (old >= 0) {
            repaint(cellBounds(old));
        }
        Rectangle r = cellBounds(mfn);
        repaint(r);
        scrollRectToVisible(r);
        getAccessibleContext().setAccessibleDescription("Frame selected: " + map.summary(mfn));
        for (IntConsumer l : listeners) {
            l.accept(mfn);
        }
    }

    /** The colour frame {@code mfn} is painted with. */
    public Color colorOf(int mfn) {
        return map.kind(mfn).color();
    }

    /** Cells per row at the current width. */
    public int columns() {
        int w = getParent() instanceof JViewport v ? v.getWidth() : getWidth();
        return Math.max(1, (w - 2) / CELL);
    }

    /** The pixel rectangle of frame {@code mfn}'s cell. */
    public Rectangle cellBounds(int mfn) {
        int c = columns();
        return new Rectangle(1 + (mfn % c) * CELL, 1 + (mfn / c) * CELL, CELL, CELL);
    }

    /** The frame under pixel (x, y), or -1. */
    public int frameAt(int x, int y) {
        int c = columns();
        int col = (x - 1) / CELL;
        int row = (y - 1) / CELL;
        if (x < 1 || y < 1 || col >= c) {
            return -1;
        }
        int f = row * c + col;
        return f < map.frames() ? f : -1;
    }

    /** Screen readers see the grid as a panel; its description names the selected frame. */
    @Override
    public javax.accessibility.AccessibleContext getAccessibleContext() {
        if (accessibleContext == null) {
            accessibleContext = new AccessibleJComponent() {
                @Override
                public javax.accessibility.AccessibleRole getAccessibleRole() {
                    return javax.accessibility.AccessibleRole.PANEL;
                }
            };
        }
        return accessibleContext;
    }

    @Override
    public String getToolTipText(MouseEvent e) {
        int f = frameAt(e.getX(), e.getY());
        return f < 0 ? null : map.summary(f) + " (" + map.kind(f).label() + ")";
    }

    @Override
    protected void paintComponent(Graphics g) {
        Rectangle clip = g.getClipBounds();
        g.setColor(getBackground());
        g.fillRect(clip.x, clip.y, clip.width, clip.height);
        int c = columns();
        int firstRow = Math.max(0, (clip.y - 1) / CELL);
        int lastRow = (clip.y + clip.height) / CELL;
        for (int row = firstRow; row <= lastRow; row++) {
            for (int col = 0; col < c; col++) {
                int f = row * c + col;
                if (f >= map.frames()) {
                    return;
                }
                paintCell(g, f, 1 + col * CELL, 1 + row * CELL);
            }
        }
    }

    private void paintCell(Graphics g, int f, int x, int y) {
        Color fill = map.kind(f).color();
        int s = CELL - 1;
        g.setColor(fill);
        g.fillRect(x, y, s, s);
        Color mark = OkabeIto.contrast(fill);
        g.setColor(mark);
        if (map.validated(f)) {
            g.fillPolygon(new int[] {x, x + 5, x}, new int[] {y, y, y + 5}, 3);
        }
        if (map.pinned(f)) {
            g.fillOval(x + s / 2 - 2, y + s / 2 - 2, 5, 5);
        }
        if (f == selected) {
            g.setColor(OkabeIto.BLACK);
            g.drawRect(x - 1, y - 1, s + 1, s + 1);
            g.setColor(Color.WHITE);
            g.drawRect(x, y, s - 1, s - 1);
            if (isFocusOwner()) {
                g.setColor(OkabeIto.BLACK);
                g.drawRect(x + 1, y + 1, s - 3, s - 3);
            }
        }
    }

    @Override
    public Dimension getPreferredSize() {
        int c = columns();
        int rows = (map.frames() + c - 1) / c;
        return new Dimension(c * CELL + 2, rows * CELL + 2);
    }

    @Override
    public Dimension getPreferredScrollableViewportSize() {
        return new Dimension(64 * CELL, 24 * CELL);
    }

    @Override
    public int getScrollableUnitIncrement(Rectangle visible, int orientation, int direction) {
        return CELL;
    }

    @Override
    public int getScrollableBlockIncrement(Rectangle visible, int orientation, int direction) {
        return orientation == SwingConstants.VERTICAL ? Math.max(CELL, visible.height - CELL) : visible.width;
    }

    @Override
    public boolean getScrollableTracksViewportWidth() {
        return true;
    }

    @Override
    public boolean getScrollableTracksViewportHeight() {
        return false;
    }
}
