package org.xenoscope.machine.cpu.diff;

/**
 * What the generator knows about the machine at a point of a sequence: which register bits have a known
 * value, which arithmetic flags are undefined (SDM), the direction flag and the stack depth. It is not an
 * emulator: every instruction that computes something simply makes its destination unknown. Instructions that
 * need a particular value (a divisor, a shift count in CL, string pointers) get it from a setup MOV.
 */
final class Model {
    static final int ESP = 4;

    final int[] value = new int[8];
    /** Per register, the bits whose value is known. */
    final int[] known = new int[8];
    /** The arithmetic flags whose value is undefined now. */
    int undefined;
    /** Direction flag when {@link #dfKnown}. */
    boolean df;
    boolean dfKnown;
    /** Bytes pushed below {@link Layout#STACK_TOP}; ESP = STACK_TOP - depth. */
    int depth;
    /** Arena offsets [guardLo, guardHi) no memory operand may touch (a return address on the stack). */
    int guardLo;
    int guardHi;
    /** Registers written (bit r) since this was last cleared; lets a loop body be checked for repeatability. */
    int touched;

    Model copy() {
        Model m = new Model();
        System.arraycopy(value, 0, m.value, 0, 8);
        System.arraycopy(known, 0, m.known, 0, 8);
        m.undefined = undefined;
        m.df = df;
        m.dfKnown = dfKnown;
        m.depth = depth;
        m.guardLo = guardLo;
        m.guardHi = guardHi;
        m.touched = touched;
        return m;
    }

    /** Applies a flag effect: defined flags become defined, undefined ones undefined, the rest keep state. */
    void apply(FlagBits.Effect e) {
        undefined = (undefined & ~(e.defined() | e.undefined())) | e.undefined();
    }

    /** True when every flag in {@code mask} has a defined value. */
    boolean canRead(int mask) {
        return (undefined & mask) == 0;
    }

    boolean isKnown(int r) {
        return r == ESP || known[r] == -1;
    }

    /** The full value of register r; only meaningful when {@link #isKnown}. */
    int get(int r) {
        return r == ESP ? Layout.STACK_TOP - depth : value[r];
    }

    /** Register r's bits {@code slice} now hold {@code v}'s bits there. */
    void set(int r, int slice, int v) {
        value[r] = (value[r] & ~slice) | (v & slice);
        known[r] |= slice;
        touched |= 1 << r;
    }

    /** Register r's bits {@code slice} were overwritten with something the generator does not track. */
    void clobber(int r, int slice) {
        known[r] &= ~slice;
        touched |= 1 << r;
    }

    /**
     * The state after a conditional skip: {@code this} is one path, {@code other} the other. A flag is
     * undefined if it is on either path; a register bit is known if both paths agree on it.
     */
    void merge(Model other) {
        undefined |= other.undefined;
        for (int r = 0; r < 8; r++) {
            known[r] &= other.known[r] & ~(value[r] ^ other.value[r]);
        }
        if (dfKnown != other.dfKnown || df != other.df) {
            dfKnown = false;
        }
        if (depth != other.depth) {
            throw new IllegalStateException("paths with different stack depths");
        }
    }
}
