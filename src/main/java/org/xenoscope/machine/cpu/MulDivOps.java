package org.xenoscope.machine.cpu;

import org.xenoscope.machine.intr.CpuFault;
import org.xenoscope.machine.intr.Vector;

/**
 * MUL, IMUL (one-, two- and three-operand forms), DIV and IDIV (SDM Vol. 2 "MUL", "IMUL", "DIV", "IDIV").
 *
 * <pre>
 *   size   MUL/IMUL r/m (one operand)     DIV/IDIV r/m: dividend / divisor -> quotient, remainder
 *   8      AX      = AL  * r/m8           AX      / r/m8  -> AL,  AH
 *   16     DX:AX   = AX  * r/m16          DX:AX   / r/m16 -> AX,  DX
 *   32     EDX:EAX = EAX * r/m32          EDX:EAX / r/m32 -> EAX, EDX
 * </pre>
 *
 * Flags: MUL and IMUL define only CF = OF: set when the upper half of the product is significant (MUL: it is not
 * zero; IMUL: the product does not fit, sign-extended, in the destination). The flags the SDM leaves undefined
 * get a fixed value: SF, ZF and PF are computed from the low half of the product (AL, AX, EAX, or the truncated
 * destination of the two- and three-operand forms) and AF is cleared. DIV and IDIV leave all six arithmetic
 * flags unchanged (the SDM leaves them undefined).
 *
 * <p>Division raises #DE (vector 0, no error code) for a zero divisor and for a quotient that does not fit the
 * destination: unsigned above 2^n - 1, signed outside -2^(n-1) .. 2^(n-1) - 1. So 0x80000000 / -1 faults in
 * 32 bits, while a quotient of exactly -2^(n-1) from a valid dividend (-256 / 2 in 8 bits) is stored. A fault
 * changes nothing. The quotient truncates toward zero and the remainder has the dividend's sign, as in Java.
 */
final class MulDivOps {
    private MulDivOps() {
    }

    /** MUL r/m: unsigned accumulator times operand into the double-width register pair. */
    static void mul(Cpu c, Insn i) {
        int size = i.osize;
        long src = c.readA(i) & 0xFFFFFFFFL;
        long acc = c.getReg(size, Cpu.EAX) & 0xFFFFFFFFL;
        long product = acc * src; // fits in 64 bits unsigned; only the low 2n bits matter
        int high = storeDouble(c, size, product);
        int low = (int) product;
        c.flags.setResult(size, low, high, high, 0);
    }

    /** IMUL r/m: signed accumulator times operand into the double-width register pair. */
    static void imul1(Cpu c, Insn i) {
        int size = i.osize;
        long src = signExtend(size, c.readA(i));
        long acc = signExtend(size, c.getReg(size, Cpu.EAX));
        long product = acc * src;
        storeDouble(c, size, product);
        int overflow = product != signExtend(size, (int) product) ? 1 : 0;
        c.flags.setResult(size, (int) product, overflow, overflow, 0);
    }

    /**
     * IMUL r, r/m (0F AF) and IMUL r, r/m, imm (6B with a sign-extended imm8, 69 with an immediate of the operand
     * size): the product is truncated to the destination register's size; CF = OF = the truncation lost
     * significant bits.
     */
    static void imul2(Cpu c, Insn i) {
        int size = i.osize;
        long x;
        long y;
        if (i.form.operands().size() == 3) {
            x = signExtend(size, c.readB(i));
            y = signExtend(size, i.imm);
        } else {
            x = signExtend(size, c.getReg(size, i.a));
            y = signExtend(size, c.readB(i));
        }
        long product = x * y;
        c.setReg(size, i.a, (int) product);
        int overflow = product != signExtend(size, (int) product) ? 1 : 0;
        c.flags.setResult(size, (int) product, overflow, overflow, 0);
    }

    /** DIV r/m: unsigned division of the double-width dividend; #DE on zero divisor or quotient overflow. */
    static void div(Cpu c, Insn i) {
        int size = i.osize;
        long divisor = c.readA(i) & 0xFFFFFFFFL; // readA zero-extends 8- and 16-bit operands
        if (divisor == 0) {
            throw divideError();
        }
        long dividend = loadDouble(c, size);
        long quotient = Long.divideUnsigned(dividend, divisor);
        long remainder = Long.remainderUnsigned(dividend, divisor);
        if (Long.compareUnsigned(quotient, AluOps.sizeMask(size) & 0xFFFFFFFFL) > 0) {
            throw divideError();
        }
        storeQuotient(c, size, (int) quotient, (int) remainder);
    }

    /** IDIV r/m: signed division of the double-width dividend; #DE on zero divisor or quotient overflow. */
    static void idiv(Cpu c, Insn i) {
        int size = i.osize;
        long divisor = signExtend(size, c.readA(i));
        if (divisor == 0) {
            throw divideError();
        }
        long dividend = loadDouble(c, size);
        if (size < 4) {
            dividend = signExtend(size * 2, (int) dividend);
        }
        if (dividend == Long.MIN_VALUE && divisor == -1) {
            throw divideError(); // only reachable for 32 bits, where the quotient 2^63 overflows anyway
        }
        long quotient = dividend / divisor;
        long remainder = dividend % divisor;
        if (quotient != signExtend(size, (int) quotient)) {
            throw divideError();
        }
        storeQuotient(c, size, (int) quotient, (int) remainder);
    }

    private static CpuFault divideError() {
        return new CpuFault(Vector.DE, 0);
    }

    /** {@code v}'s low {@code size} bytes, sign-extended. */
    static long signExtend(int size, int v) {
        switch (size) {
            case 1: return (byte) v;
            case 2: return (short) v;
            default: return v;
        }
    }

    /**
     * Writes a 2n-bit product to AX, DX:AX or EDX:EAX; returns 1 when its upper half (AH, DX, EDX) is nonzero.
     */
    private static int storeDouble(Cpu c, int size, long product) {
        int high;
        if (size == 1) {
            c.setReg(2, Cpu.EAX, (int) product);
            high = (int) (product >>> 8) & 0xFF;
        } else {
            int bits = size * 8;
            high = (int) (product >>> bits) & AluOps.sizeMask(size);
            c.setReg(size, Cpu.EAX, (int) product);
            c.setReg(size, Cpu.EDX, high);
        }
        return high != 0 ? 1 : 0;
    }

    /** The dividend AX, DX:AX or EDX:EAX, zero-extended to 64 bits. */
    private static long loadDouble(Cpu c, int size) {
        switch (size) {
            case 1: return c.getReg(2, Cpu.EAX);
            case 2: return ((long) c.getReg(2, Cpu.EDX) << 16) | c.getReg(2, Cpu.EAX);
            default: return ((long) c.r[Cpu.EDX] << 32) | (c.r[Cpu.EAX] & 0xFFFFFFFFL);
        }
    }

    /** Stores quotient and remainder: AL/AH, AX/DX or EAX/EDX. */
    private static void storeQuotient(Cpu c, int size, int quotient, int remainder) {
        if (size == 1) {
            c.setReg(2, Cpu.EAX, (quotient & 0xFF) | (remainder & 0xFF) << 8);
        } else {
            c.setReg(size, Cpu.EAX, quotient);
            c.setReg(size, Cpu.EDX, remainder);
        }
    }
}
