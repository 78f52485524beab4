package org.xenoscope.xen;

import org.xenoscope.xen.abi.Selectors;

/**
 * Which selectors a guest may hand to the hypervisor (Xen 3.0's VALID_CODESEL / VALID_SEL; the paper §2.1.2: the
 * only check a handler needs is that its code segment does not run in ring 0).
 *
 * <pre>
 *  code selector (trap table, callbacks):  FLAT_RING1_CS, or RPL 1 and (LDT, or a GDT entry below Xen's 7168)
 *  stack selector (stack_switch):          RPL 1
 * </pre>
 */
public final class GuestSelectors {
    private GuestSelectors() {
    }

    /** True for a selector of the guest's own descriptor tables (LDT, or GDT below Xen's reserved entries). */
    public static boolean guestTable(int sel) {
        return (sel & 4) != 0 || (sel >>> 3) < Selectors.FIRST_RESERVED_GDT_ENTRY;
    }

    /** True if {@code sel} may be the code selector of a guest handler. */
    public static boolean validCodeSelector(int sel) {
        sel &= 0xFFFF;
        return sel == Selectors.FLAT_RING1_CS || ((sel & 3) == 1 && guestTable(sel));
    }

    /** True if {@code sel} may be the guest kernel's stack selector. */
    public static boolean validStackSelector(int sel) {
        return (sel & 3) == 1;
    }
}
