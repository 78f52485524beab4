package org.xenoscope.xen;

import org.xenoscope.xen.abi.Layout;

/**
 * The two kinds of 32-bit PV guest one hypervisor runs, and where Xen sits in each one's address space.
 *
 * <pre>
 *                 NONPAE (the paper's layout)          PAE (what XTF and Mini-OS need)
 *  0xFFFFFFFF  +---------------------------+        +---------------------------+
 *              | per-domain area           |        | per-domain area           |
 *  0xFF000000  |  GDT 16 pages, IDT, TSS   |        |  GDT 16 pages, IDT, TSS   |
 *              | (not mapped)              |        | (not mapped)              |
 *  0xFC400000  +---------------------------+        |                           |
 *              | read-only M2P             |        |                           |
 *  0xFC000000  +---------------------------+ HVS    +---------------------------+ 0xF5C00000
 *              | guest                     |        | read-only M2P             |
 *              |                           |        +---------------------------+ 0xF5800000 HVS
 *              |                           |        | guest                     |
 * </pre>
 *
 * Guest segments end at {@link #segmentMax()} (Xen: GUEST_SEGMENT_MAX_ADDR): the M2P stays readable, the per-domain
 * area (which ring 1 could otherwise touch, since ring 1 is "supervisor" for paging) is out of reach.
 * SIMPLIFICATION: the PAE M2P area is 4 MiB (one entry per frame of up to 4 GiB of machine memory); Xen reserves
 * more and maps other things above it that Xenoscope does not have.
 */
public enum GuestFlavour {
    NONPAE(Layout.HYPERVISOR_VIRT_START_NONPAE, Layout.MACH2PHYS_VIRT_START_NONPAE,
        Layout.MACH2PHYS_VIRT_END_NONPAE, "xen-3.0-x86_32", 4),
    PAE(Layout.HYPERVISOR_VIRT_START_PAE, Layout.MACH2PHYS_VIRT_START_PAE, 0xF5C00000, "xen-3.0-x86_32p", 8);

    /** Linear address of the per-domain area (same in both flavours). */
    public static final int PERDOMAIN_VIRT_START = 0xFF000000;
    /** The guest-visible GDT: 16 pages at the start of the per-domain area (14 guest pages, Xen's page, spare). */
    public static final int GDT_VIRT_START = PERDOMAIN_VIRT_START;
    /** Pages of the GDT mapping. */
    public static final int GDT_PAGES = 16;
    /** The IDT page, after the GDT. */
    public static final int IDT_VIRT_START = PERDOMAIN_VIRT_START + GDT_PAGES * 4096;
    /** The TSS page, after the IDT. */
    public static final int TSS_VIRT_START = IDT_VIRT_START + 4096;
    /** The guest's LDT pages as the CPU sees them (Xen's "shadow LDT"), after the TSS: 16 pages, 8192 entries. */
    public static final int LDT_VIRT_START = TSS_VIRT_START + 4096;
    /** Pages of the LDT mapping. */
    public static final int LDT_PAGES = 16;

    private final int hypervisorVirtStart;
    private final int m2pStart;
    private final int m2pEnd;
    private final String magic;
    private final int pteSize;

    GuestFlavour(int hvs, int m2pStart, int m2pEnd, String magic, int pteSize) {
        this.hypervisorVirtStart = hvs;
        this.m2pStart = m2pStart;
        this.m2pEnd = m2pEnd;
        this.magic = magic;
        this.pteSize = pteSize;
    }

    /** First linear address Xen owns (guests may not map or write above it). */
    public int hypervisorVirtStart() {
        return hypervisorVirtStart;
    }

    /** Where the read-only machine-to-phys table starts (MACH2PHYS_VIRT_START). */
    public int m2pStart() {
        return m2pStart;
    }

    /** End of the read-only M2P area. */
    public int m2pEnd() {
        return m2pEnd;
    }

    /** The highest linear address (exclusive) a guest segment may reach. */
    public int segmentMax() {
        return m2pEnd;
    }

    /** The start_info magic: "xen-3.0-x86_32" or "xen-3.0-x86_32p". */
    public String magic() {
        return magic;
    }

    /** Bytes per page-table entry (4 or 8). */
    public int pteSize() {
        return pteSize;
    }

    /** Bytes of linear address space one L1 table maps (4 MiB or 2 MiB). */
    public int l1Span() {
        return (4096 / pteSize) * 4096;
    }

    /** The paging geometry the page-type rules use. */
    public org.xenoscope.xen.mm.PagingMode pagingMode() {
        return new org.xenoscope.xen.mm.PagingMode(this == PAE, hypervisorVirtStart);
    }

    /** True if {@code va} lies in Xen's part of the address space. */
    public boolean isXenAddress(int va) {
        return Integer.compareUnsigned(va, hypervisorVirtStart) >= 0;
    }
}
