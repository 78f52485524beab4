package org.xenoscope.machine.cpu;

/**
 * Instructions that examine or adjust segment selectors without loading them (SDM Vol. 2 "ARPL").
 *
 * <pre>
 *   selector:  15                3   2   1 0
 *             | index             | TI | RPL |
 * </pre>
 *
 * ARPL is valid only in protected mode outside virtual-8086 mode; this CPU has neither real nor virtual-8086
 * mode, so it never raises #UD for that. Only ZF changes; the other flags keep their values.
 */
final class SelectorOps {
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

    /** Sets or clears ZF, keeping the other five arithmetic flags. */
    static void setZf(Cpu c, boolean zf) {
        c.flags.load((c.flags.get() & ~Eflags.ZF) | (zf ? Eflags.ZF : 0));
    }
}
