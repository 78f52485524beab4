package org.xenoscope.xen;

import org.xenoscope.xen.mm.FrameTable;
import java.util.OptionalLong;

/**
 * The model-specific registers a PV guest kernel may reach with RDMSR/WRMSR (Xen: {@code guest_rdmsr} /
 * {@code guest_wrmsr} behind pv/emul-priv-op.c). Xen's policy since 4.15: an MSR it does not know gives #GP(0)
 * for both instructions — XTF's {@code msr} test probes thousands of indices and expects exactly that.
 *
 * <pre>
 *   index       name                     RDMSR                                  WRMSR
 *   0x00000010  IA32_TIME_STAMP_COUNTER  the time-stamp counter                 #GP (read-only here)
 *   0x00000017  IA32_PLATFORM_ID         0                                      #GP (read-only, Intel only)
 *   0x000001A0  IA32_MISC_ENABLE         BTS_UNAVAIL | PEBS_UNAVAIL |           the same value: accepted and
 *                                        XTPR_DISABLE (0x00801800)              dropped; any other: #GP
 *   0x40000000  Xen hypercall page       0 ("write-only, reads as zero")        value = machine address of a
 *                                                                               page of the guest's: Xen fills
 *                                                                               it with the hypercall stubs
 *   anything else                        #GP(0)                                 #GP(0)
 * </pre>
 *
 * <p>SIMPLIFICATION: the machine has no IA32_PLATFORM_ID or IA32_MISC_ENABLE of its own, so the values are those
 * Xen would give on a host where they read as 0: platform id 0, and MISC_ENABLE with only the bits Xen's
 * {@code guest_misc_enable} forces on (branch-trace store and PEBS unavailable, xTPR messages disabled). The TSC
 * is the machine's cycle counter (Xen never writes the real TSC); Xen lets PV guests only read it here.
 */
final class PvMsrs {
    static final int IA32_TIME_STAMP_COUNTER = 0x10;
    static final int IA32_PLATFORM_ID = 0x17;
    static final int IA32_MISC_ENABLE = 0x1A0;
    /** Xen's hypercall-page MSR (CPUID leaf 0x40000002 EBX names it). */
    static final int XEN_HYPERCALL_PAGE = 0x40000000;

    /** IA32_MISC_ENABLE bit 11: branch trace storage unavailable. */
    static final long MISC_ENABLE_BTS_UNAVAIL = 1L << 11;
    /** IA32_MISC_ENABLE bit 12: processor event-based sampling unavailable. */
    static final long MISC_ENABLE_PEBS_UNAVAIL = 1L << 12;
    /** IA32_MISC_ENABLE bit 23: xTPR messages disabled. */
    static final long MISC_ENABLE_XTPR_DISABLE = 1L << 23;
    /** What a guest reads from IA32_MISC_ENABLE. */
    static final long MISC_ENABLE_VALUE = MISC_ENABLE_BTS_UNAVAIL | MISC_ENABLE_PEBS_UNAVAIL
        | MISC_ENABLE_XTPR_DISABLE;

    private final Hypervisor hv;

    PvMsrs(Hypervisor hv) {
        this.hv = hv;
    }

    /** The MSR's name for traces, or its index in hex. */
    static String name(int index) {
        return switch (index) {
            case IA32_TIME_STAMP_COUNTER -> "IA32_TIME_STAMP_COUNTER";
            case IA32_PLATFORM_ID -> "IA32_PLATFORM_ID";
            case IA32_MISC_ENABLE -> "IA32_MISC_ENABLE";
            case XEN_HYPERCALL_PAGE -> "Xen hypercall page";
            default -> String.format("MSR 0x%08x", index);
        };
    }

    /** Contract: the value RDMSR {@code index} gives the guest, or empty for #GP(0). */
    OptionalLong read(int index) {
        return switch (index) {
            case IA32_TIME_STAMP_COUNTER -> OptionalLong.of(hv.cpu().cycles());
            case IA32_PLATFORM_ID -> OptionalLong.of(0);
            case IA32_MISC_ENABLE -> OptionalLong.of(MISC_ENABLE_VALUE);
            case XEN_HYPERCALL_PAGE -> OptionalLong.of(0);
            default -> OptionalLong.empty();
        };
    }

    /**
     * Contract: performs WRMSR {@code index} = {@code value} for domain {@code d}; returns a description of what
     * happened for the trace, or null for #GP(0) (nothing changed).
     */
    String write(Domain d, int index, long value) {
        return switch (index) {
            case IA32_MISC_ENABLE -> value == MISC_ENABLE_VALUE ? "unchanged value, dropped" : null;
            case XEN_HYPERCALL_PAGE -> hypercallPage(d, value);
            default -> null;
        };
    }

    /**
     * Xen's hypercall-page MSR write: bits 11:0 select the page index (only 0 exists), the rest is the frame. For
     * a PV guest (no P2M translation by Xen) the frame is a machine frame; it must be the guest's own and be
     * usable as a writable page (not a page table, GDT or LDT). Returns null (#GP) otherwise.
     */
    private String hypercallPage(Domain d, long value) {
        if ((value & 0xFFF) != 0 || value >>> 12 > Integer.MAX_VALUE) {
            return null;
        }
        int mfn = (int) (value >>> 12);
        FrameTable ft = hv.frames();
        if (!ft.valid(mfn) || ft.owner(mfn) != d.id() || ft.type(mfn).isProtected()) {
            return null;
        }
        byte[] page = HypercallPage.bytes();
        hv.machine().memory().load((long) mfn << 12, page, 0, page.length);
        return String.format("hypercall page written to mfn 0x%x", mfn);
    }
}
