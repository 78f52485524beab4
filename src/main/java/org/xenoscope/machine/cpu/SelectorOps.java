package org.xenoscope.machine.cpu;

import org.xenoscope.machine.mmu.SegmentCache;

/**
 * Instructions that examine or adjust segment selectors without loading them (SDM Vol. 2 "ARPL", "LAR", "LSL",
 * "VERR/VERW").
 *
 * <pre>
 *   selector:  15                3   2   1 0         descriptor high dword (bytes 4..7):
 *             | index             | TI | RPL |        31    24 23 22 21 20 19  16 15 14 13 12 11   8 7      0
 *                                                    | base   | G |DB| L|AVL| lim | P | DPL | S | type | base |
 * </pre>
 *
 * LAR, LSL, VERR and VERW never fault on a bad selector: they report through ZF (1 = the check passed). ZF = 0
 * for a null selector (index 0 with TI = 0, whatever GDT[0] holds, as QEMU does), a TI = 1 selector while the
 * LDTR is null, a descriptor beyond the table limit, a descriptor type the instruction does not accept, and
 * (except for conforming code) DPL below CPL or below the selector's RPL. Reading the descriptor may still
 * raise #PF. These instructions are valid only in protected mode outside virtual-8086 mode; this CPU has neither
 * real nor virtual-8086 mode, so none of them raises #UD for that. Only ZF changes; the other flags keep their
 * values, and on ZF = 0 the destination is not written.
 */
final class SelectorOps {
    /**
     * LAR's access-rights mask for a 32-bit destination: G D/B L AVL, P DPL S type. Bits 19:16 (limit 19:16)
     * are undefined in the SDM; they are cleared here, as QEMU and current processors do.
     */
    static final int AR_MASK_32 = 0x00F0FF00;
    static final int AR_MASK_16 = 0x0000FF00;

    /** System descriptor types LAR accepts: TSSes, the LDT, call and task gates (not interrupt/trap gates). */
    private static final int LAR_SYSTEM_TYPES = 1 << 1 | 1 << 2 | 1 << 3 | 1 << 4 | 1 << 5 | 1 << 9 | 1 << 0xB
        | 1 << 0xC;
    /** System descriptor types LSL accepts: those with a limit (TSSes and the LDT). */
    private static final int LSL_SYSTEM_TYPES = 1 << 1 | 1 << 2 | 1 << 3 | 1 << 9 | 1 << 0xB;

    private SelectorOps() {
    }

    /**
     * ARPL r/m16, r16: when the destination selector's RPL is below the source's, it is raised to the source's
     * RPL and ZF is set; otherwise the destination is not written and ZF is cleared.
     */
    static void arpl(Cpu c, Insn i) {
        int dest = c.readA(i);
        int src = c.getReg(2, i.b);
        boolean adjust = (dest & 3) < (src & 3);
        if (adjust) {
            c.writeA(i, (dest & ~3) | (src & 3));
        }
        setZf(c, adjust);
    }

    /** LAR r, r/m16: the access rights of an accepted descriptor (masked by operand size) into the register. */
    static void lar(Cpu c, Insn i) {
        int sel = c.readB(i) & 0xFFFF;
        Long desc = visible(c, sel, LAR_SYSTEM_TYPES);
        if (desc != null) {
            int high = (int) (desc >>> 32);
            c.setReg(i.osize, i.a, high & (i.osize == 2 ? AR_MASK_16 : AR_MASK_32));
        }
        setZf(c, desc != null);
    }

    /** LSL r, r/m16: the byte-granular limit (scaled by G) of an accepted descriptor into the register. */
    static void lsl(Cpu c, Insn i) {
        int sel = c.readB(i) & 0xFFFF;
        Long desc = visible(c, sel, LSL_SYSTEM_TYPES);
        if (desc != null) {
            c.setReg(i.osize, i.a, cache(sel, desc).limit);
        }
        setZf(c, desc != null);
    }

    /** VERR r/m16 (ZF = readable: data, or readable code) and VERW r/m16 (ZF = writable data). */
    static void verify(Cpu c, Insn i, boolean write) {
        int sel = c.readA(i) & 0xFFFF;
        Long desc = visible(c, sel, 0);
        setZf(c, desc != null && (write ? cache(sel, desc).writable() : cache(sel, desc).readable()));
    }

    /**
     * The descriptor {@code sel} names, if the checks common to LAR, LSL, VERR and VERW pass: a non-null selector
     * inside its table; a code or data descriptor, or a system descriptor whose type is in {@code systemTypes}
     * (bit t for type t); unless it is conforming code, CPL <= DPL and RPL <= DPL. Otherwise null.
     */
    private static Long visible(Cpu c, int sel, int systemTypes) {
        if ((sel & ~3) == 0 || !inTable(c, sel)) {
            return null;
        }
        long desc = Segmentation.readDescriptor(c, sel, 0);
        SegmentCache s = cache(sel, desc);
        boolean system = (s.access & SegmentCache.S_CODE_DATA) == 0;
        if (system && (systemTypes & (1 << (s.access & 0xF))) == 0) {
            return null;
        }
        if (!s.conforming() && (c.cpl > s.dpl() || (sel & 3) > s.dpl())) {
            return null;
        }
        return desc;
    }

    /** The descriptor decoded into a (detached) segment cache. */
    private static SegmentCache cache(int sel, long desc) {
        SegmentCache s = new SegmentCache();
        s.load(sel, (int) desc, (int) (desc >>> 32));
        return s;
    }

    /** True when the 8-byte descriptor of {@code sel} lies inside the GDT or (TI = 1) the loaded LDT. */
    private static boolean inTable(Cpu c, int sel) {
        int limit;
        if ((sel & 4) != 0) {
            if (c.ldtr.unusable || c.ldtr.selector == 0) {
                return false;
            }
            limit = c.ldtr.limit;
        } else {
            limit = c.gdtLimit;
        }
        return Integer.compareUnsigned((sel & ~7) + 7, limit) <= 0;
    }

    /** Sets or clears ZF, keeping the other five arithmetic flags. */
    static void setZf(Cpu c, boolean zf) {
        c.flags.load((c.flags.get() & ~Eflags.ZF) | (zf ? Eflags.ZF : 0));
    }
}
