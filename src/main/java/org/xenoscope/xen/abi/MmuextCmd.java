package org.xenoscope.xen.abi;

/** Commands of {@code mmuext_op} ({@code mmuext_op_t.cmd}). */
public final class MmuextCmd {
    private MmuextCmd() {
    }

    /** Pin arg1.mfn as an L1 page table (validate it and keep its type). */
    public static final int MMUEXT_PIN_L1_TABLE = 0;
    /** Pin arg1.mfn as an L2 table (the page directory on 2-level paging). */
    public static final int MMUEXT_PIN_L2_TABLE = 1;
    /** Pin arg1.mfn as an L3 table (PAE). */
    public static final int MMUEXT_PIN_L3_TABLE = 2;
    /** Pin arg1.mfn as an L4 table (x86_64). */
    public static final int MMUEXT_PIN_L4_TABLE = 3;
    /** Unpin arg1.mfn. */
    public static final int MMUEXT_UNPIN_TABLE = 4;
    /** Switch the page-table base (CR3) to arg1.mfn. */
    public static final int MMUEXT_NEW_BASEPTR = 5;
    /** Flush this VCPU's TLB. */
    public static final int MMUEXT_TLB_FLUSH_LOCAL = 6;
    /** Invalidate arg1.linear_addr in this VCPU's TLB. */
    public static final int MMUEXT_INVLPG_LOCAL = 7;
    /** Flush the TLBs of the VCPUs in the bitmap arg2.vcpumask. */
    public static final int MMUEXT_TLB_FLUSH_MULTI = 8;
    /** Invalidate arg1.linear_addr on the VCPUs in arg2.vcpumask. */
    public static final int MMUEXT_INVLPG_MULTI = 9;
    /** Flush the TLBs of all VCPUs of the domain. */
    public static final int MMUEXT_TLB_FLUSH_ALL = 10;
    /** Invalidate arg1.linear_addr on all VCPUs. */
    public static final int MMUEXT_INVLPG_ALL = 11;
    /** Write back and invalidate the caches of this CPU. */
    public static final int MMUEXT_FLUSH_CACHE = 12;
    /** Install an LDT at arg1.linear_addr with arg2.nr_ents entries. */
    public static final int MMUEXT_SET_LDT = 13;
    /** Xen 3.0 only, privileged: give a page to another domain (number 14; no longer defined). */
    public static final int MMUEXT_REASSIGN_PAGE = 14;
    /** x86_64 only: the user-mode page-table base. */
    public static final int MMUEXT_NEW_USER_BASEPTR = 15;
    /** Zero the frame arg1.mfn. */
    public static final int MMUEXT_CLEAR_PAGE = 16;
    /** Copy frame arg2.src_mfn to arg1.mfn. */
    public static final int MMUEXT_COPY_PAGE = 17;
    /** Flush the caches of all CPUs. */
    public static final int MMUEXT_FLUSH_CACHE_GLOBAL = 18;
    /** Mark arg1.mfn as the start of a superpage. */
    public static final int MMUEXT_MARK_SUPER = 19;
    /** Undo MMUEXT_MARK_SUPER. */
    public static final int MMUEXT_UNMARK_SUPER = 20;

    /** The family as a table. */
    public static final ConstantSet NAMES = ConstantSet.of(MmuextCmd.class, "MMUEXT_");
}
