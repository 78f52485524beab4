package org.xenoscope.machine.cpu;

import org.xenoscope.machine.intr.CpuFault;
import org.xenoscope.machine.intr.Vector;
import org.xenoscope.machine.mmu.SegmentCache;

/**
 * Protected-mode segmentation: limit and type checks on accesses, and the checks made when a selector is loaded
 * into a segment register (SDM Vol. 3 §5.5–5.10, and the pseudo-code of MOV Sreg, LTR, LLDT).
 *
 * <pre>
 *  selector:  15                3   2   1 0
 *            +-------------------+----+-----+
 *            |       index       | TI | RPL |      TI: 0 = GDT, 1 = LDT
 *            +-------------------+----+-----+
 * </pre>
 *
 * Accesses through SS fault with #SS(0); all others with #GP(0). Loads fault with the selector as error code.
 */
public final class Segmentation {
    private Segmentation() {
    }

    private static CpuFault limitFault(int seg) {
        return seg == Cpu.SS ? CpuFault.ss(0) : CpuFault.gp(0);
    }

    /** True when [off, off+size) is inside segment {@code s} (expand-up or expand-down). */
    static boolean withinLimit(SegmentCache s, int off, int size) {
        long lo = off & 0xFFFFFFFFL;
        long hi = lo + size - 1;
        if (s.expandDown()) {
            long upper = s.big ? 0xFFFFFFFFL : 0xFFFFL;
            return lo > (s.limit & 0xFFFFFFFFL) && hi <= upper;
        }
        return hi <= (s.limit & 0xFFFFFFFFL);
    }

    /** Checks a data read through {@code seg}; returns the linear address. */
    public static int checkRead(Cpu c, int seg, int off, int size) {
        SegmentCache s = c.sregs[seg];
        if (s.unusable || !s.readable() || !withinLimit(s, off, size)) {
            throw limitFault(seg);
        }
        return s.base + off;
    }

    /** Checks a data write through {@code seg}; returns the linear address. */
    public static int checkWrite(Cpu c, int seg, int off, int size) {
        SegmentCache s = c.sregs[seg];
        if (s.unusable || !s.writable() || !withinLimit(s, off, size)) {
            throw limitFault(seg);
        }
        return s.base + off;
    }

    /** Instruction fetch: the whole instruction must lie within the CS limit, else #GP(0). */
    static void checkFetch(Cpu c, int eip, int len) {
        if (!withinLimit(c.sregs[Cpu.CS], eip, len)) {
            throw CpuFault.gp(0);
        }
    }

    /** Checks a stack write of {@code size} bytes at offset {@code off} in a not-yet-loaded stack segment. */
    static int checkStackWrite(Cpu c, SegmentCache ss, int off, int size) {
        if (!withinLimit(ss, off, size)) {
            throw CpuFault.ss(0);
        }
        return ss.base + off;
    }

    /**
     * Reads the 8-byte descriptor named by {@code sel} from the GDT or LDT; #GP(sel) when it lies beyond the
     * table limit. {@code ext} is the EXT bit to put in error codes.
     */
    public static long readDescriptor(Cpu c, int sel, int ext) {
        int index = sel & ~7;
        int base;
        int limit;
        if ((sel & 4) != 0) {
            if (c.ldtr.unusable || c.ldtr.selector == 0) {
                throw CpuFault.gp((sel & 0xFFFC) + ext);
            }
            base = c.ldtr.base;
            limit = c.ldtr.limit;
        } else {
            base = c.gdtBase;
            limit = c.gdtLimit;
        }
        if (Integer.compareUnsigned(index + 7, limit) > 0) {
            throw CpuFault.gp((sel & 0xFFFC) + ext);
        }
        int lo = c.readLinear32(base + index);
        int hi = c.readLinear32(base + index + 4);
        return (lo & 0xFFFFFFFFL) | ((long) hi << 32);
    }

    /** Sets the Accessed bit of a descriptor in memory (as the CPU does when it loads it). */
    static void markAccessed(Cpu c, int sel, long desc) {
        int hi = (int) (desc >>> 32);
        if ((hi & 0x100) == 0) {
            int base = (sel & 4) != 0 ? c.ldtr.base : c.gdtBase;
            c.writeLinear32(base + (sel & ~7) + 4, hi | 0x100);
        }
    }

    /** Sets the Accessed bit (descriptor bit 40) of the descriptor {@code sel} names, with a byte write. */
    static void markAccessed(Cpu c, int sel) {
        int base = (sel & 4) != 0 ? c.ldtr.base : c.gdtBase;
        int lin = base + (sel & ~7) + 5;
        int access = c.readLinear8(lin);
        if ((access & 1) == 0) {
            c.writeLinear8(lin, access | 1);
        }
    }

    /**
     * MOV/POP/LxS to SS, DS, ES, FS or GS (SDM Vol. 2 "MOV" protected-mode pseudo-code).
     * SS: selector non-null, RPL = CPL, writable data, DPL = CPL, present (#SS(sel) when not).
     * Others: null allowed (register becomes unusable); data or readable code; for data and non-conforming
     * code RPL <= DPL and CPL <= DPL; present (#NP(sel) when not).
     */
    public static void loadDataOrStack(Cpu c, int seg, int sel) {
        sel &= 0xFFFF;
        if (seg == Cpu.CS) {
            throw CpuFault.ud();
        }
        if ((sel & ~3) == 0) {
            if (seg == Cpu.SS) {
                throw CpuFault.gp(0);
            }
            c.sregs[seg].loadNull(sel);
            return;
        }
        long desc = readDescriptor(c, sel, 0);
        SegmentCache s = new SegmentCache();
        s.load(sel, (int) desc, (int) (desc >>> 32));
        int rpl = sel & 3;
        int err = sel & 0xFFFC;
        if (seg == Cpu.SS) {
            if (rpl != c.cpl || !s.writable() || s.dpl() != c.cpl) {
                throw CpuFault.gp(err);
            }
            if (!s.present()) {
                throw CpuFault.ss(err);
            }
        } else {
            if (!s.readable() || ((s.isData() || !s.conforming()) && (rpl > s.dpl() || c.cpl > s.dpl()))) {
                throw CpuFault.gp(err);
            }
            if (!s.present()) {
                throw CpuFault.np(err);
            }
        }
        markAccessed(c, sel, desc);
        s.access |= SegmentCache.TYPE_ACCESSED;
        c.sregs[seg].copyFrom(s);
        if (seg == Cpu.SS) {
            c.core.shadow = 1;
            c.core.debugShadow = true;
            c.core.attention();
        }
    }

    /** LTR: an available 32-bit TSS in the GDT; marks it busy. */
    public static void loadTr(Cpu c, int sel) {
        sel &= 0xFFFF;
        if ((sel & ~3) == 0 || (sel & 4) != 0) {
            throw CpuFault.gp(sel & 0xFFFC);
        }
        long desc = readDescriptor(c, sel, 0);
        int hi = (int) (desc >>> 32);
        int type = (hi >>> 8) & 0x1F;
        if (type != 0x09) {
            throw CpuFault.gp(sel & 0xFFFC);
        }
        if ((hi & 0x8000) == 0) {
            throw CpuFault.np(sel & 0xFFFC);
        }
        c.writeLinear32(c.gdtBase + (sel & ~7) + 4, hi | 0x200); // busy
        c.tr.load(sel, (int) desc, hi | 0x200);
    }

    /** LLDT: null makes the LDT unusable; otherwise an LDT descriptor (type 2) in the GDT. */
    public static void loadLdt(Cpu c, int sel) {
        sel &= 0xFFFF;
        if ((sel & ~3) == 0) {
            c.ldtr.loadNull(sel);
            return;
        }
        if ((sel & 4) != 0) {
            throw CpuFault.gp(sel & 0xFFFC);
        }
        long desc = readDescriptor(c, sel, 0);
        int hi = (int) (desc >>> 32);
        if (((hi >>> 8) & 0x1F) != 0x02) {
            throw CpuFault.gp(sel & 0xFFFC);
        }
        if ((hi & 0x8000) == 0) {
            throw CpuFault.np(sel & 0xFFFC);
        }
        c.ldtr.load(sel, (int) desc, hi);
    }

    /**
     * The inner-ring stack for {@code ring} from the current 32-bit TSS: {SSn, ESPn}.
     *
     * <pre>
     *  TSS offset  0x04 ESP0   0x08 SS0   0x0C ESP1   0x10 SS1   0x14 ESP2   0x18 SS2
     * </pre>
     * #TS(TSS selector) when the TSS is too short.
     */
    static int[] tssStack(Cpu c, int ring, int ext) {
        int off = 4 + ring * 8;
        if (c.tr.unusable || c.tr.selector == 0 || Integer.compareUnsigned(off + 5, c.tr.limit) > 0) {
            throw new CpuFault(Vector.TS, (c.tr.selector & 0xFFFC) + ext);
        }
        int esp = c.readLinear32(c.tr.base + off);
        int ss = c.readLinear16(c.tr.base + off + 4);
        return new int[] {ss, esp};
    }

    /**
     * Checks the inner-ring stack segment named by the TSS: #TS(sel) when null, of the wrong RPL, beyond the
     * descriptor table, not writable data or of the wrong DPL; #SS(sel) when not present.
     */
    static SegmentCache checkNewStack(Cpu c, int ssSel, int ring, int ext) {
        int err = (ssSel & 0xFFFC) + ext;
        if ((ssSel & ~3) == 0 || (ssSel & 3) != ring) {
            throw new CpuFault(Vector.TS, err);
        }
        long desc;
        try {
            desc = readDescriptor(c, ssSel, ext);
        } catch (CpuFault f) {
            if (f.vector != Vector.GP) {
                throw f;
            }
            throw new CpuFault(Vector.TS, err); // beyond the table: #TS, not #GP (SDM §6.12.1, Table 7-1)
        }
        SegmentCache ss = new SegmentCache();
        ss.load(ssSel, (int) desc, (int) (desc >>> 32));
        if (!ss.writable() || ss.dpl() != ring) {
            throw new CpuFault(Vector.TS, err);
        }
        if (!ss.present()) {
            throw new CpuFault(Vector.SS, err);
        }
        return ss;
    }

    /** Loads a code-segment descriptor for a far transfer; returns its cache (not yet committed). */
    static SegmentCache codeDescriptor(Cpu c, int sel) {
        if ((sel & ~3) == 0) {
            throw CpuFault.gp(0);
        }
        long desc = readDescriptor(c, sel, 0);
        SegmentCache s = new SegmentCache();
        s.load(sel, (int) desc, (int) (desc >>> 32));
        return s;
    }
}
