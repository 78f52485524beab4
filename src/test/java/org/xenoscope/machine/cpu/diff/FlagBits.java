package org.xenoscope.machine.cpu.diff;

/**
 * The arithmetic status flags and the effect an instruction has on them, as in the flag sections of the
 * SDM Vol. 2 (summarised in reference/x86-flags.md).
 *
 * <pre>
 *   bit  11 10  7  6  4  2  0
 *        OF DF SF ZF AF PF CF
 * </pre>
 */
final class FlagBits {
    private FlagBits() {
    }

    static final int CF = 1;
    static final int PF = 1 << 2;
    static final int AF = 1 << 4;
    static final int ZF = 1 << 6;
    static final int SF = 1 << 7;
    static final int DF = 1 << 10;
    static final int OF = 1 << 11;
    static final int IF = 1 << 9;

    /** The six arithmetic flags. */
    static final int ARITH = CF | PF | AF | ZF | SF | OF;
    /** SF ZF PF: set from the result by most instructions. */
    static final int SZP = SF | ZF | PF;

    /** What an instruction does to the six flags: the rest are unaffected. */
    record Effect(int defined, int undefined) {
        static final Effect NONE = new Effect(0, 0);
        /** ADD ADC SUB SBB CMP NEG XADD CMPXCHG CMPS SCAS. */
        static final Effect ARITHMETIC = new Effect(ARITH, 0);
        /** AND OR XOR TEST: CF = OF = 0, AF undefined. */
        static final Effect LOGIC = new Effect(CF | OF | SZP, AF);
        /** INC DEC: CF unaffected. */
        static final Effect INC_DEC = new Effect(OF | SZP | AF, 0);
        /** MUL IMUL. */
        static final Effect MULTIPLY = new Effect(CF | OF, SZP | AF);
        /** DIV IDIV. */
        static final Effect DIVIDE = new Effect(0, ARITH);
        /** BT BTS BTR BTC: ZF unaffected. */
        static final Effect BIT_TEST = new Effect(CF, OF | SF | AF | PF);
        /** BSF BSR with a nonzero source (the destination is undefined for source 0, flags alike). */
        static final Effect BIT_SCAN = new Effect(ZF, CF | OF | SF | AF | PF);
        /** SAHF. */
        static final Effect SAHF = new Effect(SZP | AF | CF, 0);
        /** CLC STC CMC. */
        static final Effect CARRY = new Effect(CF, 0);
        /** POPF (and the case preamble): every flag gets a known value. */
        static final Effect ALL = new Effect(ARITH, 0);
        /** CMPXCHG8B. */
        static final Effect ZERO = new Effect(ZF, 0);
    }

    /**
     * Flags of SHL/SAL/SHR/SAR by the masked count {@code c} on a {@code width}-bit operand.
     * c = 0: nothing changes. Otherwise SF ZF PF defined, AF undefined, OF defined only for c = 1, CF defined
     * except for SHL/SHR by c >= width (8- and 16-bit operands).
     */
    static Effect shift(boolean arithmeticRight, int c, int width) {
        if (c == 0) {
            return Effect.NONE;
        }
        int def = SZP;
        int undef = AF;
        if (!arithmeticRight && c >= width) {
            undef |= CF;
        } else {
            def |= CF;
        }
        if (c == 1) {
            def |= OF;
        } else {
            undef |= OF;
        }
        return new Effect(def, undef);
    }

    /** Flags of ROL/ROR/RCL/RCR by the masked count {@code c}: CF always, OF only for c = 1. */
    static Effect rotate(int c) {
        if (c == 0) {
            return Effect.NONE;
        }
        return c == 1 ? new Effect(CF | OF, 0) : new Effect(CF, OF);
    }

    /** Flags of SHLD/SHRD by the masked count {@code c} (16-bit operands: c <= 16 only). */
    static Effect doubleShift(int c) {
        if (c == 0) {
            return Effect.NONE;
        }
        return c == 1 ? new Effect(CF | SZP | OF, AF) : new Effect(CF | SZP, AF | OF);
    }

    /** The flags condition code {@code cc} (0..15, the low nibble of Jcc) reads. */
    static int readBy(int cc) {
        switch (cc >> 1) {
            case 0: return OF;            // O NO
            case 1: return CF;            // B AE
            case 2: return ZF;            // E NE
            case 3: return CF | ZF;       // BE A
            case 4: return SF;            // S NS
            case 5: return PF;            // P NP
            case 6: return SF | OF;       // L GE
            default: return ZF | SF | OF; // LE G
        }
    }

    /** NASM suffixes of the 16 condition codes, in encoding order. */
    static final String[] CC = {"o", "no", "b", "ae", "e", "ne", "be", "a", "s", "ns", "p", "np", "l", "ge", "le",
        "g"};

    /** "CF ZF" style text of the set arithmetic flags and DF. */
    static String names(int f) {
        StringBuilder sb = new StringBuilder();
        String[] n = {"CF", "", "PF", "", "AF", "", "ZF", "SF", "", "", "DF", "OF"};
        for (int b = 0; b < n.length; b++) {
            if (!n[b].isEmpty() && (f & (1 << b)) != 0) {
                sb.append(sb.length() == 0 ? "" : " ").append(n[b]);
            }
        }
        return sb.length() == 0 ? "-" : sb.toString();
    }
}
