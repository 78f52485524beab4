package org.xenoscope.xen;

import org.xenoscope.xen.abi.Errno;
import org.xenoscope.xen.abi.Selectors;

/**
 * Xen's {@code check_descriptor} (x86_32): may a guest put this 8-byte descriptor in a GDT or LDT frame, and in
 * which (possibly clipped) form? The rules (ABI sheet section 4.8):
 *
 * <pre>
 *  P = 0                       accepted as it is (using it always faults)
 *  DPL = 0                     refused (no guest segment or gate may be ring 0)
 *  S = 0 (system)              only a 32-bit call gate (type 0xC); its target selector gets RPL 1 if it had RPL 0
 *                              and must be the guest's (GDT entry below 7168, LDT) or FLAT_RING1_CS; bits 7:5 of
 *                              the high dword (above the parameter count) must be 0. TSS, LDT, interrupt, trap
 *                              and task gates are refused.
 *  S = 1 (code/data)           base < segmentMax - 4 KiB, else refused. Then, with L = (limit + 1) scaled by G:
 *    expand-up (code, or data with E = 0):  if base + L wraps or passes segmentMax, L := segmentMax - base
 *    expand-down (data with E = 1):         if base + L does not wrap (the segment's top would reach 4 GiB,
 *                                           i.e. Xen's area), L := -(base &amp; ~0xFFF): the segment then covers
 *                                           only linear addresses below base
 *    a clipped segment must be 4 KiB-granular (byte-granular ones are refused); the new limit field is
 *    (L &gt;&gt; 12) - 1.
 *
 *  call gate:  63          48 47 46 45 44  40 39 37 36   32 31          16 15           0
 *             +--------------+--+-----+-----+-----+-------+--------------+--------------+
 *             | offset 31:16 | P| DPL |0 1100|0 0 0|params | target sel.  | offset 15:0  |
 *             +--------------+--+-----+-----+-----+-------+--------------+--------------+
 * </pre>
 *
 * Arithmetic is on 32 bits as in Xen, so a 4 GiB flat segment (limit 0xFFFFF, G = 1) has L = 0, wraps, and is
 * clipped to end at segmentMax: that is how the guests' 4 GiB flat segments survive.
 */
final class DescriptorCheck {
    /** The access-byte type of a 32-bit call gate. */
    static final int CALL_GATE = 0xC;
    private static final long MASK32 = 0xFFFFFFFFL;
    private static final long PAGE = 4096;

    private DescriptorCheck() {
    }

    /**
     * Contract: returns {@code desc} as Xen would store it (unchanged, the call gate's target RPL fixed up, or
     * the limit clipped) for a guest of flavour {@code f}; throws {@link HypercallError} EINVAL, with the reason,
     * for a descriptor the guest may not have. Pure: touches no state.
     */
    /** {@link #check} as the page-type rules call it when they validate a GDT or LDT frame. */
    static long checkForTable(Domain d, long desc) {
        try {
            return check(d.flavour(), desc);
        } catch (HypercallError e) {
            throw new org.xenoscope.xen.mm.MmRefused(e.getMessage());
        }
    }

    static long check(GuestFlavour f, long desc) {
        if (!Descriptors.present(desc)) {
            return desc;
        }
        if (Descriptors.dpl(desc) == 0) {
            throw refuse(desc, "DPL 0");
        }
        if (!Descriptors.codeOrData(desc)) {
            return callGate(desc);
        }
        return codeOrData(f, desc);
    }

    /** The system-descriptor rule: a call gate to a guest code selector, anything else refused. */
    private static long callGate(long desc) {
        int type = Descriptors.access(desc) & 0xF;
        if (type != CALL_GATE) {
            throw refuse(desc, "system descriptor of type 0x" + Integer.toHexString(type)
                + " (only call gates are allowed)");
        }
        int sel = (int) (desc >>> 16) & 0xFFFF;
        if ((sel & 3) == 0) {
            sel |= 1; // Xen's fixup_guest_code_selector: a ring-0 RPL becomes ring 1
        }
        if (!GuestSelectors.guestTable(sel) && sel != Selectors.FLAT_RING1_CS) {
            throw refuse(desc, String.format("call gate to Xen's selector 0x%04x", sel));
        }
        if ((desc & (0xE0L << 32)) != 0) {
            throw refuse(desc, "call gate with reserved bits 7:5 set");
        }
        return (desc & ~(0xFFFFL << 16)) | ((long) sel << 16);
    }

    /** The code/data rule: base below Xen, limit clipped to segmentMax (see the class comment). */
    private static long codeOrData(GuestFlavour f, long desc) {
        long max = f.segmentMax() & MASK32;
        long base = Descriptors.base(desc) & MASK32;
        if (base >= max - PAGE) {
            throw refuse(desc, String.format("base 0x%08x is not a page below 0x%08x", base, max));
        }
        long limit = (Descriptors.limitField(desc) + 1L) & MASK32;
        if (Descriptors.granular(desc)) {
            limit = (limit << 12) & MASK32;
        }
        long end = (base + limit) & MASK32;
        int access = Descriptors.access(desc);
        boolean expandDown = (access & 0x0C) == 0x04; // data (bit 3 clear) with E (bit 2) set
        if (expandDown) {
            if (end > base) {
                return clip(desc, (-(base & ~(PAGE - 1))) & MASK32);
            }
        } else if (end <= base || end > max) {
            return clip(desc, max - base);
        }
        return desc;
    }

    /** Rewrites the limit so the segment spans {@code bytes} (rounded down to pages); byte-granular: refused. */
    private static long clip(long desc, long bytes) {
        if (!Descriptors.granular(desc)) {
            throw refuse(desc, "byte-granular segment reaching into Xen's area");
        }
        long field = ((bytes >>> 12) - 1) & 0xFFFFF;
        long d = desc & ~0xFFFFL & ~(0xFL << 48);
        return d | (field & 0xFFFF) | ((field >>> 16) << 48);
    }

    private static HypercallError refuse(long desc, String why) {
        return new HypercallError(Errno.EINVAL, String.format("descriptor 0x%016x: %s", desc, why));
    }
}
