package org.xenoscope.gui;

import java.awt.Dimension;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.JSplitPane;
import javax.swing.JTabbedPane;
import net.miginfocom.swing.MigLayout;

/**
 * Places views into four regions joined by resizable split panes, and rebuilds the arrangement when a view is
 * shown or hidden (View menu) or when one view is shown alone (presentation mode).
 *
 * <pre>
 *   +-----------+--------------------+----------+
 *   | LEFT      | CENTRE             | RIGHT    |
 *   | source,   | CPU, stack, memory | domains  |
 *   | disasm    | (tabs)             |          |
 *   +-----------+--------------------+----------+
 *   | BOTTOM: trace, console, timeline, anything else (tabs)   |
 *   +-----------------------------------------------------------+
 * </pre>
 */
final class Dock {
    /** Where a view goes. */
    enum Region { LEFT, CENTRE, RIGHT, BOTTOM }

    private final JPanel root = new JPanel(new MigLayout("fill, insets 0", "[grow]", "[grow]"));
    private final Map<View, Boolean> visible = new LinkedHashMap<>();
    private final Map<Region, JTabbedPane> tabs = new EnumMap<>(Region.class);
    private View alone;

    Dock(List<View> views) {
        for (View v : views) {
            visible.put(v, Boolean.TRUE);
            v.component().getAccessibleContext().setAccessibleName(v.title());
        }
        for (Region r : Region.values()) {
            JTabbedPane t = new JTabbedPane();
            t.setName("region." + r.name().toLowerCase(Locale.ROOT));
            t.getAccessibleContext().setAccessibleName(r.name().toLowerCase(Locale.ROOT) + " panels");
            t.setPreferredSize(switch (r) {
                case LEFT -> new Dimension(430, 420);
                case CENTRE -> new Dimension(520, 420);
                case RIGHT -> new Dimension(340, 420);
                case BOTTOM -> new Dimension(900, 260);
            });
            tabs.put(r, t);
        }
        rebuild();
    }

    /** Contract: the region of a view, decided by words in its title; unknown views go to the bottom. */
    static Region regionOf(String title) {
        String t = title.toLowerCase(Locale.ROOT);
        if (t.contains("source") || t.contains("disassembl")) {
            return Region.LEFT;
        }
        if (t.contains("cpu") || t.contains("register") || t.contains("stack") || t.contains("memory")) {
            return Region.CENTRE;
        }
        if (t.contains("domain")) {
            return Region.RIGHT;
        }
        return Region.BOTTOM;
    }

    JComponent component() {
        return root;
    }

    List<View> views() {
        return new ArrayList<>(visible.keySet());
    }

    boolean isVisible(View v) {
        return visible.getOrDefault(v, false);
    }

    void setVisible(View v, boolean on) {
        visible.put(v, on);
        rebuild();
    }

    /** Shows only {@code v} (presentation mode), or everything again with null. */
    void showAlone(View v) {
        alone = v;
        rebuild();
    }

    View alone() {
        return alone;
    }

    /** The tab pane of a region (for tests). */
    JTabbedPane region(Region r) {
        return tabs.get(r);
    }

    /** Contract: lays out the visible views again; each region keeps its selected tab when it still exists. */
    private void rebuild() {
        root.removeAll();
        if (alone != null) {
            root.add(alone.component(), "grow");
        } else {
            root.add(arrange(), "grow");
        }
        root.revalidate();
        root.repaint();
    }

    private JComponent arrange() {
        Map<Region, JComponent> filled = new EnumMap<>(Region.class);
        for (Region r : Region.values()) {
            JTabbedPane t = tabs.get(r);
            String selected = t.getSelectedIndex() >= 0 ? t.getTitleAt(t.getSelectedIndex()) : null;
            t.removeAll();
            for (Map.Entry<View, Boolean> e : visible.entrySet()) {
                if (e.getValue() && regionOf(e.getKey().title()) == r) {
                    t.addTab(e.getKey().title(), e.getKey().component());
                }
            }
            int i = selected == null ? -1 : t.indexOfTab(selected);
            if (i >= 0) {
                t.setSelectedIndex(i);
            }
            if (t.getTabCount() > 0) {
                filled.put(r, t);
            }
        }
        JComponent top = split(JSplitPane.HORIZONTAL_SPLIT, filled.get(Region.LEFT), filled.get(Region.CENTRE), 0.4);
        top = split(JSplitPane.HORIZONTAL_SPLIT, top, filled.get(Region.RIGHT), 1.0);
        JComponent all = split(JSplitPane.VERTICAL_SPLIT, top, filled.get(Region.BOTTOM), 0.7);
        return all != null ? all : new JPanel();
    }

    private static JComponent split(int orientation, JComponent a, JComponent b, double weight) {
        if (a == null || b == null) {
            return a != null ? a : b;
        }
        JSplitPane s = new JSplitPane(orientation, true, a, b);
        s.setResizeWeight(weight);
        s.setBorder(null);
        return s;
    }
}
