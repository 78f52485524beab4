package org.xenoscope.machine.cpu;

import org.xenoscope.machine.isa.Sem;

/**
 * Bit test and scan: BT BTS BTR BTC, BSF BSR (SDM Vol. 2 "BT", "BTS", "BTR", "BTC", "BSF", "BSR").
 *
 * <p>Bit addressing of BT*: with a register operand, or with an imm8 bit offset, the offset is taken modulo the
 * operand width. With a memory operand and a REGISTER bit offset, the operand is a bit string starting at the
 * effective address and the offset is signed:
 *
 * <pre>
 *   32-bit:  bit (offset AND 31) of the dword at  ea + 4 * (offset SAR 5)
 *   16-bit:  bit (offset AND 15) of the word  at  ea + 2 * (offset SAR 4)
 *   e.g. bt dword [x], eax  with EAX = -1  tests bit 31 of the dword at x - 4
 * </pre>
 *
 * Flags: BT* set CF to the selected bit (its value before BTS/BTR/BTC change it). The SDM leaves OF SF AF PF
 * undefined; here they, and ZF (which the SDM says is unaffected), keep their values. BSF/BSR set ZF = 1 and
 * leave the destination unchanged when the source is 0 (what current processors do; the SDM says "undefined"),
 * else ZF = 0 and the destination gets the index of the lowest (BSF) or highest (BSR) set bit; CF OF SF AF PF
 * keep their values.
 */
final class BitOps {
    private BitOps() {
    }

    /**
     * BT/BTS/BTR/BTC r/m, r or r/m, imm8. A memory operand is read once and, except for BT, written once with the
     * changed bit; CF is set last.
     */
    static void bt(Cpu c, Insn i) {
        int size = i.osize;
        boolean regOffset = i.kind == Insn.K_RR || i.kind == Insn.K_MR;
        int offset = regOffset ? c.getReg(size, i.b) : i.imm;
        int bit = offset & (size * 8 - 1);
        int cf;
        if (i.isMemA()) {
            int off = c.ea(i);
            if (regOffset) {
                long signed = MulDivOps.signExtend(size, offset);
                off += (int) (signed >> (size == 4 ? 5 : 4)) * size;
                if (i.asize == 2) {
                    off &= 0xFFFF;
                }
            }
            int v = c.read(size, i.seg, off);
            cf = v >>> bit & 1;
            if (i.sem != Sem.BT) {
                c.write(size, i.seg, off, change(i.sem, v, bit));
            }
        } else {
            int v = c.getReg(size, i.a);
            cf = v >>> bit & 1;
            if (i.sem != Sem.BT) {
                c.setReg(size, i.a, change(i.sem, v, bit));
            }
        }
        int f = c.flags.get();
        c.flags.load((f & ~Eflags.CF) | cf);
    }

    /** The operand after BTS (set), BTR (reset) or BTC (complement) of {@code bit}. */
    private static int change(Sem sem, int v, int bit) {
        switch (sem) {
            case BTS: return v | 1 << bit;
            case BTR: return v & ~(1 << bit);
            default: return v ^ 1 << bit; // BTC
        }
    }

    /** BSF r, r/m: index of the lowest set bit. */
    static void bsf(Cpu c, Insn i) {
        scan(c, i, true);
    }

    /** BSR r, r/m: index of the highest set bit. */
    static void bsr(Cpu c, Insn i) {
        scan(c, i, false);
    }

    /** BSF/BSR: the source is operand B; a zero source sets ZF and leaves the destination register alone. */
    private static void scan(Cpu c, Insn i, boolean forward) {
        int src = c.readB(i);
        int f = c.flags.get() & ~Eflags.ZF;
        if (src == 0) {
            c.flags.load(f | Eflags.ZF);
            return;
        }
        int index = forward ? Integer.numberOfTrailingZeros(src) : 31 - Integer.numberOfLeadingZeros(src);
        c.setReg(i.osize, i.a, index);
        c.flags.load(f);
    }
}
