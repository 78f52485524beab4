package org.xenoscope.xen.mm;

/**
 * The role of a machine frame (the paper's §3.3.3 types; Xen's PGT_* in {@code type_info} bits 29..31). A frame
 * has one role at a time. In this simple form the builder and the hypervisor set roles directly; the
 * counting and validation rules that govern changes belong to the page-type machinery.
 */
public enum FrameType {
    /** No particular use (Xen: PGT_none). */
    NONE,
    /** A level-1 page table (PT). */
    L1,
    /** A level-2 page table: the page directory (PD) of 2-level paging, or a PAE page directory. */
    L2,
    /** A PAE page-directory-pointer table. */
    L3,
    /** Part of a GDT. */
    GDT,
    /** Part of an LDT. */
    LDT,
    /** Mapped writable somewhere (RW). */
    WRITABLE;

    /** True for the page-table roles a guest may never map writable. */
    public boolean isPageTable() {
        return this == L1 || this == L2 || this == L3;
    }

    /** True for roles whose contents Xen validated and the guest may not write directly. */
    public boolean isProtected() {
        return isPageTable() || this == GDT || this == LDT;
    }
}
