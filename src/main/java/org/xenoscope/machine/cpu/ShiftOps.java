package org.xenoscope.machine.cpu;

import org.xenoscope.machine.isa.Sem;

/**
 * Shifts and rotates: SHL/SAL SHR SAR, ROL ROR RCL RCR, and the double-precision SHLD SHRD
 * (SDM Vol. 2 "SAL/SAR/SHL/SHR", "RCL/RCR/ROL/ROR", "SHLD", "SHRD").
 *
 * <pre>
 *   SHL  CF <- [ w-1 ........ 0 ] <- 0        ROL  +-- [ w-1 ........ 0 ] <-+   CF = bit that came round
 *   SHR   0 -> [ w-1 ........ 0 ] -> CF       RCL  +- CF <- [ w-1 ... 0 ] <-+   (w+1)-bit rotate
 *   SAR  +-> [ w-1 ........ 0 ] -> CF         SHLD CF <- [ dest ] <- [ src ]   src is not changed
 *        +-sign
 * </pre>
 *
 * The count (imm8 or CL) is masked to 5 bits, never to the operand width, so an 8-bit SHL by 10 clears the
 * operand. RCL/RCR rotate by the masked count modulo 9 (8-bit) or 17 (16-bit). A masked count of 0 changes
 * nothing, not even the flags (the operand is still read, so a memory operand can fault). Memory forms read,
 * compute, write, and only then set the flags.
 *
 * <p>Flags (x86-flags.md). Shifts set SF ZF PF from the result; rotates leave SF ZF AF PF unchanged. The values
 * chosen where the SDM says "undefined":
 * <ul>
 *   <li>AF is cleared by every shift and double shift with a nonzero count.</li>
 *   <li>OF for counts above 1: the count-1 rule applied to the last one-bit step, which gives, for every count,
 *       SHL SHLD ROL RCL: OF = MSB(result) XOR CF; SHR SHRD ROR RCR: OF = MSB(result) XOR bit w-2 of the
 *       result; SAR: OF = 0.</li>
 *   <li>CF for SHL/SHR by a count of at least the width (8- and 16-bit operands): the last bit shifted out of
 *       an unbounded register, i.e. bit 0 (SHL) or bit w-1 (SHR) for a count equal to the width and 0 beyond.
 *       SAR by such counts gives the sign bit, which the SDM defines.</li>
 *   <li>16-bit SHLD/SHRD by more than 16 (the SDM leaves the result undefined): the operand is treated as the
 *       48-bit string dest:src:dest, so the bits of dest follow those of src in. This is Intel's behaviour (QEMU
 *       models the same); an AMD processor we checked shifts src in a second time instead.</li>
 * </ul>
 */
final class ShiftOps {
    private ShiftOps() {
    }

    /** ROL ROR RCL RCR SHL SHR SAR r/m by 1, imm8 or CL. */
    static void shift(Cpu c, Insn i) {
        int size = i.osize;
        int count = (i.countCl ? c.r[Cpu.ECX] : i.imm) & 0x1F;
        boolean mem = i.isMemA();
        int off = mem ? c.ea(i) : 0;
        int a = mem ? c.read(size, i.seg, off) : c.getReg(size, i.a);
        if (count == 0) {
            return;
        }
        long out;
        switch (i.sem) {
            case ROL: case ROR: out = rotate(i.sem, size, a, count); break;
            case RCL: case RCR: out = rotateThroughCarry(i.sem, size, a, count, c.flags.cf()); break;
            default: out = shiftOnly(i.sem, size, a, count); break;
        }
        int res = (int) out;
        if (mem) {
            c.write(size, i.seg, off, res);
        } else {
            c.setReg(size, i.a, res);
        }
        int cf = (int) (out >>> 32) & 1;
        int of = (int) (out >>> 33) & 1;
        if (i.sem == Sem.SHL || i.sem == Sem.SHR || i.sem == Sem.SAR) {
            c.flags.setResult(size, res, cf, of, 0);
        } else {
            int f = c.flags.get() & ~(Eflags.CF | Eflags.OF);
            c.flags.load(f | (cf != 0 ? Eflags.CF : 0) | (of != 0 ? Eflags.OF : 0));
        }
    }

    /** SHLD r/m, r, imm8/CL. */
    static void shld(Cpu c, Insn i) {
        doubleShift(c, i, true);
    }

    /** SHRD r/m, r, imm8/CL. */
    static void shrd(Cpu c, Insn i) {
        doubleShift(c, i, false);
    }

    /** Packs a result with its CF (bit 32) and OF (bit 33) for the callers above. */
    private static long pack(int size, int res, int cf, int of) {
        return (res & AluOps.sizeMask(size) & 0xFFFFFFFFL) | (long) (cf & 1) << 32 | (long) (of & 1) << 33;
    }

    private static int msb(int size, int v) {
        return v >>> (size * 8 - 1) & 1;
    }

    /** Bit w-2 of {@code v}: the MSB before the last one-bit right step. */
    private static int msb2(int size, int v) {
        return v >>> (size * 8 - 2) & 1;
    }

    /** SHL SHR SAR of the zero-extended operand {@code a} by {@code count} in 1..31. */
    private static long shiftOnly(Sem sem, int size, int a, int count) {
        int w = size * 8;
        int res;
        int cf;
        int of;
        if (sem == Sem.SHL) {
            long wide = (a & 0xFFFFFFFFL) << count;
            res = (int) wide;
            cf = (int) (wide >>> w) & 1;
            of = msb(size, res) ^ cf;
        } else if (sem == Sem.SHR) {
            int lastIn = a >>> (count - 1);
            res = lastIn >>> 1;
            cf = lastIn & 1;
            of = msb(size, lastIn);
        } else {
            int signed = (int) MulDivOps.signExtend(size, a);
            int lastIn = signed >> (count - 1);
            res = lastIn >> 1;
            cf = lastIn & 1;
            of = 0;
        }
        return pack(size, res, cf, of);
    }

    /** ROL ROR by {@code count} in 1..31; a rotation by a multiple of the width still sets CF. */
    private static long rotate(Sem sem, int size, int a, int count) {
        int w = size * 8;
        int r = count & (w - 1);
        int res;
        int cf;
        int of;
        if (sem == Sem.ROL) {
            res = r == 0 ? a : a << r | a >>> (w - r);
            res &= AluOps.sizeMask(size);
            cf = res & 1;
            of = msb(size, res) ^ cf;
        } else {
            res = r == 0 ? a : a >>> r | a << (w - r);
            res &= AluOps.sizeMask(size);
            cf = msb(size, res);
            of = cf ^ msb2(size, res);
        }
        return pack(size, res, cf, of);
    }

    /**
     * RCL RCR: a rotation of the (w+1)-bit value CF:operand by {@code count} modulo w+1. A count that is a
     * multiple of w+1 leaves operand and CF as they were.
     */
    private static long rotateThroughCarry(Sem sem, int size, int a, int count, int cfIn) {
        int w = size * 8;
        int bits = w + 1;
        long vmask = (1L << bits) - 1;
        int r = count % bits;
        long v = (long) (cfIn & 1) << w | (a & 0xFFFFFFFFL);
        if (r != 0) {
            v = sem == Sem.RCL ? v << r | v >>> (bits - r) : v >>> r | v << (bits - r);
            v &= vmask;
        }
        int res = (int) v & AluOps.sizeMask(size);
        int cf = (int) (v >>> w) & 1;
        int of = sem == Sem.RCL ? msb(size, res) ^ cf : msb(size, res) ^ msb2(size, res);
        return pack(size, res, cf, of);
    }

    /**
     * SHLD/SHRD: dest (operand A) is shifted, the vacated bits filled from src (register B), which is unchanged.
     *
     * <pre>
     *   32-bit SHLD: [ dest : src ] << count, keep the high 32     SHRD: [ src : dest ] >> count, keep the low 32
     *   16-bit:      [ dest : src : dest ] (48 bits) shifted the same way, so counts above 16 are deterministic
     * </pre>
     */
    private static void doubleShift(Cpu c, Insn i, boolean left) {
        int size = i.osize;
        int count = (i.countCl ? c.r[Cpu.ECX] : i.imm) & 0x1F;
        boolean mem = i.isMemA();
        int off = mem ? c.ea(i) : 0;
        int dst = mem ? c.read(size, i.seg, off) : c.getReg(size, i.a);
        int src = c.getReg(size, i.b);
        if (count == 0) {
            return;
        }
        int res;
        int cf;
        if (size == 2) {
            long x = (long) dst << 32 | (long) src << 16 | dst;
            res = (int) (left ? x >>> (32 - count) : x >>> count) & 0xFFFF;
            cf = (int) (left ? x >>> (48 - count) : x >>> (count - 1)) & 1;
        } else if (left) {
            long x = (long) dst << 32 | (src & 0xFFFFFFFFL);
            res = (int) (x << count >>> 32);
            cf = (int) (x >>> (64 - count)) & 1;
        } else {
            long x = (long) src << 32 | (dst & 0xFFFFFFFFL);
            res = (int) (x >>> count);
            cf = (int) (x >>> (count - 1)) & 1;
        }
        int of = left ? msb(size, res) ^ cf : msb(size, res) ^ msb2(size, res);
        if (mem) {
            c.write(size, i.seg, off, res);
        } else {
            c.setReg(size, i.a, res);
        }
        c.flags.setResult(size, res, cf, of, 0);
    }
}
