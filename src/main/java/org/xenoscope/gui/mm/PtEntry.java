package org.xenoscope.gui.mm;

import org.xenoscope.xen.PageTables;

/**
 * One decoded page-table entry as the page-table view shows it, read on the simulation thread (immutable).
 *
 * <pre>
 *  raw:  | frame number (machine) ... | 11..9 avail | G | PS | D | A | PCD | PWT | US | RW | P |
 *                                                        7    6   5    4     3     2    1    0
 * </pre>
 *
 * @param level 3 = PDPT entry (PAE), 2 = page-directory entry, 1 = page-table entry (PTE)
 * @param index slot in its table
 * @param raw the entry as stored (4 or 8 bytes)
 * @param entryMa machine address of the entry itself (what a Validation trace event names)
 * @param va first linear address the entry covers
 * @param xen true for Xen's slots (the guest may not change them)
 * @param mfn machine frame the entry points at
 * @param pfn pseudo-physical frame of {@code mfn} through the M2P, or -1 when it has none
 * @param owner who owns {@code mfn}: "free", "Xen", "Xen, shared with d1", "d1"
 * @param type the role of {@code mfn} (FrameType name), empty when no such frame exists
 */
public record PtEntry(int level, int index, long raw, long entryMa, int va, boolean xen, int mfn, int pfn,
                      String owner, String type) {
    public boolean present() {
        return (raw & PageTables.P) != 0;
    }

    public boolean flag(int bit) {
        return (raw & bit) != 0;
    }

    /** True if the entry leads to a lower table the view can expand (present, not Xen's, not a large page). */
    public boolean table() {
        return present() && level > 1 && !xen && (level == 3 || (raw & PageTables.PS) == 0);
    }

    /** "P RW US A D" with "-" for clear bits (PDPT entries have only P). */
    public String flags() {
        if (level == 3) {
            return present() ? "P" : "-";
        }
        return (present() ? "P " : "- ") + (flag(PageTables.RW) ? "RW " : "RO ") + (flag(PageTables.US) ? "US " : "S  ")
            + (flag(PageTables.A) ? "A " : "- ") + (flag(PageTables.D) ? "D" : "-");
    }

    /** What the level is called: PDPT entry, PDE or PTE. */
    public String levelName() {
        return switch (level) {
            case 3 -> "PDPT entry (L3)";
            case 2 -> "page-directory entry (L2)";
            default -> "page-table entry (L1)";
        };
    }
}
