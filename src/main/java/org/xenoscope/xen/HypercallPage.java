package org.xenoscope.xen;

import org.xenoscope.xen.abi.Hypercall;

/**
 * The hypercall page Xen writes into a guest page (Xen: {@code pv_ring1_init_hypercall_page}), both for the
 * domain builder (XEN_ELFNOTE_HYPERCALL_PAGE) and for a guest that asks for one through the hypercall-page MSR
 * ({@link PvMsrs#XEN_HYPERCALL_PAGE}).
 *
 * <pre>
 *   stub i at offset 32*i:   B8 ii 00 00 00   mov $i, %eax
 *                            CD 82            int $0x82
 *                            C3               ret
 *   stub 23 (iret):          50               push %eax
 *                            B8 17 00 00 00   mov $23, %eax
 *                            CD 82            int $0x82     (no ret: the iret hypercall does not return)
 * </pre>
 */
public final class HypercallPage {
    /** Bytes in the page. */
    public static final int SIZE = 4096;

    private HypercallPage() {
    }

    /** The 4096 bytes of the page: 128 stubs of 32 bytes, zero-filled between them. */
    public static byte[] bytes() {
        byte[] p = new byte[SIZE];
        int iret = Hypercall.number("iret");
        for (int i = 0; i < Hypercall.HYPERCALL_PAGE_STUBS; i++) {
            int o = i * Hypercall.XEN_HYPERCALL_STUB_SIZE;
            if (i == iret) {
                p[o++] = 0x50;
            }
            p[o] = (byte) 0xB8;
            p[o + 1] = (byte) i;
            p[o + 5] = (byte) 0xCD;
            p[o + 6] = (byte) Hypercall.XEN_HYPERCALL_VECTOR;
            if (i != iret) {
                p[o + 7] = (byte) 0xC3;
            }
        }
        return p;
    }
}
