package org.xenoscope.asm.nasm;

import java.io.ByteArrayOutputStream;

/**
 * Encodes the register-or-memory operand of an instruction as ModRM, SIB and displacement, making NASM's
 * choices (NASM 2.16, {@code -Ox}):
 *
 * <pre>
 *   ModRM:  7-6 mod | 5-3 reg | 2-0 rm          SIB:  7-6 scale | 5-3 index | 2-0 base
 *   mod 00: no displacement (rm 101: disp32 alone; SIB base 101: disp32, no base)
 *   mod 01: disp8 (sign-extended)    mod 10: disp32    mod 11: rm is a register
 * </pre>
 *
 * 32-bit addressing:
 * <ul>
 *   <li>the displacement is taken modulo 2^32 ({@code [eax+0xffffffff]} is {@code [eax-1]}, a disp8);</li>
 *   <li>no displacement when it is 0, except with base EBP ({@code [ebp]} is {@code [ebp+0]}, a disp8 of 0);
 *       disp8 when it fits a signed byte; otherwise disp32. {@code [byte ...]} forces a disp8, {@code [dword
 *       ...]} a disp32, and an unknown displacement gets a disp32 (the multi-pass driver shrinks it later);</li>
 *   <li>ESP cannot be an index: with scale 1 it swaps with the base ({@code [eax+esp]} is {@code [esp+eax]});
 *       base and index are otherwise kept as given ({@code [ebp+eax]} needs a disp8, {@code [eax+ebp]} does
 *       not);</li>
 *   <li>a SIB byte is used only with an index or with base ESP; an index without a base is SIB base 101 with
 *       a disp32.</li>
 * </ul>
 * The address is encoded as the front end gives it. NASM's rewriting of the address expression is the front
 * end's job, because only it sees the expression and {@code nosplit}: a register named twice adds up its
 * multipliers ({@code [ebp+ebp*3]} is {@code [ebp*4]}, no base), a lone {@code reg*2}, {@code *3}, {@code *5}
 * or {@code *9} is split into base + index ({@code [eax*2]} is {@code [eax+eax]}) and a lone {@code reg*1} is a
 * base, unless {@code nosplit} was written.
 * 16-bit addressing ({@code [bx+si]} and friends, emitted with 0x67) uses the eight fixed rm combinations; the
 * displacement is taken modulo 2^16; {@code [bp]} needs a disp8 of 0 like {@code [ebp]}.
 */
final class ModrmEncoder {
    private static final int RM_SIB = 4;
    private static final int RM_DISP32 = 5;
    private static final int RM16_DISP16 = 6;

    private ModrmEncoder() {
    }

    /** ModRM for a register operand: mod 11, the given reg field and register number in rm. */
    static void register(ByteArrayOutputStream out, int reg, int rm) {
        out.write(0xC0 | reg << 3 | rm);
    }

    /**
     * True when {@code m} uses 16-bit addressing: its registers are 16-bit, or it has none and {@code a16} (or a
     * {@code word} displacement keyword) was written. Throws when registers of both sizes are mixed or the
     * address size contradicts an explicit {@code a16}/{@code a32}.
     */
    static boolean addr16(AsmOperand.Mem m, Prefixes p) {
        int size = 0;
        for (Register r : new Register[] {m.base(), m.index()}) {
            if (r == null) {
                continue;
            }
            if (r.kind != Register.Kind.GPR || r.size == 1) {
                throw new EncodeException("invalid effective address");
            }
            if (size != 0 && size != r.size) {
                throw new EncodeException("impossible combination of address sizes");
            }
            size = r.size;
        }
        if (size == 0) {
            if ((p.a16() && m.dispSize() == 4) || (p.a32() && m.dispSize() == 2)) {
                throw new EncodeException("impossible combination of address sizes");
            }
            return p.a16() || m.dispSize() == 2;
        }
        if ((size == 2 && p.a32()) || (size == 4 && p.a16())) {
            throw new EncodeException("impossible combination of address sizes");
        }
        if ((size == 2 && m.dispSize() == 4) || (size == 4 && m.dispSize() == 2)) {
            throw new EncodeException("invalid 32-bit effective address");
        }
        return size == 2;
    }

    /** Writes ModRM (with {@code reg} in its reg field), SIB and displacement for memory operand {@code m}. */
    static void memory(ByteArrayOutputStream out, AsmOperand.Mem m, int reg, boolean addr16) {
        if (addr16) {
            memory16(out, m, reg);
        } else {
            memory32(out, m, reg);
        }
    }

    /** Writes the absolute offset of a moffs operand (MOV AL/eAX, [offset]): 4 bytes, or 2 with a16. */
    static void moffs(ByteArrayOutputStream out, AsmOperand.Mem m, boolean addr16) {
        Encoder.le(out, m.disp(), addr16 ? 2 : 4);
    }

    private static void memory32(ByteArrayOutputStream out, AsmOperand.Mem m, int reg) {
        Register base = m.base();
        Register index = m.index();
        int scale = index == null ? 1 : m.scale();
        if (index == Register.ESP) {
            if (scale != 1 || base == Register.ESP) {
                throw new EncodeException("invalid 32-bit effective address");
            }
            index = base;
            base = Register.ESP;
        }
        if (scale != 1 && scale != 2 && scale != 4 && scale != 8) {
            throw new EncodeException("invalid 32-bit effective address");
        }
        int disp = (int) m.disp();
        int ss = Integer.numberOfTrailingZeros(scale);
        if (base == null) {
            if (index == null) {
                out.write(reg << 3 | RM_DISP32);
            } else {
                out.write(reg << 3 | RM_SIB);
                out.write(ss << 6 | index.num << 3 | RM_DISP32);
            }
            Encoder.le(out, disp, 4);
            return;
        }
        int mod = dispMode(m, disp, (byte) disp == disp);
        if (mod == 0 && base == Register.EBP) {
            mod = 1;
        }
        boolean sib = index != null || base == Register.ESP;
        out.write(mod << 6 | reg << 3 | (sib ? RM_SIB : base.num));
        if (sib) {
            out.write(ss << 6 | (index == null ? RM_SIB : index.num) << 3 | base.num);
        }
        writeDisp(out, mod, disp, 4);
    }

    /**
     * The mod field for a based address: 0 (no displacement), 1 (disp8) or 2 (disp16/32); {@code fits8} says
     * whether the displacement fits a signed byte.
     */
    private static int dispMode(AsmOperand.Mem m, int disp, boolean fits8) {
        if (m.dispSize() == 1) {
            return 1;
        }
        if (m.dispSize() >= 2 || !m.dispKnown()) {
            return 2;
        }
        return disp == 0 ? 0 : fits8 ? 1 : 2;
    }

    private static void writeDisp(ByteArrayOutputStream out, int mod, int disp, int wide) {
        if (mod == 1) {
            out.write(disp & 0xFF);
        } else if (mod == 2) {
            Encoder.le(out, disp, wide);
        }
    }

    /**
     * 16-bit addressing: rm selects one of eight register combinations.
     * <pre>
     *   rm  0 [bx+si]  1 [bx+di]  2 [bp+si]  3 [bp+di]  4 [si]  5 [di]  6 [bp] (mod 00: disp16)  7 [bx]
     * </pre>
     */
    private static void memory16(ByteArrayOutputStream out, AsmOperand.Mem m, int reg) {
        if (m.index() != null && m.scale() != 1) {
            throw new EncodeException("invalid 16-bit effective address");
        }
        int rm = rm16(m.base(), m.index());
        int disp = (short) m.disp();
        if (rm < 0) {
            out.write(reg << 3 | RM16_DISP16);
            Encoder.le(out, disp, 2);
            return;
        }
        int mod = dispMode(m, disp, (byte) disp == disp);
        if (mod == 0 && rm == RM16_DISP16) {
            mod = 1;
        }
        out.write(mod << 6 | reg << 3 | rm);
        writeDisp(out, mod, disp, 2);
    }

    /** The 16-bit rm for base and index in either order; -1 for no register; throws for other combinations. */
    private static int rm16(Register a, Register b) {
        int bits = bit(a) | bit(b);
        if (a != null && a == b) {
            bits = -1;
        }
        switch (bits) {
            case 0: return -1;
            case 0b1001: return 0;  // bx si
            case 0b1010: return 1;  // bx di
            case 0b0101: return 2;  // bp si
            case 0b0110: return 3;  // bp di
            case 0b0001: return 4;  // si
            case 0b0010: return 5;  // di
            case 0b0100: return 6;  // bp
            case 0b1000: return 7;  // bx
            default: throw new EncodeException("invalid 16-bit effective address");
        }
    }

    /** bx = 8, bp = 4, di = 2, si = 1; any other register makes the combination invalid. */
    private static int bit(Register r) {
        if (r == null) {
            return 0;
        }
        switch (r) {
            case BX: return 8;
            case BP: return 4;
            case DI: return 2;
            case SI: return 1;
            default: return 0x100;
        }
    }
}
