package org.xenoscope.machine.cpu.diff;

import java.math.BigInteger;

/**
 * MUL, IMUL (one, two and three operands), DIV and IDIV. A division gets its dividend and divisor from setup
 * MOVs chosen so that it never raises #DE: divisor nonzero, quotient in range (including the most negative
 * quotient of IDIV, which is valid).
 */
final class MulDivKinds {
    private MulDivKinds() {
    }

    /** MUL / IMUL r/m: AX, DX:AX or EDX:EAX = accumulator * r/m. */
    static boolean multiplyOne(Ctx c) {
        boolean signed = c.chance(0.5);
        int size = c.size();
        c.emit((signed ? "imul " : "mul ") + c.rm(size));
        clobberProduct(c, size);
        c.m.apply(FlagBits.Effect.MULTIPLY);
        c.kind = signed ? "imul1" : "mul";
        return true;
    }

    /** IMUL r, r/m and IMUL r, r/m, imm (imm8 sign-extended or full size). */
    static boolean multiplyMany(Ctx c) {
        int size = c.size1632();
        Opnd dst = c.reg(size);
        Opnd src = c.rm(size);
        if (c.chance(0.5)) {
            c.emit("imul " + dst + ", " + src);
            c.kind = "imul2";
        } else {
            String imm = c.chance(0.5) ? "byte " + (c.pick(256) - 128) : AluKinds.immText(c, size, true);
            c.emit("imul " + dst + ", " + src + ", " + imm);
            c.kind = "imul3";
        }
        c.wrote(dst);
        c.m.apply(FlagBits.Effect.MULTIPLY);
        return true;
    }

    /** DIV / IDIV r/m with a dividend and divisor set up so that the quotient fits. */
    static boolean divide(Ctx c) {
        boolean signed = c.chance(0.5);
        int size = c.size();
        int bits = 8 * size;
        BigInteger[] qd = dividendAndDivisor(c, bits, signed);
        BigInteger dividend = qd[0];
        int divisor = qd[1].intValue();
        if (size == 1) {
            c.setReg(Opnd.register(2, 0), dividend.intValue());
        } else {
            c.setReg(Opnd.register(size, 0), dividend.intValue());
            c.setReg(Opnd.register(size, 2), dividend.shiftRight(bits).intValue());
        }
        Opnd src;
        if (c.chance(0.5)) {
            src = divisorRegister(c, size);
            c.setReg(src, divisor);
        } else {
            src = c.mem(size);
            c.emit("mov " + src + ", " + Ctx.hex(divisor, size));
        }
        c.emit((signed ? "idiv " : "div ") + src);
        clobberProduct(c, size);
        c.m.apply(FlagBits.Effect.DIVIDE);
        c.kind = signed ? "idiv" : "div";
        return true;
    }

    /** A register for the divisor that is not part of the dividend (AL/AH, AX/DX, EAX/EDX). */
    private static Opnd divisorRegister(Ctx c, int size) {
        if (size == 1) {
            int[] codes = {1, 2, 3, 5, 6, 7};
            return Opnd.register(1, codes[c.pick(codes.length)]);
        }
        int[] regs = {1, 3, 5, 6, 7};
        return Opnd.register(size, regs[c.pick(regs.length)]);
    }

    /** AX (8-bit), DX:AX or EDX:EAX were written. */
    private static void clobberProduct(Ctx c, int size) {
        c.wroteReg(0, size == 1 ? 0xFFFF : size == 2 ? 0xFFFF : -1);
        if (size > 1) {
            c.wroteReg(2, size == 2 ? 0xFFFF : -1);
        }
    }

    /**
     * Picks quotient q, divisor d != 0 and remainder r (|r| < |d|, r has the dividend's sign) and returns
     * {dividend = q*d + r as a 2*bits-bit two's complement value, d}. Any such dividend divides without #DE.
     */
    static BigInteger[] dividendAndDivisor(Ctx c, int bits, boolean signed) {
        BigInteger d;
        do {
            d = operand(c, bits, signed);
        } while (d.signum() == 0);
        BigInteger q = operand(c, bits, signed);
        BigInteger absD = d.abs();
        BigInteger r = new BigInteger(bits + 8, c.rnd).mod(absD);
        BigInteger product = q.multiply(d);
        boolean negative = product.signum() < 0 || (product.signum() == 0 && signed && c.chance(0.5));
        if (negative) {
            r = r.negate();
        }
        BigInteger dividend = product.add(r);
        BigInteger mask = BigInteger.ONE.shiftLeft(2 * bits).subtract(BigInteger.ONE);
        return new BigInteger[] {dividend.and(mask), d};
    }

    /** A bits-wide operand value, signed or unsigned, biased towards the extremes. */
    private static BigInteger operand(Ctx c, int bits, boolean signed) {
        BigInteger half = BigInteger.ONE.shiftLeft(bits - 1);
        BigInteger v;
        switch (c.pick(6)) {
            case 0:
                v = signed ? half.negate() : half.shiftLeft(1).subtract(BigInteger.ONE);
                break;
            case 1:
                v = signed ? half.subtract(BigInteger.ONE) : BigInteger.ONE;
                break;
            case 2:
                v = BigInteger.valueOf(c.pick(7) - (signed ? 3 : 0));
                break;
            default:
                v = new BigInteger(bits, c.rnd);
                if (signed && v.testBit(bits - 1)) {
                    v = v.subtract(half.shiftLeft(1));
                }
                break;
        }
        return v;
    }
}
