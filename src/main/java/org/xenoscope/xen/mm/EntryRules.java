package org.xenoscope.xen.mm;

/**
 * When a present page-table entry is acceptable (xen-abi.md §4.3-4.4), and what references it holds.
 *
 * <pre>
 *  L1 entry  refused: PAT (bit 7), Global (bit 8); PAE: NX and bits 62..36 (beyond the physical address width)
 *            holds:   +1 general on the frame; +1 type "writable" if RW (so never RW onto a page table)
 *  L2 entry  refused: PSE (bit 7), Global (bit 8); PAE: bits 62..36
 *            holds:   +1 general +1 type "L1" on its table, or the linear rule: read-only and either this L2
 *                     itself (no reference) or another validated L2 of the domain (+1 general +1 type "L2")
 *  L3 entry  (PAE)   only P, PWT, PCD may be set (the rest are reserved in a PDPTE); +1 general +1 type "L2";
 *                     slot 3 is the L2 Xen fills with its own slots: it must be present and used nowhere else
 * </pre>
 */
final class EntryRules {
    static final long P = 0x1;
    static final long RW = 0x2;
    static final long PAT_OR_PSE = 0x80;
    static final long GLOBAL = 0x100;
    static final long PAE_HIGH_RESERVED = 0xFFFFFFF000000000L;
    static final long L3_ALLOWED = 0x1 | 0x8 | 0x10 | 0x000FFFFFFFFFF000L;

    private EntryRules() {
    }

    static int frame(long e) {
        return (int) ((e & 0x000FFFFFFFFFF000L) >>> 12);
    }

    /** Throws unless the flag bits of a present L1 entry are allowed. */
    static void checkL1Flags(PagingMode m, long e, Object where) {
        if ((e & PAT_OR_PSE) != 0) {
            throw new MmRefused(where + " sets PAT (bit 7), which Xen does not allow");
        }
        if ((e & GLOBAL) != 0) {
            throw new MmRefused(where + " sets Global (bit 8): global mappings would outlive an address-space switch");
        }
        if (m.pae() && (e & PAE_HIGH_RESERVED) != 0) {
            throw new MmRefused(where + String.format(" sets reserved bits 0x%x", e & PAE_HIGH_RESERVED));
        }
    }

    /** Throws unless the flag bits of a present L2 entry are allowed. */
    static void checkL2Flags(PagingMode m, long e, Object where) {
        if ((e & PAT_OR_PSE) != 0) {
            throw new MmRefused(where + " sets PSE: 4 MiB (2 MiB) pages are not allowed for PV guests");
        }
        if ((e & GLOBAL) != 0) {
            throw new MmRefused(where + " sets Global (bit 8)");
        }
        if (m.pae() && (e & PAE_HIGH_RESERVED) != 0) {
            throw new MmRefused(where + String.format(" sets reserved bits 0x%x", e & PAE_HIGH_RESERVED));
        }
    }

    /** Throws unless a present PAE L3 entry sets only P, PWT and PCD. */
    static void checkL3Flags(long e, Object where) {
        if ((e & ~L3_ALLOWED) != 0) {
            throw new MmRefused(where + String.format(" sets bits 0x%x, reserved in a PDPTE (only P, PWT, PCD)",
                e & ~L3_ALLOWED));
        }
    }
}
