package org.xenoscope.machine.cpu.diff;

/**
 * MOVS STOS LODS CMPS SCAS (byte, word, dword) with no prefix, REP, REPE or REPNE, DF clear or set, and now and
 * then a segment override for the ESI operand (the ES:EDI operand cannot be overridden). ECX (with a prefix),
 * ESI and EDI come from setups so that every iteration stays in the arena whichever way DF points.
 */
final class StringKinds {
    private StringKinds() {
    }

    private static final String[] OPS = {"movs", "stos", "lods", "cmps", "scas"};
    private static final String SUFFIX = "bwd";

    /** One string instruction, possibly repeated. */
    static boolean string(Ctx c) {
        int op = c.pick(5);
        int size = 1 << c.pick(3);
        boolean compares = op >= 3;
        String prefix = prefix(c, compares);
        boolean down = c.knownDf();
        int count = prefix.isEmpty() ? 1 : c.pick(9);
        if (!prefix.isEmpty()) {
            c.setReg32(1, count);
        }
        boolean usesSi = op == 0 || op == 2 || op == 3;
        boolean usesDi = op != 2;
        if (usesSi || c.chance(0.3)) {
            c.setReg32(6, Layout.ARENA + start(c, count, size, down));
        }
        if (usesDi || c.chance(0.3)) {
            c.setReg32(7, Layout.ARENA + start(c, count, size, down));
        }
        String name = OPS[op] + SUFFIX.charAt(Integer.numberOfTrailingZeros(size));
        String override = usesSi && c.chance(0.15) ? new String[] {"es ", "ss ", "ds "}[c.pick(3)] : "";
        c.emit(override + (prefix.isEmpty() ? "" : prefix + " ") + name);
        if (usesSi) {
            c.wroteReg(6, -1);
        }
        if (usesDi) {
            c.wroteReg(7, -1);
        }
        if (!prefix.isEmpty()) {
            c.wroteReg(1, -1);
        }
        if (op == 2) {
            c.wroteReg(0, size == 1 ? 0xFF : size == 2 ? 0xFFFF : -1);
        }
        if (compares && count > 0) {
            c.m.apply(FlagBits.Effect.ARITHMETIC);
        }
        c.kind = (prefix.isEmpty() ? "" : prefix + "_") + OPS[op];
        return true;
    }

    private static String prefix(Ctx c, boolean compares) {
        int k = c.pick(3);
        if (k == 0) {
            return "";
        }
        if (!compares) {
            return "rep";
        }
        return k == 1 ? "repe" : "repne";
    }

    /** Arena offset of the first element so that {@code count} elements in direction {@code down} fit. */
    private static int start(Ctx c, int count, int size, boolean down) {
        int span = Math.max(count, 1) * size;
        int lo = down ? span - size : 0;
        int hi = down ? Layout.ARENA_SIZE - size : Layout.ARENA_SIZE - span;
        return down ? c.offset(lo, hi, span - size, size) : c.offset(lo, hi, 0, span);
    }
}
