package org.xenoscope.xen.abi;

/**
 * Where Xen lives in every guest address space, for the two flavours of 32-bit guest.
 *
 * <pre>
 *  2-level (non-PAE)                         PAE
 *  0xFFFFFFFF +----------------------+       0xFFFFFFFF +----------------------+
 *             | Xen (top 64 MiB):    |                  | Xen (top 168 MiB)    |
 *             | ioremap, direct map, |                  |                      |
 *             | frame table, ...     |                  |                      |
 *  0xFC400000 +----------------------+                  |                      |
 *             | read-only M2P 4 MiB  |       0xF5800000 +-- read-only M2P -----+
 *  0xFC000000 +----------------------+ <- HYPERVISOR_VIRT_START = MACH2PHYS_VIRT_START
 *             | guest                |                  | guest                |
 * </pre>
 */
public final class Layout {
    private Layout() {
    }

    /** 2-level paging: Xen owns the top 64 MiB (page-directory slots 1008..1023). */
    public static final int HYPERVISOR_VIRT_START_NONPAE = 0xFC000000;
    /** PAE paging: Xen owns the top 168 MiB. */
    public static final int HYPERVISOR_VIRT_START_PAE = 0xF5800000;
    /** 2-level: the read-only machine-to-phys table guests may read (1 Mi entries x 4 bytes). */
    public static final int MACH2PHYS_VIRT_START_NONPAE = 0xFC000000;
    /** 2-level: end of the read-only M2P (4 MiB); also the highest address a guest segment may reach. */
    public static final int MACH2PHYS_VIRT_END_NONPAE = 0xFC400000;
    /** PAE: the read-only (compat) M2P table. */
    public static final int MACH2PHYS_VIRT_START_PAE = 0xF5800000;
    /** 2-level: guest segments may extend up to here and no further (Xen: GUEST_SEGMENT_MAX_ADDR). */
    public static final int GUEST_SEGMENT_MAX_ADDR_NONPAE = 0xFC400000;
    /** 2-level: first page-directory slot owned by Xen (0xFC000000 >> 22). */
    public static final int L2_PAGETABLE_FIRST_XEN_SLOT_NONPAE = 1008;
    /** Page size of the ABI. */
    public static final int XEN_PAGE_SIZE = 4096;
    /** VCPUs that have a vcpu_info slot inside shared_info. */
    public static final int XEN_LEGACY_MAX_VCPUS = 32;
}
