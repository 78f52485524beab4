package org.xenoscope.gui;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.FlowLayout;
import java.awt.Graphics;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.DefaultListModel;
import javax.swing.Icon;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import org.xenoscope.debug.Snapshot;
import org.xenoscope.gui.mm.Coalescer;
import org.xenoscope.gui.mm.FieldTable;
import org.xenoscope.gui.mm.FrameDetails;
import org.xenoscope.gui.mm.FrameGrid;
import org.xenoscope.gui.mm.FrameKind;
import org.xenoscope.gui.mm.FrameMap;

/**
 * Xen's frame table as a picture: every machine frame a cell coloured by owner and (for the current domain) type,
 * with pinned and validated marks and a legend. Selecting a frame (click or arrow keys) shows its counts and
 * every page-table entry that maps it. Each new snapshot re-reads the table (one read in flight at most) and
 * the selected frame's details.
 */
public final class FrameTableView implements View {
    private final JPanel panel = new JPanel(new BorderLayout());
    private final JLabel header = new JLabel(" ");
    private final javax.swing.JButton check = new javax.swing.JButton("Check counts");
    private final JLabel checkResult = new JLabel(" ");
    private final FrameGrid grid = new FrameGrid();
    private final FieldTable details = new FieldTable("Selected frame");
    private final DefaultListModel<String> mappings = new DefaultListModel<>();
    private final JList<String> mappingList = new JList<>(mappings);
    private final Coalescer<FrameMap> mapReads;
    private final Coalescer<FrameDetails> detailReads;

    /** Creates the view (EDT); it follows {@code controller}'s sessions. */
    private final SessionController controller;

    public FrameTableView(SessionController controller) {
        this.controller = controller;
        mapReads = new Coalescer<>(controller, () -> e -> FrameMap.of(e.target().hypervisor()), this::showMap,
            ex -> FrameMap.none("cannot read the frame table: " + ex.getMessage()));
        detailReads = new Coalescer<>(controller, () -> {
            int mfn = grid.selected();
            return e -> FrameDetails.read(e.target().hypervisor(), mfn);
        }, this::showDetails, ex -> new FrameDetails(-1, List.of(), List.of()));
        grid.addSelectionListener(f -> detailReads.request());
        mappingList.setName("frameMappings");
        mappingList.getAccessibleContext().setAccessibleName("Page-table entries that map the selected frame");
        JPanel top = new JPanel(new BorderLayout());
        header.setBorder(BorderFactory.createEmptyBorder(2, 4, 2, 4));
        top.add(header, BorderLayout.NORTH);
        check.setName("frameCheck");
        check.setToolTipText("Recompute every frame's counts from the page tables and compare with the frame table");
        check.getAccessibleContext().setAccessibleDescription(check.getToolTipText());
        checkResult.setName("frameCheckResult");
        check.addActionListener(e -> checkCounts());
        JPanel checkRow = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 2));
        checkRow.add(check);
        checkRow.add(checkResult);
        top.add(checkRow, BorderLayout.SOUTH);
        top.add(legend(), BorderLayout.CENTER);
        JScrollPane gridScroll = new JScrollPane(grid);
        gridScroll.getVerticalScrollBar().setUnitIncrement(FrameGrid.CELL);
        JPanel below = new JPanel(new BorderLayout());
        JSplitPane lower = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, new JScrollPane(details),
            titled(new JScrollPane(mappingList), "Mapped by (PTEs pointing at the frame)"));
        lower.setResizeWeight(0.5);
        below.add(lower, BorderLayout.CENTER);
        JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, gridScroll, below);
        split.setResizeWeight(0.7);
        panel.add(top, BorderLayout.NORTH);
        panel.add(split, BorderLayout.CENTER);
        panel.getAccessibleContext().setAccessibleName(title());
    }

    private static JComponent titled(JComponent c, String title) {
        c.setBorder(BorderFactory.createTitledBorder(title));
        return c;
    }

    /** The legend: one swatch per kind, and the two marks. */
    private static JComponent legend() {
        JPanel p = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 2));
        p.setName("frameLegend");
        for (FrameKind k : FrameKind.values()) {
            p.add(new JLabel(k.label(), swatch(k.color(), false, false), JLabel.LEFT));
        }
        p.add(new JLabel("pinned", swatch(FrameKind.FREE.color(), true, false), JLabel.LEFT));
        p.add(new JLabel("validated", swatch(FrameKind.FREE.color(), false, true), JLabel.LEFT));
        return p;
    }

    private static Icon swatch(Color c, boolean dot, boolean corner) {
        return new Icon() {
            @Override
            public void paintIcon(Component comp, Graphics g, int x, int y) {
                int s = FrameGrid.CELL - 1;
                g.setColor(c);
                g.fillRect(x, y, s, s);
                g.setColor(Color.DARK_GRAY);
                g.drawRect(x, y, s - 1, s - 1);
                g.setColor(Color.BLACK);
                if (corner) {
                    g.fillPolygon(new int[] {x, x + 5, x}, new int[] {y, y, y + 5}, 3);
                }
                if (dot) {
                    g.fillOval(x + s / 2 - 2, y + s / 2 - 2, 5, 5);
                }
            }

            @Override
            public int getIconWidth() {
                return FrameGrid.CELL;
            }

            @Override
            public int getIconHeight() {
                return FrameGrid.CELL;
            }
        };
    }

    /**
     * The invariant checker on demand: recomputes every general and type count from what references the frames
     * (page tables, pins, base pointers, GDT and LDT frames) and says whether the frame table agrees.
     */
    void checkCounts() {
        checkResult.setText("checking...");
        controller.query(e -> {
            org.xenoscope.xen.Hypervisor hv = e.target().hypervisor();
            return hv == null ? java.util.List.of("no hypervisor") : hv.checkFrameTable(null);
        }, bad -> checkResult.setText(bad.isEmpty() ? "every count agrees with the tables"
            : bad.size() + " disagreement(s): " + bad.get(0)));
    }

    /** The checker's last answer, as shown. */
    String checkResult() {
        return checkResult.getText();
    }

    @Override
    public String title() {
        return "Frame table";
    }

    @Override
    public JComponent component() {
        return panel;
    }

    public FrameGrid grid() {
        return grid;
    }

    public FieldTable details() {
        return details;
    }

    public JList<String> mappings() {
        return mappingList;
    }

    /** Contract: re-reads the frame table and the selected frame (both coalesced). */
    @Override
    public void update(Snapshot s, Snapshot previous) {
        mapReads.request();
        if (grid.selected() >= 0) {
            detailReads.request();
        }
    }

    private void showMap(FrameMap m) {
        grid.setMap(m);
        if (!m.error().isEmpty()) {
            header.setText(m.error());
            return;
        }
        int[] c = m.census();
        int mine = 0;
        for (FrameKind k : FrameKind.values()) {
            if (k.ordinal() >= FrameKind.NONE.ordinal()) {
                mine += c[k.ordinal()];
            }
        }
        header.setText(String.format("%d machine frames: %d free, %d Xen's (%d shared), %d of d%d (%d L1, %d L2, "
                + "%d L3, %d writable), %d of other domains", m.frames(), c[FrameKind.FREE.ordinal()],
            c[FrameKind.XEN.ordinal()] + c[FrameKind.XEN_SHARED.ordinal()], c[FrameKind.XEN_SHARED.ordinal()], mine,
            m.domain(), c[FrameKind.L1.ordinal()], c[FrameKind.L2.ordinal()], c[FrameKind.L3.ordinal()],
            c[FrameKind.WRITABLE.ordinal()], c[FrameKind.OTHER_DOMAIN.ordinal()]));
    }

    private void showDetails(FrameDetails d) {
        if (d.mfn() != grid.selected()) {
            detailReads.request(); // the selection moved on while this was read
            return;
        }
        details.show(d.fields());
        mappings.clear();
        mappings.addAll(d.mappedBy());
    }
}
