package org.xenoscope.machine.cpu.diff;

import static org.xenoscope.machine.cpu.diff.FlagBits.CF;

/** ADD OR ADC SBB AND SUB XOR CMP TEST INC DEC NEG NOT in all operand forms and sizes. */
final class AluKinds {
    private AluKinds() {
    }

    /** Group-1 mnemonics in encoding order (/0 .. /7). */
    private static final String[] GROUP1 = {"add", "or", "adc", "sbb", "and", "sub", "xor", "cmp"};

    /** One of the eight two-operand ALU instructions, in a random form: r,r r,m m,r r,imm m,imm r/m,imm8 acc,imm. */
    static boolean binary(Ctx c) {
        int op = c.pick(8);
        if ((op == 2 || op == 3) && !c.m.canRead(CF)) {
            return false;
        }
        int size = c.size();
        String name = GROUP1[op];
        Opnd dst = twoOperand(c, name, size, op != 7);
        if (op != 7) {
            c.wrote(dst);
        }
        c.m.apply(op == 1 || op == 4 || op == 6 ? FlagBits.Effect.LOGIC : FlagBits.Effect.ARITHMETIC);
        c.kind = name;
        return true;
    }

    /** TEST r/m, r and TEST r/m, imm (including the accumulator form). */
    static boolean test(Ctx c) {
        int size = c.size();
        switch (c.pick(4)) {
            case 0:
                c.emit("test " + c.rm(size) + ", " + c.reg(size));
                break;
            case 1:
                c.emit("test " + c.rm(size) + ", " + immText(c, size, true));
                break;
            case 2:
                c.emit("test " + Opnd.register(size, 0) + ", " + immText(c, size, true));
                break;
            default:
                Opnd r = c.reg(size);
                c.emit("test " + r + ", " + r);
                break;
        }
        c.m.apply(FlagBits.Effect.LOGIC);
        c.kind = "test";
        return true;
    }

    /** INC and DEC of a register (short form for 16/32 bits) or memory: CF is unaffected. */
    static boolean incDec(Ctx c) {
        String name = c.chance(0.5) ? "inc" : "dec";
        Opnd dst = c.rm(c.size());
        c.emit(c.lock(dst) + name + " " + dst);
        c.wrote(dst);
        c.m.apply(FlagBits.Effect.INC_DEC);
        c.kind = name;
        return true;
    }

    /** NEG (flags as SUB from 0) and NOT (no flags). */
    static boolean negNot(Ctx c) {
        boolean neg = c.chance(0.6);
        Opnd dst = c.rm(c.size());
        c.emit(c.lock(dst) + (neg ? "neg " : "not ") + dst);
        c.wrote(dst);
        if (neg) {
            c.m.apply(FlagBits.Effect.ARITHMETIC);
        }
        c.kind = neg ? "neg" : "not";
        return true;
    }

    /** Emits "name dst, src" in a random operand form (LOCKed now and then if {@code lockable}); returns dst. */
    private static Opnd twoOperand(Ctx c, String name, int size, boolean lockable) {
        Opnd dst;
        String src;
        switch (c.pick(7)) {
            case 0:
                dst = c.reg(size);
                src = c.reg(size).text();
                break;
            case 1:
                dst = c.reg(size);
                src = c.mem(size).text();
                break;
            case 2:
                dst = c.mem(size);
                src = c.reg(size).text();
                break;
            case 3:
                dst = c.reg(size);
                src = immText(c, size, c.chance(0.5));
                break;
            case 4:
                dst = c.mem(size);
                src = immText(c, size, c.chance(0.5));
                break;
            case 5:
                dst = c.rm(size);
                src = size == 1 ? immText(c, 1, false) : "byte " + (c.pick(256) - 128);
                break;
            default:
                dst = Opnd.register(size, 0);
                src = immText(c, size, true);
                break;
        }
        if (c.chance(0.05) && size == 1 && !dst.isMem() && src.startsWith("0x")) {
            aliasEncoding(c, name, dst, src);
            return dst;
        }
        c.emit((lockable ? c.lock(dst) : "") + name + " " + dst + ", " + src);
        return dst;
    }

    /** The 0x82 alias of the 8-bit group-1 immediate form (valid outside 64-bit mode), as raw bytes. */
    private static void aliasEncoding(Ctx c, String name, Opnd dst, String imm) {
        int op = java.util.Arrays.asList(GROUP1).indexOf(name);
        int modrm = 0xC0 | op << 3 | dst.code();
        c.emit(String.format("db 0x82, 0x%02x, %s ; %s %s, %s", modrm, imm, name, dst, imm));
    }

    /** An immediate of the operand size; {@code strict} forces the full-size encoding (no imm8 shortening). */
    static String immText(Ctx c, int size, boolean strict) {
        String v = Ctx.hex(c.imm(size), size);
        return strict && size > 1 ? "strict " + Opnd.keyword(size) + " " + v : v;
    }
}
