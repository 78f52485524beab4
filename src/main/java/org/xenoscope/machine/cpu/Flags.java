package org.xenoscope.machine.cpu;

import static org.xenoscope.machine.cpu.Eflags.AF;
import static org.xenoscope.machine.cpu.Eflags.ARITH;
import static org.xenoscope.machine.cpu.Eflags.CF;
import static org.xenoscope.machine.cpu.Eflags.OF;
import static org.xenoscope.machine.cpu.Eflags.PF;
import static org.xenoscope.machine.cpu.Eflags.SF;
import static org.xenoscope.machine.cpu.Eflags.ZF;

/**
 * The arithmetic flags, computed lazily. An ALU instruction records what it did (the operation, the operand
 * size, both inputs and the result) instead of computing six flags; a flag is worked out only when something
 * reads it (Jcc, SETcc, PUSHF, ...). Most results are never read, so this saves most of the flag work.
 *
 * <p>Invariant: when {@link #op} is {@link #NONE}, the six flags live in {@link #bits}; otherwise they are a
 * function of ({@link #op}, {@link #size}, {@link #a}, {@link #b}, {@link #res}), except that kinds which keep
 * CF (INC, DEC) or compute odd flags eagerly (shifts, multiplies) take the bits they do not define from
 * {@link #bits}.
 *
 * <p>Undefined flags (see x86-flags.md) get a fixed, documented value: logic ops clear AF; MUL/IMUL compute
 * SF/ZF/PF from the low half of the result and clear AF; DIV/IDIV leave all six unchanged; shifts with a nonzero
 * count clear AF, and for counts above one compute OF by the count-one rule applied to the last one-bit step (see
 * {@link ShiftOps}); BT* leave OF SF AF PF unchanged; BSF/BSR leave CF OF SF AF PF unchanged.
 */
public final class Flags {
    /** Flags are in {@link #bits}. */
    public static final int NONE = 0;
    public static final int ADD = 1;    // also ADC: carry-in is folded into res
    public static final int SUB = 2;    // also SBB, CMP, NEG (a = 0)
    public static final int LOGIC = 3;  // AND OR XOR TEST: CF = OF = AF = 0
    public static final int INC = 4;    // CF kept in bits
    public static final int DEC = 5;    // CF kept in bits
    /** CF, OF and AF already in {@link #bits}; SF ZF PF from res (shifts, rotates, multiplies). */
    public static final int RESULT = 6;

    public int op;
    public int size; // 1, 2 or 4
    public int a;
    public int b;
    public int res;
    /** Stored flags: all six when op is NONE, else the ones the op does not derive. */
    public int bits;

    private static final byte[] PARITY = new byte[256];

    static {
        for (int i = 0; i < 256; i++) {
            PARITY[i] = (byte) ((Integer.bitCount(i) & 1) == 0 ? PF : 0);
        }
    }

    public void set(int op, int size, int a, int b, int res) {
        this.op = op;
        this.size = size;
        this.a = a;
        this.b = b;
        this.res = res;
    }

    /** INC/DEC: saves the current CF first, since they leave it alone. */
    public void setIncDec(int op, int size, int a, int res) {
        bits = (bits & ~CF) | cf();
        set(op, size, a, 1, res);
    }

    /** Shifts and friends: CF/OF/AF given, SF/ZF/PF from the result. */
    public void setResult(int size, int res, int cf, int of, int af) {
        bits = (bits & ~(CF | OF | AF)) | (cf != 0 ? CF : 0) | (of != 0 ? OF : 0) | (af != 0 ? AF : 0);
        set(RESULT, size, 0, 0, res);
    }

    /** Replaces the six flags with {@code f} (POPF, SAHF, IRET...). */
    public void load(int f) {
        bits = f & ARITH;
        op = NONE;
    }

    /** The six flags as EFLAGS bits. */
    public int get() {
        if (op == NONE) {
            return bits;
        }
        return cf() | pf() | af() | zf() | sf() | of();
    }

    private int signShift() {
        return size * 8 - 1;
    }

    private int mask() {
        return size == 4 ? -1 : (1 << (size * 8)) - 1;
    }

    public int cf() {
        switch (op) {
            case ADD: return ((a & b) | ((a | b) & ~res)) >>> signShift() & 1;
            case SUB: return ((~a & b) | ((~a | b) & res)) >>> signShift() & 1;
            case LOGIC: return 0;
            default: return bits & CF;
        }
    }

    public int zf() {
        return op == NONE ? bits & ZF : (res & mask()) == 0 ? ZF : 0;
    }

    public int sf() {
        return op == NONE ? bits & SF : (res >>> signShift() & 1) != 0 ? SF : 0;
    }

    public int pf() {
        return op == NONE ? bits & PF : PARITY[res & 0xFF];
    }

    public int af() {
        switch (op) {
            case ADD: case SUB: case INC: case DEC: return (a ^ b ^ res) & AF;
            case LOGIC: return 0;
            default: return bits & AF;
        }
    }

    /** OF as its EFLAGS bit (0x800) or 0, like the other accessors. */
    public int of() {
        switch (op) {
            case ADD: case INC: return (((a ^ res) & (b ^ res)) >>> signShift() & 1) << 11;
            case SUB: case DEC: return (((a ^ b) & (a ^ res)) >>> signShift() & 1) << 11;
            case LOGIC: return 0;
            default: return bits & OF;
        }
    }

    /** Whether OF is set (as a boolean, for the condition codes). */
    public boolean ofSet() {
        return of() != 0;
    }

    /**
     * Condition code {@code cc} (the low nibble of Jcc/SETcc/CMOVcc, SDM Vol. 1 Appendix B):
     * 0 O, 1 NO, 2 B, 3 AE, 4 E, 5 NE, 6 BE, 7 A, 8 S, 9 NS, A P, B NP, C L, D GE, E LE, F G.
     */
    public boolean cond(int cc) {
        if (size == 4) {
            if (op == SUB && res == a - b) {
                return condSub32(cc); // not after an SBB that borrowed: there res = a - b - 1
            }
            if (op == LOGIC) {
                return condLogic32(cc);
            }
        }
        return condGeneric(cc);
    }

    /** Conditions after a 32-bit SUB/CMP, straight from the operands (the usual compare-and-branch). */
    private boolean condSub32(int cc) {
        boolean r;
        switch (cc >> 1) {
            case 1: r = Integer.compareUnsigned(a, b) < 0; break;
            case 2: r = a == b; break;
            case 3: r = Integer.compareUnsigned(a, b) <= 0; break;
            case 4: r = res < 0; break;
            case 6: r = a < b; break;
            case 7: r = a <= b; break;
            default: return condGeneric(cc);
        }
        return (cc & 1) == 0 ? r : !r;
    }

    /** Conditions after a 32-bit AND/OR/XOR/TEST: CF = OF = 0. */
    private boolean condLogic32(int cc) {
        boolean r;
        switch (cc >> 1) {
            case 0: case 1: r = false; break;
            case 2: case 3: r = res == 0; break;
            case 4: case 6: r = res < 0; break;
            case 7: r = res <= 0; break;
            default: return condGeneric(cc);
        }
        return (cc & 1) == 0 ? r : !r;
    }

    private boolean condGeneric(int cc) {
        boolean r;
        switch (cc >> 1) {
            case 0: r = of() != 0; break;
            case 1: r = cf() != 0; break;
            case 2: r = zf() != 0; break;
            case 3: r = cf() != 0 || zf() != 0; break;
            case 4: r = sf() != 0; break;
            case 5: r = pf() != 0; break;
            case 6: r = (sf() != 0) != (of() != 0); break;
            default: r = zf() != 0 || (sf() != 0) != (of() != 0); break;
        }
        return (cc & 1) == 0 ? r : !r;
    }
}
