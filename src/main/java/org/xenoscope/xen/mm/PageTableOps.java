package org.xenoscope.xen.mm;

/**
 * The page-table operations guests ask for (Xen's mod_l1_entry, mod_l2_entry, mod_l3_entry, the MMUEXT pin,
 * unpin and new-base-pointer commands, and the dispatch of an MMU_NORMAL_PT_UPDATE on the type of the frame it
 * writes into). Each is all-or-nothing: the new entry's references are acquired first, then it is written, then
 * the old entry's are released.
 */
public final class PageTableOps {
    private final PageRefs refs;
    private final FrameTable ft;

    public PageTableOps(PageRefs refs) {
        this.refs = refs;
        this.ft = refs.frames();
    }

    public PageRefs refs() {
        return refs;
    }

    /**
     * Contract: sets entry {@code index} of L1 table {@code l1} to {@code nw} for domain {@code d}. When only
     * flags that count nothing change (same frame, same P, same RW) the entry is just written (after the flag
     * check); otherwise the new references are taken first.
     */
    public void modL1Entry(int l1, int index, long nw, MmDomain d) {
        modL1Entry(l1, index, nw, d, d);
    }

    /**
     * Contract: {@link #modL1Entry(int, int, long, MmDomain)} of a table of {@code d} whose new entry maps a frame of
     * {@code data} (the foreign domain a privileged caller names in mmu_update's {@code foreigndom}).
     */
    public void modL1Entry(int l1, int index, long nw, MmDomain d, MmDomain data) {
        PagingMode m = d.pagingMode();
        Validation v = validation();
        long old = refs.entry(m, l1, index);
        if ((nw & EntryRules.P) != 0) {
            if (sameReferences(old, nw)) {
                EntryRules.checkL1Flags(m, nw, Why.of(() -> String.format("L1 entry %d of mfn 0x%x (0x%x)", index,
                    l1, nw)));
            } else {
                v.getL1e(m, nw, data, l1, index);
            }
        }
        refs.setEntry(m, l1, index, nw);
        if ((old & EntryRules.P) != 0 && !((nw & EntryRules.P) != 0 && sameReferences(old, nw))) {
            v.putL1e(old);
        }
    }

    /** Contract: sets entry {@code index} of L2 {@code l2}; Xen's slots are refused. */
    public void modL2Entry(int l2, int index, long nw, MmDomain d) {
        PagingMode m = d.pagingMode();
        int guestSlots = m.pae() && !ft.xenL2[l2] ? m.entries() : m.firstXenL2Slot();
        if (index >= guestSlots) {
            throw new MmRefused(String.format("L2 entry %d of mfn 0x%x is one of Xen's slots: the guest may not "
                + "write it", index, l2));
        }
        Validation v = validation();
        long old = refs.entry(m, l2, index);
        boolean same = (nw & EntryRules.P) != 0 && (old & EntryRules.P) != 0
            && EntryRules.frame(old) == EntryRules.frame(nw) && ((old ^ nw) & EntryRules.RW) == 0;
        if ((nw & EntryRules.P) != 0) {
            if (same) {
                EntryRules.checkL2Flags(m, nw, String.format("L2 entry %d of mfn 0x%x", index, l2));
            } else {
                v.getL2e(m, nw, d, l2, index);
            }
        }
        refs.setEntry(m, l2, index, nw);
        if (!same) {
            v.putL2e(old, l2);
        }
    }

    /** Contract: sets entry {@code index} (0..2) of PAE L3 {@code l3}; slot 3 (Xen's L2) cannot change. */
    public void modL3Entry(int l3, int index, long nw, MmDomain d) {
        PagingMode m = d.pagingMode();
        if (index > 3) {
            throw new MmRefused(String.format("L3 entry %d of mfn 0x%x: a PAE L3 has 4 entries", index, l3));
        }
        long old = refs.entry(m, l3, index);
        if (index == 3) {
            if (old != nw) {
                throw new MmRefused(String.format("L3 entry 3 of mfn 0x%x maps the L2 with Xen's slots: it cannot "
                    + "change while the L3 is in use", l3));
            }
            return;
        }
        Validation v = validation();
        if ((nw & EntryRules.P) != 0) {
            v.getL3e(nw, d, l3, index);
        }
        refs.setEntry(m, l3, index, nw);
        if ((old & EntryRules.P) != 0) {
            refs.putPageAndType(EntryRules.frame(old));
        }
    }

    private static boolean sameReferences(long old, long nw) {
        return (old & EntryRules.P) != 0 && EntryRules.frame(old) == EntryRules.frame(nw)
            && ((old ^ nw) & EntryRules.RW) == 0;
    }

    /** Contract: MMUEXT_PIN_Lx_TABLE: takes {@code mfn} as {@code t} (validating it) and marks it pinned. */
    public void pin(int mfn, FrameType t, MmDomain d) {
        if (!ft.valid(mfn) || ft.owner(mfn) != d.id()) {
            throw new MmRefused("pin: " + Describe.frame(ft, mfn) + " is not d" + d.id() + "'s");
        }
        refs.getPageAndType(mfn, t, d, "pin " + t);
        if (ft.pinned(mfn)) {
            refs.putPageAndType(mfn);
            throw new MmRefused("pin: " + Describe.frame(ft, mfn) + " is already pinned (pinning does not nest)");
        }
        ft.setPinned(mfn, true);
    }

    /** Contract: MMUEXT_UNPIN_TABLE: clears the pin and drops its references (a teardown if they were the last). */
    public void unpin(int mfn, MmDomain d) {
        if (!ft.valid(mfn) || ft.owner(mfn) != d.id() || !ft.pinned(mfn)) {
            throw new MmRefused("unpin: " + Describe.frame(ft, mfn) + " is not a pinned table of d" + d.id());
        }
        ft.setPinned(mfn, false);
        refs.putPageAndType(mfn);
    }

    /**
     * Contract: MMUEXT_NEW_BASEPTR: takes {@code mfn} as the top-level table (validating it if needed), then drops
     * the references of the previous base {@code oldMfn} (-1 for none). The caller loads CR3.
     */
    public void newBaseptr(int mfn, int oldMfn, MmDomain d) {
        FrameType top = d.pagingMode().topType();
        if (!ft.valid(mfn) || ft.owner(mfn) != d.id()) {
            throw new MmRefused("new_baseptr: " + Describe.frame(ft, mfn) + " is not d" + d.id() + "'s");
        }
        refs.getPageAndType(mfn, top, d, "new_baseptr");
        if (oldMfn >= 0) {
            refs.putPageAndType(oldMfn);
        }
    }

    /**
     * Contract: MMU_NORMAL_PT_UPDATE / MMU_PT_UPDATE_PRESERVE_AD of the entry at machine address {@code ptr}: by
     * the type of the frame it lies in — L1/L2/L3 go through the matching rule (the frame is taken in that role
     * for the update), any other frame must be obtainable as writable and the word is simply written. Returns the
     * type the update went through.
     */
    public FrameType normalUpdate(long ptr, long val, boolean preserveAd, MmDomain d) {
        return normalUpdate(ptr, val, preserveAd, d, d);
    }

    /**
     * Contract: {@link #normalUpdate(long, long, boolean, MmDomain)} on a page table of {@code d} with L1 entries
     * mapping frames of {@code data} (mmu_update's foreign domain, for a privileged caller; otherwise d itself).
     */
    public FrameType normalUpdate(long ptr, long val, boolean preserveAd, MmDomain d, MmDomain data) {
        PagingMode m = d.pagingMode();
        int mfn = (int) (ptr >>> 12);
        if (!ft.valid(mfn) || ft.owner(mfn) != d.id()) {
            throw new MmRefused(String.format("mmu_update at 0x%x: %s is not d%d's", ptr, Describe.frame(ft, mfn),
                d.id()));
        }
        int index = (int) ((ptr & 0xFFF) / m.pteSize());
        FrameType t = ft.type(mfn);
        if (t.isPageTable() && !(t == FrameType.L3 && index >= 4)) {
            refs.getPageType(mfn, t, d, "mmu_update");
            try {
                long nw = preserveAd ? (val & ~0x60L) | (refs.entry(m, mfn, index) & 0x60L) : val;
                switch (t) {
                    case L1 -> modL1Entry(mfn, index, nw, d, data);
                    case L2 -> modL2Entry(mfn, index, nw, d);
                    default -> modL3Entry(mfn, index, nw, d);
                }
            } finally {
                refs.putPageType(mfn);
            }
            return t;
        }
        refs.getPageType(mfn, FrameType.WRITABLE, d, Why.of(() -> String.format("mmu_update at 0x%x", ptr)));
        try {
            refs.setEntry(m, mfn, index, val);
        } finally {
            refs.putPageType(mfn);
        }
        return FrameType.WRITABLE;
    }

    private Validation validation() {
        return refs.validationAccess();
    }
}
