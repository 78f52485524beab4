package org.xenoscope.xen.mm;

/** How the rules name frames and types in their messages: "mfn 0x4c2 (an L1 page table, type count 1)". */
final class Describe {
    private Describe() {
    }

    static String type(FrameType t) {
        return switch (t) {
            case NONE -> "an unused frame";
            case L1 -> "an L1 page table";
            case L2 -> "an L2 page directory";
            case L3 -> "an L3 page-directory-pointer table";
            case GDT -> "a GDT page";
            case LDT -> "an LDT page";
            case WRITABLE -> "mapped writable";
        };
    }

    static String frame(FrameTable ft, int mfn) {
        if (!ft.valid(mfn)) {
            return String.format("mfn 0x%x (no such frame)", mfn);
        }
        String owner = ft.owner(mfn) == FrameTable.OWNER_XEN ? "Xen's" : ft.owner(mfn) == FrameTable.OWNER_FREE
            ? "free" : "d" + ft.owner(mfn) + "'s";
        return String.format("mfn 0x%x (%s, %s, type count %d)", mfn, owner, type(ft.type(mfn)),
            ft.typeCount(mfn));
    }
}
