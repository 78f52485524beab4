package org.xenoscope.xen.abi;

/** Domain ids ({@code domid_t}, 16 bits) and the reserved ones from DOMID_FIRST_RESERVED up. */
public final class DomId {
    private DomId() {
    }

    /** The calling domain (declared first: it is the name traces give 0x7FF0). */
    public static final int DOMID_SELF = 0x7FF0;
    /** Ids from here up are not real domains. */
    public static final int DOMID_FIRST_RESERVED = 0x7FF0;
    /** I/O memory (mmu_update foreigndom: only I/O mappings). */
    public static final int DOMID_IO = 0x7FF1;
    /** Xen itself (pages owned by the hypervisor, e.g. shared_info). */
    public static final int DOMID_XEN = 0x7FF2;
    /** Copy-on-write shared pages. */
    public static final int DOMID_COW = 0x7FF3;
    /** No domain. */
    public static final int DOMID_INVALID = 0x7FF4;
    /** Any domain (wildcard). */
    public static final int DOMID_ANY = 0x7FF5;
    /** The idle domain. */
    public static final int DOMID_IDLE = 0x7FFF;

    /** The reserved ids as a table. */
    public static final ConstantSet NAMES = ConstantSet.of(DomId.class, "DOMID_");

    /** A domid for a trace: the reserved name ({@code DOMID_SELF}) or the number in decimal. */
    public static String name(int domid) {
        if (domid >= DOMID_FIRST_RESERVED && domid <= 0xFFFF) {
            return NAMES.nameOrNumber(domid);
        }
        return Integer.toString(domid);
    }
}
