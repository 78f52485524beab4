package org.xenoscope.gui.panels;

import java.util.StringJoiner;
import org.xenoscope.debug.Snapshot;
import org.xenoscope.machine.cpu.Cpu;
import org.xenoscope.machine.cpu.Eflags;
import org.xenoscope.machine.mmu.SegmentCache;

/** How the CPU panel spells registers out in words: pure functions of register values. */
final class CpuText {
    private static final String[] FLAG_NAMES = {"CF", "PF", "AF", "ZF", "SF", "TF", "IF", "DF", "OF", "NT", "RF",
        "VM", "AC", "VIF", "VIP", "ID"};
    private static final int[] FLAG_BITS = {Eflags.CF, Eflags.PF, Eflags.AF, Eflags.ZF, Eflags.SF, Eflags.TF,
        Eflags.IF, Eflags.DF, Eflags.OF, Eflags.NT, Eflags.RF, Eflags.VM, Eflags.AC, Eflags.VIF, Eflags.VIP,
        Eflags.ID};
    private static final String[] CR0_NAMES = {"PE", "MP", "EM", "TS", "ET", "NE", "WP", "AM", "NW", "CD", "PG"};
    private static final int[] CR0_BITS = {Cpu.CR0_PE, Cpu.CR0_MP, Cpu.CR0_EM, Cpu.CR0_TS, Cpu.CR0_ET, Cpu.CR0_NE,
        Cpu.CR0_WP, Cpu.CR0_AM, Cpu.CR0_NW, Cpu.CR0_CD, Cpu.CR0_PG};
    private static final String[] CR4_NAMES = {"TSD", "DE", "PSE", "PAE", "PGE"};
    private static final int[] CR4_BITS = {Cpu.CR4_TSD, Cpu.CR4_DE, Cpu.CR4_PSE, Cpu.CR4_PAE, Cpu.CR4_PGE};

    private CpuText() {
    }

    /**
     * EFLAGS as the set flags and the I/O privilege level:
     * <pre>
     *  31      22 21 20  19  18 17 16 15 14 13 12 11 10  9  8  7  6  5  4  3  2  1  0
     *  | 0 ...  |ID|VIP|VIF|AC|VM|RF| 0|NT| IOPL|OF|DF|IF|TF|SF|ZF| 0|AF| 0|PF| 1|CF|
     * </pre>
     */
    static String eflags(int v) {
        StringJoiner j = new StringJoiner(" ");
        for (int i = 0; i < FLAG_BITS.length; i++) {
            if ((v & FLAG_BITS[i]) != 0) {
                j.add(FLAG_NAMES[i]);
            }
        }
        j.add("IOPL=" + ((v & Eflags.IOPL) >>> Eflags.IOPL_SHIFT));
        return j.toString();
    }

    /** CR0's set feature bits, e.g. "PE ET WP PG". */
    static String cr0(int v) {
        return bits(v, CR0_NAMES, CR0_BITS);
    }

    /** CR4's set feature bits, e.g. "PAE". */
    static String cr4(int v) {
        return bits(v, CR4_NAMES, CR4_BITS);
    }

    private static String bits(int v, String[] names, int[] masks) {
        StringJoiner j = new StringJoiner(" ");
        j.setEmptyValue("-");
        for (int i = 0; i < masks.length; i++) {
            if ((v & masks[i]) != 0) {
                j.add(names[i]);
            }
        }
        return j.toString();
    }

    /** The privilege level in words; in a PV system ring 1 is the guest kernel and ring 0 only Xen. */
    static String ring(int cpl, boolean pv) {
        String who = switch (cpl) {
            case 0 -> pv ? "Xen" : "kernel";
            case 1 -> pv ? "guest kernel" : "ring 1 code";
            case 3 -> pv ? "guest user" : "user";
            default -> "ring 2 code";
        };
        return "ring " + cpl + " (" + who + ")";
    }

    /** A segment register's descriptor cache: base, limit, DPL, type and presence. */
    static String segment(Snapshot.Segment s) {
        return String.format("base %08x limit %08x DPL %d %s%s", s.base(), s.limit(), (s.access() >> 5) & 3,
            segType(s.access()), (s.access() & SegmentCache.PRESENT) != 0 ? "" : " not present");
    }

    /** The type field of an access byte in words ("code, readable", "data, writable, expand-down", "system"). */
    static String segType(int access) {
        if ((access & SegmentCache.S_CODE_DATA) == 0) {
            return "system type " + (access & 0xF);
        }
        boolean code = (access & SegmentCache.TYPE_CODE) != 0;
        StringBuilder sb = new StringBuilder(code ? "code" : "data");
        if ((access & SegmentCache.TYPE_RW) != 0) {
            sb.append(code ? ", readable" : ", writable");
        }
        if ((access & SegmentCache.TYPE_EC) != 0) {
            sb.append(code ? ", conforming" : ", expand-down");
        }
        return sb.toString();
    }

    /** A selector split into index, table and RPL: "e019 (index 7171, GDT, RPL 1)". */
    static String selector(int sel) {
        return String.format("%04x (index %d, %s, RPL %d)", sel, sel >>> 3, (sel & 4) != 0 ? "LDT" : "GDT",
            sel & 3);
    }
}
