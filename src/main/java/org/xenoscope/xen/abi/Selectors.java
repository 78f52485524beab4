package org.xenoscope.xen.abi;

/**
 * The GDT area Xen reserves and the flat selectors that always exist in it.
 *
 * <pre>
 *  GDT bytes 0 .. 0xDFFF      the guest's own descriptors (at most 14 pages, 7168 entries)
 *  GDT bytes 0xE000 ..        Xen's entries (FIRST_RESERVED_GDT_BYTE, entry 7168):
 *     0xE008 Xen CS  0xE010 Xen DS  0xE019 ring-1 CS  0xE021 ring-1 DS/SS  0xE02B ring-3 CS  0xE033 ring-3 DS/SS
 *
 *  selector:  15            3  2  1 0
 *            +---------------+----+---+
 *            |  entry index  | TI |RPL|     0xE019 = entry 7171, TI 0, RPL 1
 *            +---------------+----+---+
 * </pre>
 */
public final class Selectors {
    private Selectors() {
    }

    /** First GDT page reserved for Xen. */
    public static final int FIRST_RESERVED_GDT_PAGE = 14;
    /** First GDT byte reserved for Xen (14 * 4096). */
    public static final int FIRST_RESERVED_GDT_BYTE = 57344;
    /** First GDT entry reserved for Xen (57344 / 8). */
    public static final int FIRST_RESERVED_GDT_ENTRY = 7168;

    /** Xen's own code selector, ring 0 (Xen: {@code __HYPERVISOR_CS}). */
    public static final int HYPERVISOR_CS = 0xE008;
    /** Xen's own data selector, ring 0 (Xen: {@code __HYPERVISOR_DS}). */
    public static final int HYPERVISOR_DS = 0xE010;

    /** Ring-1 flat code, base 0, 4 GiB (entry 7171, RPL 1); descriptor 0x00cfba000000ffff. */
    public static final int FLAT_RING1_CS = 0xE019;
    /** Ring-1 flat data (entry 7172, RPL 1); descriptor 0x00cfb2000000ffff. */
    public static final int FLAT_RING1_DS = 0xE021;
    /** Ring-1 stack: the same descriptor as FLAT_RING1_DS. */
    public static final int FLAT_RING1_SS = 0xE021;
    /** Ring-3 flat code (entry 7173, RPL 3); descriptor 0x00cffa000000ffff. */
    public static final int FLAT_RING3_CS = 0xE02B;
    /** Ring-3 flat data (entry 7174, RPL 3); descriptor 0x00cff2000000ffff. */
    public static final int FLAT_RING3_DS = 0xE033;
    /** Ring-3 stack: the same descriptor as FLAT_RING3_DS. */
    public static final int FLAT_RING3_SS = 0xE033;
    /** The guest kernel's code selector (= FLAT_RING1_CS on x86_32). */
    public static final int FLAT_KERNEL_CS = FLAT_RING1_CS;
    /** The guest kernel's data selector. */
    public static final int FLAT_KERNEL_DS = FLAT_RING1_DS;
    /** The guest kernel's stack selector. */
    public static final int FLAT_KERNEL_SS = FLAT_RING1_SS;
    /** User code selector. */
    public static final int FLAT_USER_CS = FLAT_RING3_CS;
    /** User data selector. */
    public static final int FLAT_USER_DS = FLAT_RING3_DS;
    /** User stack selector. */
    public static final int FLAT_USER_SS = FLAT_RING3_SS;

    /** The 8-byte descriptors Xen puts behind the flat selectors (from Xen's boot_compat_gdt). */
    public static final long FLAT_RING1_CS_DESCRIPTOR = 0x00cfba000000ffffL;
    /** Descriptor behind FLAT_RING1_DS. */
    public static final long FLAT_RING1_DS_DESCRIPTOR = 0x00cfb2000000ffffL;
    /** Descriptor behind FLAT_RING3_CS. */
    public static final long FLAT_RING3_CS_DESCRIPTOR = 0x00cffa000000ffffL;
    /** Descriptor behind FLAT_RING3_DS. */
    public static final long FLAT_RING3_DS_DESCRIPTOR = 0x00cff2000000ffffL;
}
