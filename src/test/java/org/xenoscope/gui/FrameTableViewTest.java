package org.xenoscope.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.awt.event.KeyEvent;
import java.awt.event.MouseEvent;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xenoscope.gui.mm.FrameGrid;
import org.xenoscope.gui.mm.FrameKind;
import org.xenoscope.xen.GuestFlavour;
import org.xenoscope.xen.Hypervisor;
import org.xenoscope.xen.PageTables;

/** The frame-table view on a real session: colours by type, marks, the selected frame's counts and mappers. */
class FrameTableViewTest {
    private ViewHarness<FrameTableView> h;

    @BeforeEach
    void open() {
        h = new ViewHarness<>(FrameTableView::new);
        h.await("frame table shown", () -> h.view.grid().map().frames() > 0);
    }

    @AfterEach
    void close() {
        if (h != null) {
            h.close();
        }
    }

    /**
     * Presses the mouse on frame {@code mfn}'s cell (scrolled into view first): the event goes through the grid's
     * own mouse listener, dispatched on the EDT (robot clicks are flaky on a loaded machine).
     */
    private void click(int mfn) {
        FrameGrid g = h.view.grid();
        h.edt(() -> {
            Rectangle r = g.cellBounds(mfn);
            g.scrollRectToVisible(r);
            g.dispatchEvent(new MouseEvent(g, MouseEvent.MOUSE_PRESSED, System.currentTimeMillis(), 0,
                r.x + r.width / 2, r.y + r.height / 2, 1, false, MouseEvent.BUTTON1));
            return null;
        });
    }

    /** Types {@code key} into the grid: its key bindings run (dispatched on the EDT, no focus race). */
    private void key(int key) {
        FrameGrid g = h.view.grid();
        h.edt(() -> {
            g.dispatchEvent(new KeyEvent(g, KeyEvent.KEY_PRESSED, System.currentTimeMillis(), 0, key,
                KeyEvent.CHAR_UNDEFINED));
            return null;
        });
    }

    private List<String> mappings() {
        return h.edt(() -> Collections.list(((javax.swing.DefaultListModel<String>) h.view.mappings().getModel())
            .elements()));
    }

    @Test
    void theTopTableIsColouredL3PinnedAndItsDetailsShowCountsAndMappers() {
        int top = h.query(e -> e.target().hypervisor().cpu().cr(3) >>> 12);
        int typeCount = h.query(e -> e.target().hypervisor().frames().typeCount(top));
        assertThat(h.edt(() -> h.view.grid().colorOf(top))).isEqualTo(FrameKind.L3.color());
        assertThat(h.edt(() -> h.view.grid().map().pinned(top))).isTrue();
        assertThat(h.edt(() -> h.view.grid().map().validated(top))).isTrue();
        click(top);
        h.await("details of the top table", () -> String.format("0x%x", top)
            .equals(h.view.details().value("Machine frame")));
        assertThat(h.view.details().value("Type")).isEqualTo("L3");
        assertThat(h.view.details().value("Pinned")).isEqualTo("yes");
        assertThat(h.view.details().value("Validated")).isEqualTo("yes");
        assertThat(h.view.details().value("Type count")).isEqualTo(Integer.toString(typeCount));
        assertThat(h.view.details().value("Owner")).startsWith("d");
        assertThat(mappings()).as("the builder maps the page tables read-only").isNotEmpty()
            .allMatch(s -> s.startsWith("L1 mfn 0x") && s.endsWith(", RO"));
        assertThat(h.edt(() -> h.view.grid().getAccessibleContext().getAccessibleDescription()))
            .contains(String.format("mfn 0x%x", top));
    }

    @Test
    void arrowKeysMoveTheSelectionAndADataFrameListsThePteThatMapsItWritable() {
        int page = MmGuest.symbol("page");
        int[] found = h.query(e -> {
            Hypervisor hv = e.target().hypervisor();
            int cr3 = hv.cpu().cr(3);
            int l1 = PageTables.l1For(hv.machine().memory(), GuestFlavour.PAE, cr3 >>> 12, cr3 & 0xFE0, page);
            return new int[] {hv.current().mfn(page >>> 12), l1};
        });
        int mfn = found[0];
        assertThat(h.edt(() -> h.view.grid().colorOf(mfn))).isEqualTo(FrameKind.WRITABLE.color());
        assertThat(h.edt(() -> h.view.grid().colorOf(found[1]))).isEqualTo(FrameKind.L1.color());
        click(mfn - 1);
        h.await("frame before the page selected", () -> h.view.grid().selected() == mfn - 1);
        key(KeyEvent.VK_RIGHT);
        h.await("details of the page", () -> String.format("0x%x", mfn)
            .equals(h.view.details().value("Machine frame")));
        assertThat(h.view.details().value("Type")).isEqualTo("WRITABLE");
        assertThat(h.view.details().value("M2P (pseudo-physical frame)"))
            .isEqualTo(String.format("0x%x", page >>> 12));
        assertThat(mappings()).containsExactly(String.format("L1 mfn 0x%x, entry %d, RW", found[1],
            (page >>> 12) & 511));
    }

    @Test
    void checkCountsRunsTheInvariantCheckerOnDemand() {
        h.edt(() -> {
            h.view.checkCounts();
            return null;
        });
        h.await("the checker answered", () -> h.view.checkResult().equals("every count agrees with the tables"));
    }
}
