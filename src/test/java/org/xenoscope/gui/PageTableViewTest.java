package org.xenoscope.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Component;
import java.awt.Rectangle;
import java.awt.event.MouseEvent;
import java.util.List;
import javax.swing.JLabel;
import javax.swing.JTree;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.TreePath;
import org.assertj.swing.fixture.JTreeFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xenoscope.debug.Command;
import org.xenoscope.gui.mm.DecisionIcon;
import org.xenoscope.xen.trace.TraceEvent;

/** The page-table view on a real session: the CR3 tree, lazy expansion, decoding and the last batch's marks. */
class PageTableViewTest {
    private ViewHarness<PageTableView> h;
    private JTreeFixture tree;
    private final int page = MmGuest.symbol("page");
    private final int page2 = MmGuest.symbol("page2");
    private final List<Integer> l2Key = List.of(page >>> 30);
    private final List<Integer> l1Key = List.of(page >>> 30, (page >>> 21) & 511);

    @BeforeEach
    void open() {
        h = new ViewHarness<>(PageTableView::new);
        tree = h.window.tree("pageTableTree");
    }

    @AfterEach
    void close() {
        if (h != null) {
            h.close();
        }
    }

    private String rowText(List<Integer> key) {
        return h.edt(() -> {
            TreePath p = h.view.pathOf(key);
            return p == null ? null : tree.valueAt(h.view.tree().getRowForPath(p));
        });
    }

    /**
     * Expands the entry {@code key} as a click on its handle does (JTree.expandPath on the EDT: robot clicks are
     * flaky on a loaded machine), and waits for its table to load.
     */
    private void expand(List<Integer> key, List<Integer> child) {
        h.await("entry " + key + " shown", () -> h.view.pathOf(key) != null);
        h.edt(() -> {
            h.view.tree().expandPath(h.view.pathOf(key));
            return null;
        });
        h.await("table under " + key + " loaded", () -> h.view.pathOf(child) != null);
    }

    /** Selects the entry {@code key} as a click on its row does. */
    private void select(List<Integer> key) {
        h.edt(() -> {
            h.view.tree().setSelectionPath(h.view.pathOf(key));
            return null;
        });
    }

    private List<Integer> pteKey(int va) {
        return List.of(va >>> 30, (va >>> 21) & 511, (va >>> 12) & 511);
    }

    @Test
    void showsThePdptAndExpandingDecodesAnL1sEntries() {
        h.await("PDPT shown", () -> h.view.pathOf(List.of(0)) != null);
        assertThat(rowText(List.of(0))).startsWith("slot 0").contains("L2");
        assertThat(rowText(List.of(1))).startsWith("slot 1").contains("not present");
        assertThat(h.edt(() -> h.view.tree().getModel().getChildCount(h.view.tree().getModel().getRoot())))
            .isEqualTo(4);
        expand(l2Key, l1Key);
        assertThat(rowText(l1Key)).contains("L1").contains("P RW");
        expand(l1Key, pteKey(page));
        int pfn = page >>> 12;
        int mfn = h.query(e -> e.target().hypervisor().current().mfn(pfn));
        int dom = h.query(e -> e.target().hypervisor().current().id());
        assertThat(rowText(pteKey(page))).contains("P RW").contains(String.format("mfn 0x%05x", mfn))
            .contains(String.format("pfn 0x%05x", pfn)).contains("d" + dom).contains("WRITABLE");
        select(pteKey(page));
        h.await("details shown", () -> h.view.details().value("Machine frame (mfn)") != null);
        assertThat(h.view.details().value("Machine frame (mfn)")).isEqualTo(String.format("0x%x", mfn));
        assertThat(h.view.details().value("Writable (RW)")).isEqualTo("yes");
        assertThat(h.view.details().value("Owner")).isEqualTo("d" + dom);
    }

    @Test
    void emptyEntriesAppearBehindTheToggleAndXensSlotsAreMarked() {
        h.await("PDPT shown", () -> h.view.pathOf(List.of(3)) != null);
        int m2pSlot = (0xF5800000 >>> 21) & 511; // MACH2PHYS_VIRT_START (PAE): Xen's read-only M2P
        expand(List.of(3), List.of(3, m2pSlot));
        assertThat(rowText(List.of(3, m2pSlot))).contains("Xen slot").contains("Xen");
        expand(l2Key, l1Key);
        expand(l1Key, pteKey(page));
        int shown = h.edt(() -> ((DefaultMutableTreeNode) h.view.pathOf(l2Key).getLastPathComponent())
            .getChildCount());
        assertThat(shown).as("only the present entries of the page directory").isLessThan(512);
        h.edt(() -> {
            h.view.showEmptyToggle().doClick();
            return null;
        });
        h.await("all 512 entries", () -> ((DefaultMutableTreeNode) h.view.pathOf(l2Key).getLastPathComponent())
            .getChildCount() == 512);
        assertThat(rowText(List.of(page >>> 30, 511))).contains("not present");
        assertThat(h.edt(() -> h.view.tree().isExpanded(h.view.pathOf(l1Key)))).as("expansion kept").isTrue();
    }

    @Test
    void theLastBatchMarksAcceptedAndRefusedEntriesWithTheRule() {
        expand(l2Key, l1Key);
        expand(l1Key, pteKey(page));
        h.controller.post(new Command.RunTo(MmGuest.symbol("after_batch")));
        h.await("batch seen", () -> rowText(pteKey(page2)).endsWith("[refused]"));
        String rule = h.controller.session().trace().since(Long.MIN_VALUE).stream()
            .filter(e -> e instanceof TraceEvent.Validation v && !v.accepted())
            .map(e -> ((TraceEvent.Validation) e).rule()).findFirst().orElseThrow();
        assertThat(rowText(pteKey(page))).endsWith("[accepted]").contains("P RO");
        assertThat(icon(pteKey(page))).isSameAs(DecisionIcon.OK);
        assertThat(icon(pteKey(page2))).isSameAs(DecisionIcon.NO);
        assertThat(tooltip(pteKey(page2))).contains("refused").contains(rule.replace("<", "&lt;"));
        assertThat(tooltip(pteKey(page))).contains("accepted");
        select(pteKey(page2));
        h.await("details of the refused entry", () -> "refused".equals(h.view.details().value("Last batch")));
        assertThat(h.view.details().value("Rule")).isEqualTo(rule);
        assertThat(h.view.details().value("Request")).startsWith("mmu_update");
    }

    private Object icon(List<Integer> key) {
        return h.edt(() -> ((JLabel) renderer(key)).getIcon());
    }

    private Component renderer(List<Integer> key) {
        JTree t = h.view.tree();
        TreePath p = h.view.pathOf(key);
        int row = t.getRowForPath(p);
        return t.getCellRenderer().getTreeCellRendererComponent(t, p.getLastPathComponent(), false, false, true,
            row, false);
    }

    private String tooltip(List<Integer> key) {
        return h.edt(() -> {
            JTree t = h.view.tree();
            Rectangle r = t.getPathBounds(h.view.pathOf(key));
            return t.getToolTipText(new MouseEvent(t, MouseEvent.MOUSE_MOVED, 0, 0, r.x + 5, r.y + r.height / 2, 0,
                false));
        });
    }
}
