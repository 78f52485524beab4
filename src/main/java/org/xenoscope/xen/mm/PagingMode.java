package org.xenoscope.xen.mm;

/**
 * The paging geometry of a guest's address spaces as the page-type rules need it: 2-level (1024 4-byte entries
 * per table, page directory slots from HYPERVISOR_VIRT_START >> 22 are Xen's) or PAE (512 8-byte entries, a
 * 4-entry L3 whose slot 3 points at the L2 that holds Xen's slots from (HYPERVISOR_VIRT_START >> 21) & 511).
 */
public record PagingMode(boolean pae, int hypervisorVirtStart) {
    public int pteSize() {
        return pae ? 8 : 4;
    }

    public int entries() {
        return pae ? 512 : 1024;
    }

    /** First L2 index that is Xen's: in the page directory (2-level), or in the L3-slot-3 L2 (PAE). */
    public int firstXenL2Slot() {
        return pae ? (hypervisorVirtStart >>> 21) & 511 : hypervisorVirtStart >>> 22;
    }

    /** The type of the top-level table (what CR3 and pinning name): L3 with PAE, L2 without. */
    public FrameType topType() {
        return pae ? FrameType.L3 : FrameType.L2;
    }
}
