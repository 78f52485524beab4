package org.xenoscope.machine.cpu.diff;

/**
 * BOUND (only the cases that do not raise #BR: the index is set up inside the bounds, often on one of them, and
 * the bounds are addressed absolutely, since in a loop body a register base could move between iterations) and
 * ARPL (on random selectors in a register or in memory; only ZF changes).
 */
final class CheckKinds {
    private CheckKinds() {
    }

    /** ARPL defines ZF and leaves the other flags alone. */
    static final FlagBits.Effect ARPL = new FlagBits.Effect(FlagBits.ZF, 0);

    /** BOUND r16/r32, [bounds] with lower <= index <= upper (signed), the bounds stored by setup MOVs. */
    static boolean bound(Ctx c) {
        int size = c.size1632();
        int bits = 8 * size;
        int lower = Ctx.truncate(c.imm(size), size);
        int upper = Ctx.truncate(c.imm(size), size);
        if (lower > upper) {
            int t = lower;
            lower = upper;
            upper = t;
        }
        long span = (long) upper - lower;
        int index = switch (c.pick(3)) {
            case 0 -> lower;
            case 1 -> upper;
            default -> (int) (lower + (long) (c.rnd.nextDouble() * (span + 1)));
        };
        index = Math.min(Math.max(index, lower), upper);
        int off = c.offset(0, Layout.ARENA_SIZE - 2 * size, 0, 2 * size);
        c.emit("mov " + Opnd.keyword(size) + " [arena+" + off + "], " + Ctx.hex(lower, size));
        c.emit("mov " + Opnd.keyword(size) + " [arena+" + (off + size) + "], " + Ctx.hex(upper, size));
        Opnd reg = Opnd.register(size, c.freeReg(0));
        c.setReg(reg, index);
        c.emit("bound " + reg + ", [arena+" + off + "]"); // a fixed address: a loop body may change registers
        c.kind = bits == 16 ? "bound16" : "bound32";
        return true;
    }

    /** ARPL r/m16, r16. */
    static boolean arpl(Ctx c) {
        Opnd dst = c.rm(2);
        Opnd src = c.reg(2);
        c.emit("arpl " + dst + ", " + src);
        c.wrote(dst);
        c.m.apply(ARPL);
        c.kind = dst.isMem() ? "arpl_mem" : "arpl_reg";
        return true;
    }
}
