package org.xenoscope.asm.nasm;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * The explicit prefixes of one instruction, sorted into NASM's prefix slots. NASM emits prefixes in a fixed slot
 * order, whatever the source order ({@code fs lock add} and {@code lock fs add} both give {@code F0 64}):
 *
 * <pre>
 *   slot   REP              LOCK   SEG                    OSIZE        ASIZE
 *   names  rep repe repz    lock   es cs ss ds fs gs      o16 o32      a16 a32
 *          repne repnz
 *   bytes  F3 / F2          F0     26 2E 36 3E 64 65      66 / none    67 / none
 * </pre>
 *
 * The same name twice is redundant (emitted once, as NASM does after a warning); two different names in one slot
 * are an error ("instruction has conflicting prefixes"), even {@code rep repe}, which NASM also rejects.
 * A segment named as a prefix AND inside the memory operand is an error even when both are the same register.
 * An explicit {@code o16}/{@code o32} replaces the operand-size prefix the operands would imply; likewise for
 * {@code a16}/{@code a32} and the address size.
 */
final class Prefixes {
    private String rep;
    private String lock;
    private String seg;
    private String osize;
    private String asize;

    private Prefixes() {
    }

    /** Sorts {@code names} (source order, lower case) into slots; throws on an unknown or conflicting one. */
    static Prefixes parse(List<String> names) {
        Prefixes p = new Prefixes();
        for (String n : names) {
            switch (n) {
                case "rep": case "repe": case "repz": case "repne": case "repnz":
                    p.rep = slot(p.rep, n);
                    break;
                case "lock":
                    p.lock = slot(p.lock, n);
                    break;
                case "es": case "cs": case "ss": case "ds": case "fs": case "gs":
                    p.seg = slot(p.seg, n);
                    break;
                case "o16": case "o32":
                    p.osize = slot(p.osize, n);
                    break;
                case "a16": case "a32":
                    p.asize = slot(p.asize, n);
                    break;
                default:
                    throw new EncodeException("unknown prefix '" + n + "'");
            }
        }
        return p;
    }

    private static String slot(String old, String n) {
        if (old != null && !old.equals(n)) {
            throw new EncodeException("instruction has conflicting prefixes");
        }
        return n;
    }

    /** True when {@code repne} or {@code repnz} was written. */
    boolean repne() {
        return "repne".equals(rep) || "repnz".equals(rep);
    }

    /** True when {@code a16} was written. */
    boolean a16() {
        return "a16".equals(asize);
    }

    /** True when {@code a32} was written. */
    boolean a32() {
        return "a32".equals(asize);
    }

    /**
     * Writes the prefix bytes in NASM's order.
     *
     * @param memSeg   segment override written inside the memory operand, or null
     * @param osize16  the operands imply a 16-bit operand size (0x66) unless {@code o16}/{@code o32} was written
     * @param asize16  the address is 16-bit (0x67)
     */
    void emit(ByteArrayOutputStream out, Register memSeg, boolean osize16, boolean asize16) {
        if (rep != null) {
            out.write(repne() ? 0xF2 : 0xF3);
        }
        if (lock != null) {
            out.write(0xF0);
        }
        if (seg != null && memSeg != null) {
            throw new EncodeException("instruction has conflicting segment overrides");
        }
        Register s = memSeg != null ? memSeg : seg != null ? Register.byName(seg) : null;
        if (s != null) {
            out.write(new int[] {0x26, 0x2E, 0x36, 0x3E, 0x64, 0x65}[s.num]);
        }
        if (osize != null ? osize.equals("o16") : osize16) {
            out.write(0x66);
        }
        if (asize16) {
            out.write(0x67);
        }
    }
}
