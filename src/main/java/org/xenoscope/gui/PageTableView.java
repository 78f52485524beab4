package org.xenoscope.gui;

import java.awt.BorderLayout;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.JCheckBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTree;
import javax.swing.SwingUtilities;
import javax.swing.ToolTipManager;
import javax.swing.event.TreeExpansionEvent;
import javax.swing.event.TreeWillExpandListener;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.DefaultTreeModel;
import javax.swing.tree.TreePath;
import org.xenoscope.debug.Session;
import org.xenoscope.debug.Snapshot;
import org.xenoscope.gui.mm.Coalescer;
import org.xenoscope.gui.mm.FieldTable;
import org.xenoscope.gui.mm.LastBatch;
import org.xenoscope.gui.mm.PtEntry;
import org.xenoscope.gui.mm.PtReader;
import org.xenoscope.gui.mm.PtRenderer;
import org.xenoscope.gui.mm.PtTable;
import org.xenoscope.gui.mm.PtText;
import org.xenoscope.xen.trace.TraceEvent;

/**
 * The current address space (CR3) as a tree: (PAE: PDPT →) page directory → page table → frame, every entry
 * decoded. Tables load when their entry is expanded; each new snapshot re-reads only the expanded tables. The
 * entries the last validated batch (mmu_update, update_va_mapping) decided are marked accepted or refused, with
 * the rule in the tooltip and in the details pane below the tree.
 *
 * <p>Tree keys: a node is named by the slot indices from the top table down ({@code [3, 5]} = entry 5 of the
 * page directory under PDPT slot 3); the table under a node has the node's key as its {@link PtTable#path()}.
 */
public final class PageTableView implements View {
    private static final String LOADING = "loading…";

    private final SessionController controller;
    private final JPanel panel = new JPanel(new BorderLayout());
    private final JLabel header = new JLabel(" ");
    private final JCheckBox showEmpty = new JCheckBox("Show empty entries");
    private final DefaultMutableTreeNode root = new DefaultMutableTreeNode("no session");
    private final DefaultTreeModel model = new DefaultTreeModel(root);
    private final JTree tree = new JTree(model);
    private final FieldTable details = new FieldTable("Page-table entry details");
    private final LastBatch batch = new LastBatch();
    private final Coalescer<PtReader.Space> reads;
    private PtReader.Space shown;
    private long traceSeq = Long.MIN_VALUE;
    private int generation = -1;
    private boolean applying;

    /** Creates the view (EDT); it follows {@code controller}'s sessions. */
    public PageTableView(SessionController controller) {
        this.controller = controller;
        reads = new Coalescer<>(controller, this::readQuery, this::apply,
            ex -> new PtReader.Space("cannot read the page tables: " + ex.getMessage(), "", -1, "", 0,
                java.util.Map.of()));
        controller.addSessionListener(this::sessionChanged);
        tree.setName("pageTableTree");
        tree.getAccessibleContext().setAccessibleName("Page tables of the current CR3");
        tree.setCellRenderer(new PtRenderer(batch::decision));
        tree.setShowsRootHandles(true);
        tree.setLargeModel(true);
        ToolTipManager.sharedInstance().registerComponent(tree);
        tree.addTreeWillExpandListener(new TreeWillExpandListener() {
            @Override
            public void treeWillExpand(TreeExpansionEvent e) {
                if (!applying) {
                    SwingUtilities.invokeLater(reads::request); // once the node is expanded, so its table is read
                }
            }

            @Override
            public void treeWillCollapse(TreeExpansionEvent e) {
            }
        });
        tree.addTreeSelectionListener(e -> showDetails());
        showEmpty.setName("showEmpty");
        showEmpty.addActionListener(e -> reapply());
        JPanel top = new JPanel(new BorderLayout());
        top.add(header, BorderLayout.CENTER);
        top.add(showEmpty, BorderLayout.EAST);
        top.setBorder(BorderFactory.createEmptyBorder(2, 4, 2, 4));
        JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, new JScrollPane(tree), new JScrollPane(details));
        split.setResizeWeight(0.75);
        panel.add(top, BorderLayout.NORTH);
        panel.add(split, BorderLayout.CENTER);
        panel.getAccessibleContext().setAccessibleName(title());
    }

    @Override
    public String title() {
        return "Page tables";
    }

    @Override
    public JComponent component() {
        return panel;
    }

    public JTree tree() {
        return tree;
    }

    public FieldTable details() {
        return details;
    }

    public JCheckBox showEmptyToggle() {
        return showEmpty;
    }

    /** Contract: takes in the trace events since the last snapshot (the last batch) and re-reads the tables. */
    @Override
    public void update(Snapshot s, Snapshot previous) {
        Session session = controller.session();
        if (session == null) {
            return;
        }
        if (s.generation() != generation) {
            generation = s.generation();
            traceSeq = Long.MIN_VALUE;
            batch.clear();
        }
        // Only the events up to this snapshot: the simulation thread may be in the middle of the next batch.
        List<TraceEvent> fresh = new ArrayList<>(session.trace().since(traceSeq));
        fresh.removeIf(e -> e.seq() > s.traceEvents());
        if (!fresh.isEmpty()) {
            traceSeq = fresh.get(fresh.size() - 1).seq();
            batch.feed(fresh);
        }
        reads.request();
    }

    private void sessionChanged(Session s) {
        traceSeq = Long.MIN_VALUE;
        generation = -1;
        batch.clear();
        shown = null;
    }

    /** The read for the tables now expanded (made on the EDT, run on the simulation thread). */
    private java.util.function.Function<org.xenoscope.debug.Engine, PtReader.Space> readQuery() {
        List<List<Integer>> paths = expandedKeys();
        return e -> PtReader.read(e.target().hypervisor(), paths);
    }

    /** Keys of the expanded entry nodes, parents first. */
    private List<List<Integer>> expandedKeys() {
        List<List<Integer>> keys = new ArrayList<>();
        Enumeration<TreePath> en = tree.getExpandedDescendants(new TreePath(root));
        if (en != null) {
            for (TreePath p : Collections.list(en)) {
                if (p.getPathCount() > 1) {
                    keys.add(key(p));
                }
            }
        }
        keys.sort((a, b) -> Integer.compare(a.size(), b.size()));
        return keys;
    }

    private static List<Integer> key(TreePath p) {
        List<Integer> k = new ArrayList<>();
        for (int i = 1; i < p.getPathCount(); i++) {
            Object o = ((DefaultMutableTreeNode) p.getPathComponent(i)).getUserObject();
            if (!(o instanceof PtEntry e)) {
                return List.of(-1);
            }
            k.add(e.index());
        }
        return k;
    }

    private void reapply() {
        if (shown != null) {
            apply(shown);
        }
    }

    /** Contract: shows {@code space}: the top table, then every expanded table, keeping expansion and selection. */
    private void apply(PtReader.Space space) {
        shown = space;
        applying = true;
        try {
            List<List<Integer>> expanded = expandedKeys();
            List<Integer> selected = tree.getSelectionPath() == null ? null : key(tree.getSelectionPath());
            header.setText(headerText(space));
            if (!space.error().isEmpty()) {
                root.setUserObject(space.error());
                root.removeAllChildren();
                model.nodeStructureChanged(root);
                return;
            }
            root.setUserObject(String.format("CR3 0x%08x: %s of d%d (%s)", space.cr3(),
                "PAE".equals(space.flavour()) ? "PDPT (PAE)" : "page directory (2-level)", space.domain(),
                space.domainName()));
            model.nodeChanged(root);
            fill(root, space.top());
            for (List<Integer> k : expanded) {
                DefaultMutableTreeNode n = node(k);
                if (n != null && space.tables().containsKey(k)) {
                    fill(n, space.tables().get(k));
                }
            }
            for (List<Integer> k : expanded) {
                DefaultMutableTreeNode n = node(k);
                if (n != null && n.getChildCount() > 0) {
                    tree.expandPath(new TreePath(n.getPath()));
                }
            }
            tree.expandPath(new TreePath(root));
            reselect(selected);
        } finally {
            applying = false;
        }
        showDetails();
    }

    private String headerText(PtReader.Space space) {
        if (!space.error().isEmpty()) {
            return space.error();
        }
        String b = batch.size() == 0 ? "no validated batch yet" : String.format(
            "last batch (time %d): %d entries decided, %d refused", batch.time(), batch.size(), batch.refused());
        return String.format("d%d %s, %s, CR3 0x%08x; %s", space.domain(), space.domainName(), space.flavour(),
            space.cr3(), b);
    }

    /**
     * Contract: makes {@code n}'s children the visible entries of {@code t} (all, or only present and decided
     * ones; the 4 PDPT entries always). The same indices as before: nodes are updated in place (expansion kept);
     * otherwise rebuilt.
     */
    private void fill(DefaultMutableTreeNode n, PtTable t) {
        List<PtEntry> visible = new ArrayList<>();
        for (PtEntry e : t.entries()) {
            if (showEmpty.isSelected() || e.present() || e.level() == 3 || batch.decision(e.entryMa()) != null) {
                visible.add(e);
            }
        }
        if (sameIndices(n, visible)) {
            int[] changed = new int[visible.size()];
            for (int i = 0; i < visible.size(); i++) {
                DefaultMutableTreeNode c = (DefaultMutableTreeNode) n.getChildAt(i);
                c.setUserObject(visible.get(i));
                changed[i] = i;
                fixPlaceholder(c, visible.get(i));
            }
            model.nodesChanged(n, changed);
            return;
        }
        n.removeAllChildren();
        for (PtEntry e : visible) {
            DefaultMutableTreeNode c = new DefaultMutableTreeNode(e);
            if (e.table()) {
                c.add(new DefaultMutableTreeNode(LOADING));
            }
            n.add(c);
        }
        model.nodeStructureChanged(n);
    }

    private static boolean sameIndices(DefaultMutableTreeNode n, List<PtEntry> visible) {
        if (n.getChildCount() != visible.size()) {
            return false;
        }
        for (int i = 0; i < visible.size(); i++) {
            Object o = ((DefaultMutableTreeNode) n.getChildAt(i)).getUserObject();
            if (!(o instanceof PtEntry e) || e.index() != visible.get(i).index()) {
                return false;
            }
        }
        return true;
    }

    /** An entry that became (or stopped being) a table gets (or loses) its expandable placeholder. */
    private void fixPlaceholder(DefaultMutableTreeNode c, PtEntry e) {
        if (e.table() && c.getChildCount() == 0) {
            c.add(new DefaultMutableTreeNode(LOADING));
            model.nodeStructureChanged(c);
        } else if (!e.table() && c.getChildCount() > 0) {
            c.removeAllChildren();
            model.nodeStructureChanged(c);
        }
    }

    /** The entry node with key {@code k}, or null. */
    private DefaultMutableTreeNode node(List<Integer> k) {
        DefaultMutableTreeNode n = root;
        for (int index : k) {
            DefaultMutableTreeNode next = null;
            for (int i = 0; i < n.getChildCount() && next == null; i++) {
                DefaultMutableTreeNode c = (DefaultMutableTreeNode) n.getChildAt(i);
                if (c.getUserObject() instanceof PtEntry e && e.index() == index) {
                    next = c;
                }
            }
            if (next == null) {
                return null;
            }
            n = next;
        }
        return n;
    }

    private void reselect(List<Integer> selected) {
        if (selected == null) {
            return;
        }
        DefaultMutableTreeNode n = node(selected);
        if (n != null && n != root) {
            TreePath p = new TreePath(n.getPath());
            if (!p.equals(tree.getSelectionPath())) {
                tree.setSelectionPath(p);
            }
        }
    }

    /** The tree path of the entry with key {@code k} (slot indices from the top), or null if not shown. */
    public TreePath pathOf(List<Integer> k) {
        DefaultMutableTreeNode n = node(k);
        return n == null || n == root ? null : new TreePath(n.getPath());
    }

    private void showDetails() {
        TreePath p = tree.getSelectionPath();
        Object o = p == null ? null : ((DefaultMutableTreeNode) p.getLastPathComponent()).getUserObject();
        if (!(o instanceof PtEntry e)) {
            details.show(List.of());
            return;
        }
        boolean pae = shown != null && "PAE".equals(shown.flavour());
        int span = e.level() == 1 ? 4096 : e.level() == 3 ? 1 << 30 : pae ? 1 << 21 : 1 << 22;
        details.show(PtText.details(e, batch.decision(e.entryMa()), span));
    }
}
