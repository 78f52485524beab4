package org.xenoscope.xen.mm;

import org.xenoscope.machine.mem.PhysicalMemory;

/**
 * Validating a frame for a page-table or descriptor-table role (Xen's alloc_l1_table ... alloc_segdesc_page) and
 * tearing it down when the role ends (free_l1_table ...). Validation is all-or-nothing: when one entry is refused,
 * the references taken for the entries before it are released.
 */
final class Validation {
    private final PageRefs refs;
    private final PhysicalMemory mem;
    private final FrameTable ft;

    Validation(PageRefs refs, PhysicalMemory mem, FrameTable ft) {
        this.refs = refs;
        this.mem = mem;
        this.ft = ft;
    }

    /** Contract: checks every entry of {@code mfn} for role {@code t} and takes what the entries need. */
    void validate(int mfn, FrameType t, MmDomain d) {
        PagingMode m = d.pagingMode();
        switch (t) {
            case L1 -> validateTable(mfn, 0, m.entries(), d, (e, i) -> getL1e(m, e, d, mfn, i));
            case L2 -> {
                int limit = guestL2Slots(m, mfn);
                validateTable(mfn, 0, limit, d, (e, i) -> getL2e(m, e, d, mfn, i));
                if (limit < m.entries()) {
                    for (int i = limit; i < m.entries(); i++) {
                        refs.setEntry(m, mfn, i, d.xenL2Entry(i)); // Xen copies its own slots in
                    }
                }
            }
            case L3 -> validateTable(mfn, 0, 4, d, (e, i) -> getL3e(e, d, mfn, i));
            case GDT, LDT -> validateDescriptors(mfn, d);
            default -> { }
        }
    }

    /** Guest-owned slots of L2 {@code mfn}: below Xen's slots, except a PAE L2 outside L3 slot 3 (all 512). */
    private int guestL2Slots(PagingMode m, int mfn) {
        return m.pae() && !ft.xenL2[mfn] ? m.entries() : m.firstXenL2Slot();
    }

    /** Contract: releases what the entries of page table {@code mfn} held (its type count just reached 0). */
    void teardown(int mfn) {
        FrameType t = ft.type(mfn);
        int owner = ft.owner(mfn);
        PagingMode m = modeOfTable(mfn);
        switch (t) {
            case L1 -> {
                for (int i = 0; i < m.entries(); i++) {
                    putL1e(refs.entry(m, mfn, i));
                }
            }
            case L2 -> {
                int limit = guestL2Slots(m, mfn);
                for (int i = 0; i < limit; i++) {
                    putL2e(refs.entry(m, mfn, i), mfn);
                }
                ft.xenL2[mfn] = false;
            }
            case L3 -> {
                for (int i = 0; i < 4; i++) {
                    long e = refs.entry(m, mfn, i);
                    if ((e & EntryRules.P) != 0) {
                        refs.putPageAndType(EntryRules.frame(e));
                    }
                }
            }
            default -> { }
        }
        if (owner < 0) {
            throw new IllegalStateException("teardown of a free frame");
        }
    }

    /** A table torn down knows its geometry from what validated it (recorded per frame). */
    private PagingMode modeOfTable(int mfn) {
        PagingMode m = ft.modeOf(mfn);
        if (m == null) {
            throw new IllegalStateException("no paging mode recorded for mfn 0x" + Integer.toHexString(mfn));
        }
        return m;
    }

    @FunctionalInterface
    private interface EntryGetter {
        void get(long entry, int index);
    }

    private void validateTable(int mfn, int from, int to, MmDomain d, EntryGetter getter) {
        PagingMode m = d.pagingMode();
        ft.setModeOf(mfn, m);
        int i = from;
        try {
            for (; i < to; i++) {
                long e = refs.entry(m, mfn, i);
                if ((e & EntryRules.P) != 0) {
                    getter.get(e, i);
                }
            }
        } catch (MmRefused r) {
            FrameType t = ft.type(mfn);
            for (int j = from; j < i; j++) {
                long e = refs.entry(m, mfn, j);
                switch (t) {
                    case L1 -> putL1e(e);
                    case L2 -> putL2e(e, mfn);
                    default -> {
                        if ((e & EntryRules.P) != 0) {
                            refs.putPageAndType(EntryRules.frame(e));
                        }
                    }
                }
            }
            if (t == FrameType.L3) {
                clearXenL2(m, mfn, i);
            }
            throw r;
        }
    }

    private void clearXenL2(PagingMode m, int l3, int upTo) {
        if (upTo > 3) {
            ft.xenL2[EntryRules.frame(refs.entry(m, l3, 3))] = false;
        }
    }

    // ------------------------------------------------------------------ entries

    void getL1e(PagingMode m, long e, MmDomain d, int table, int i) {
        Why where = Why.of(() -> String.format("L1 entry %d of mfn 0x%x (0x%x)", i, table, e));
        EntryRules.checkL1Flags(m, e, where);
        int target = EntryRules.frame(e);
        refs.getPage(target, d, Why.of(() -> where + " maps " + Describe.frame(ft, target)));
        if ((e & EntryRules.RW) != 0) {
            try {
                refs.getPageType(target, FrameType.WRITABLE, d, Why.of(() -> where
                    + " maps it writable, but it is " + Describe.frame(ft, target)));
            } catch (MmRefused r) {
                refs.putPage(target);
                throw r;
            }
        }
    }

    void putL1e(long e) {
        if ((e & EntryRules.P) == 0) {
            return;
        }
        int target = EntryRules.frame(e);
        if ((e & EntryRules.RW) != 0) {
            refs.putPageType(target);
        }
        refs.putPage(target);
    }

    void getL2e(PagingMode m, long e, MmDomain d, int table, int i) {
        Why where = Why.of(() -> String.format("L2 entry %d of mfn 0x%x (0x%x)", i, table, e));
        EntryRules.checkL2Flags(m, e, where);
        int target = EntryRules.frame(e);
        try {
            refs.getPageAndType(target, FrameType.L1, d, Why.of(() -> where + " points at "
                + Describe.frame(ft, target)));
        } catch (MmRefused asL1) {
            if ((e & EntryRules.RW) != 0) {
                throw asL1;
            }
            if (target == table) {
                return; // linear self-map, read-only: allowed without a reference
            }
            if (!ft.valid(target) || ft.type(target) != FrameType.L2 || !ft.validated[target]
                || ft.typeCount[target] == 0) {
                throw asL1;
            }
            refs.getPageAndType(target, FrameType.L2, d, Why.of(() -> where + " (linear map of another L2)"));
        }
    }

    void putL2e(long e, int table) {
        if ((e & EntryRules.P) == 0) {
            return;
        }
        int target = EntryRules.frame(e);
        if (target != table) {
            refs.putPageAndType(target);
        }
    }

    void getL3e(long e, MmDomain d, int table, int i) {
        Why where = Why.of(() -> String.format("L3 entry %d of mfn 0x%x (0x%x)", i, table, e));
        EntryRules.checkL3Flags(e, where);
        int target = EntryRules.frame(e);
        if (i == 3) {
            if (ft.valid(target) && ft.typeCount[target] > 0) {
                throw new MmRefused(where + ": slot 3 needs an L2 of its own for Xen's slots, but it is "
                    + Describe.frame(ft, target));
            }
            ft.xenL2[target] = ft.valid(target);
            try {
                refs.getPageAndType(target, FrameType.L2, d, where);
            } catch (MmRefused r) {
                if (ft.valid(target)) {
                    ft.xenL2[target] = false;
                }
                throw r;
            }
            return;
        }
        if (ft.valid(target) && ft.xenL2[target]) {
            throw new MmRefused(where + ": it is the L2 of slot 3 (Xen's slots) of another L3");
        }
        refs.getPageAndType(target, FrameType.L2, d, where);
    }

    /** Checks all 512 descriptors of a GDT/LDT frame first, then writes back the ones Xen clips. */
    private void validateDescriptors(int mfn, MmDomain d) {
        long base = (long) mfn << 12;
        long[] out = new long[512];
        for (int i = 0; i < 512; i++) {
            long desc = mem.readQword(base + 8L * i);
            try {
                out[i] = refs.descriptorRule().check(d, desc);
            } catch (MmRefused r) {
                throw new MmRefused(String.format("descriptor %d of mfn 0x%x: %s", i, mfn, r.getMessage()));
            }
        }
        for (int i = 0; i < 512; i++) {
            if (out[i] != mem.readQword(base + 8L * i)) {
                mem.writeQword(base + 8L * i, out[i]);
            }
        }
    }
}
