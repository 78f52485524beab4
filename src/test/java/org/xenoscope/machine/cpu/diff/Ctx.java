package org.xenoscope.machine.cpu.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The workbench one generated item is built on: the random source, the model (a private copy, committed only
 * when the item is complete), the lines emitted so far and the registers the item's setup has fixed.
 *
 * <p>An item is a main instruction preceded by the setup instructions it needs (MOV/LEA to put a divisor, a
 * shift count or an address into a register). Setups never change flags. A register set up for the item is
 * "reserved": later setups of the same item must not overwrite it, though it may be read (as a base, say).
 */
final class Ctx {
    final Random rnd;
    final Model m;
    /** Shared by all items of one case: NASM local labels must be unique within the case. */
    final int[] labelCounter;
    final List<String> lines = new ArrayList<>();
    int instructions;
    /** Bit r set: register r was set up by this item and must keep its value. */
    int reserved;
    /** Bit r set: the item relies on the value register r had before it (a reused base, a count in CL...). */
    int reused;
    /** Short name of the main instruction, for statistics and reports. */
    String kind = "?";
    /** Names of kind-table rows not to generate (see {@link Kinds}). */
    final Set<String> excluded;

    Ctx(Random rnd, Model m, int[] labelCounter, Set<String> excluded) {
        this.rnd = rnd;
        this.m = m;
        this.labelCounter = labelCounter;
        this.excluded = excluded;
    }

    void emit(String line) {
        lines.add("    " + line);
        instructions++;
    }

    void label(String name) {
        lines.add(name + ":");
    }

    String newLabel() {
        return ".L" + labelCounter[0]++;
    }

    // ---- random choices ----

    int pick(int n) {
        return rnd.nextInt(n);
    }

    boolean chance(double p) {
        return rnd.nextDouble() < p;
    }

    /** A random operand size: 1, 2 or 4 bytes (4 is the most common). */
    int size() {
        int k = rnd.nextInt(8);
        return k < 2 ? 1 : k < 4 ? 2 : 4;
    }

    /** A random 16- or 32-bit size. */
    int size1632() {
        return rnd.nextInt(3) == 0 ? 2 : 4;
    }

    /** An "interesting" random value, truncated to {@code size} bytes and sign-extended to int. */
    int imm(int size) {
        return truncate(Values.interesting(rnd), size);
    }

    static int truncate(int v, int size) {
        return size == 1 ? (byte) v : size == 2 ? (short) v : v;
    }

    static String hex(int v, int size) {
        long mask = size == 4 ? 0xFFFFFFFFL : (1L << (8 * size)) - 1;
        return "0x" + Long.toHexString(v & mask);
    }

    // ---- registers ----

    /** A random register operand of {@code size} bytes, never ESP/SP. */
    Opnd reg(int size) {
        if (size == 1) {
            return Opnd.register(1, rnd.nextInt(8));
        }
        int r;
        do {
            r = rnd.nextInt(8);
        } while (r == Model.ESP);
        return Opnd.register(size, r);
    }

    /** A random register that is not ESP and not in {@code avoid} (bit mask), free for setup. */
    int freeReg(int avoid) {
        int allowed = 0xFF & ~(1 << Model.ESP) & ~avoid & ~reserved;
        if (allowed == 0) {
            throw new IllegalStateException("no free register");
        }
        int r;
        do {
            r = rnd.nextInt(8);
        } while ((allowed & (1 << r)) == 0);
        return r;
    }

    /** Register or memory, half and half. */
    Opnd rm(int size) {
        return chance(0.5) ? reg(size) : mem(size);
    }

    /** Puts {@code v} into the {@code size}-byte register operand {@code o} with a MOV; reserves the register. */
    void setReg(Opnd o, int v) {
        emit("mov " + o + ", " + hex(v, o.size()));
        m.set(o.reg(), o.slice(), o.high() ? v << 8 : v);
        reserved |= 1 << o.reg();
    }

    void setReg32(int r, int v) {
        setReg(Opnd.register(4, r), v);
    }

    /** The instruction wrote operand {@code o}: a register destination is no longer known. */
    void wrote(Opnd o) {
        if (!o.isMem()) {
            m.clobber(o.reg(), o.slice());
        }
    }

    void wroteReg(int r, int slice) {
        m.clobber(r, slice);
    }

    /** "lock " now and then for a read-modify-write of memory operand {@code dst}, else "". */
    String lock(Opnd dst) {
        return dst.isMem() && chance(0.25) ? "lock " : "";
    }

    /** Makes the direction flag known (CLD or STD if it is not) and returns it. */
    boolean knownDf() {
        if (!m.dfKnown || chance(0.15)) {
            boolean d = chance(0.5);
            emit(d ? "std" : "cld");
            m.df = d;
            m.dfKnown = true;
        }
        return m.df;
    }

    // ---- memory ----

    /** A memory operand of {@code size} bytes anywhere in the arena. */
    Opnd mem(int size) {
        return mem(size, 0, Layout.ARENA_SIZE - size, 0, size, true);
    }

    /**
     * A memory operand whose effective address is ARENA + off for an {@link #offset} in [lo, hi] (the access
     * reaches {@code before} bytes below and {@code after} bytes from there). ESP is used as a base only when
     * {@code espBase}.
     */
    Opnd mem(int size, int lo, int hi, int before, int after, boolean espBase) {
        int off = offset(lo, hi, before, after);
        return Opnd.memory(Addressing.address(this, Layout.ARENA + off, espBase), size);
    }

    /**
     * A random arena offset in [lo, hi] such that [off - before, off + after) stays clear of the model's guarded
     * bytes; throws IllegalStateException (the item is drawn again) if none is found.
     */
    int offset(int lo, int hi, int before, int after) {
        for (int t = 0; t < 50; t++) {
            int off = lo + rnd.nextInt(hi - lo + 1);
            if (off + after <= m.guardLo || off - before >= m.guardHi) {
                return off;
            }
        }
        throw new IllegalStateException("no room outside the guarded stack slot");
    }
}
