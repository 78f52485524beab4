package org.xenoscope.machine.cpu;

import org.xenoscope.machine.intr.CpuFault;

/**
 * Data movement: MOV, MOVZX/MOVSX, LEA, XCHG, XADD, CMPXCHG(8B), BSWAP, PUSH/POP (incl. PUSHA/POPA), LAHF/SAHF,
 * CMOVcc, SETcc, CBW/CWDE, CWD/CDQ, XLAT.
 */
final class DataOps {
    private DataOps() {
    }

    static void mov(Cpu c, Insn i) {
        int v = c.readB(i);
        c.writeA(i, v);
    }

    static void movzx(Cpu c, Insn i) {
        int v = i.kind == Insn.K_RM ? c.read(i.ssize, i.seg, c.ea(i)) : c.getReg(i.ssize, i.b);
        c.setReg(i.osize, i.a, v);
    }

    static void movsx(Cpu c, Insn i) {
        int v = i.kind == Insn.K_RM ? c.read(i.ssize, i.seg, c.ea(i)) : c.getReg(i.ssize, i.b);
        c.setReg(i.osize, i.a, i.ssize == 1 ? (byte) v : (short) v);
    }

    static void lea(Cpu c, Insn i) {
        c.setReg(i.osize, i.a, c.ea(i));
    }

    /** XCHG: with memory, both accesses are checked before either register or memory changes. */
    static void xchg(Cpu c, Insn i) {
        int size = i.osize;
        if (i.kind == Insn.K_MR) {
            int off = c.ea(i);
            int m = c.read(size, i.seg, off);
            c.write(size, i.seg, off, c.getReg(size, i.b));
            c.setReg(size, i.b, m);
        } else {
            int x = c.getReg(size, i.a);
            c.setReg(size, i.a, c.getReg(size, i.b));
            c.setReg(size, i.b, x);
        }
    }

    /** XADD: TEMP = A + B; B = A; A = TEMP; flags as ADD. */
    static void xadd(Cpu c, Insn i) {
        int size = i.osize;
        int off = i.isMemA() ? c.ea(i) : 0;
        int a = i.isMemA() ? c.read(size, i.seg, off) : c.getReg(size, i.a);
        int b = c.getReg(size, i.b);
        int sum = a + b;
        if (i.isMemA()) {
            c.write(size, i.seg, off, sum);
            c.setReg(size, i.b, a);
        } else {
            c.setReg(size, i.b, a);
            c.setReg(size, i.a, sum);
        }
        c.flags.set(Flags.ADD, size, a, b, sum);
    }

    /**
     * CMPXCHG: compare accumulator with A; equal → A = B, else accumulator = A. Flags as CMP accumulator, A.
     * The destination is always written (with its old value when unequal), as the processor does.
     */
    static void cmpxchg(Cpu c, Insn i) {
        int size = i.osize;
        int off = i.isMemA() ? c.ea(i) : 0;
        int dst = i.isMemA() ? c.read(size, i.seg, off) : c.getReg(size, i.a);
        int acc = c.getReg(size, Cpu.EAX);
        boolean equal = acc == dst;
        int newDst = equal ? c.getReg(size, i.b) : dst;
        if (i.isMemA()) {
            c.write(size, i.seg, off, newDst);
        } else {
            c.setReg(size, i.a, newDst);
        }
        if (!equal) {
            c.setReg(size, Cpu.EAX, dst);
        }
        c.flags.set(Flags.SUB, size, acc, dst, acc - dst);
    }

    /** CMPXCHG8B m64: compare EDX:EAX with m64; equal → m64 = ECX:EBX and ZF=1, else EDX:EAX = m64 and ZF=0. */
    static void cmpxchg8b(Cpu c, Insn i) {
        int off = c.ea(i);
        int lo = c.read32(i.seg, off);
        int hi = c.read32(i.seg, off + 4);
        boolean equal = lo == c.r[Cpu.EAX] && hi == c.r[Cpu.EDX];
        int nlo = equal ? c.r[Cpu.EBX] : lo;
        int nhi = equal ? c.r[Cpu.ECX] : hi;
        c.mmu.probeWrite(c.linWrite(i.seg, off, 8), 8, c.cpl == 3); // both halves writable before either is written
        c.write32(i.seg, off, nlo);
        c.write32(i.seg, off + 4, nhi);
        if (!equal) {
            c.r[Cpu.EAX] = lo;
            c.r[Cpu.EDX] = hi;
        }
        int f = c.flags.get() & ~Eflags.ZF;
        c.flags.load(f | (equal ? Eflags.ZF : 0));
    }

    /** BSWAP: with a 16-bit operand the result is undefined; like current processors we write 0. */
    static void bswap(Cpu c, Insn i) {
        if (i.osize == 2) {
            c.setReg(2, i.a, 0);
        } else {
            c.r[i.a] = Integer.reverseBytes(c.r[i.a]);
        }
    }

    static void push(Cpu c, Insn i) {
        int v = i.kind == Insn.K_I ? i.imm : c.readA(i);
        c.push(i.osize, v);
    }

    /**
     * POP r/m: ESP is incremented before the destination address is computed (SDM "POP": an ESP-based address
     * uses the new ESP). A fault restores ESP.
     */
    static void pop(Cpu c, Insn i) {
        int v = c.peek(i.osize, 0);
        if (i.isMemA()) {
            int old = c.r[Cpu.ESP];
            c.setSp(c.sp() + i.osize);
            try {
                c.write(i.osize, i.seg, c.ea(i), v);
            } catch (CpuFault f) {
                c.r[Cpu.ESP] = old;
                throw f;
            }
        } else {
            c.setSp(c.sp() + i.osize);
            c.setReg(i.osize, i.a, v);
        }
    }

    /** PUSHA: EAX ECX EDX EBX (original) ESP EBP ESI EDI; all stores checked before ESP moves. */
    static void pusha(Cpu c, Insn i) {
        int size = i.osize;
        int sp = c.sp();
        int big = c.seg(Cpu.SS).big ? -1 : 0xFFFF;
        for (int n = 0; n < 8; n++) {
            int v = n == Cpu.ESP ? c.r[Cpu.ESP] : c.r[n];
            c.write(size, Cpu.SS, (sp - size * (n + 1)) & big, v);
        }
        c.setSp(sp - size * 8);
    }

    /** POPA: pops EDI ESI EBP (skips ESP) EBX EDX ECX EAX. */
    static void popa(Cpu c, Insn i) {
        int size = i.osize;
        int[] v = new int[8];
        for (int n = 0; n < 8; n++) {
            v[7 - n] = c.peek(size, n * size);
        }
        for (int n = 0; n < 8; n++) {
            if (n != Cpu.ESP) {
                c.setReg(size, n, v[n]);
            }
        }
        c.setSp(c.sp() + size * 8);
    }

    /** LAHF: AH = SF:ZF:0:AF:0:PF:1:CF. */
    static void lahf(Cpu c) {
        int f = c.flags.get() & (Eflags.SF | Eflags.ZF | Eflags.AF | Eflags.PF | Eflags.CF);
        c.setReg(1, 4, f | Eflags.FIXED1);
    }

    /** SAHF: SF ZF AF PF CF from AH; OF unchanged. */
    static void sahf(Cpu c) {
        int ah = c.getReg(1, 4);
        int keep = c.flags.get() & Eflags.OF;
        c.flags.load(keep | (ah & (Eflags.SF | Eflags.ZF | Eflags.AF | Eflags.PF | Eflags.CF)));
    }

    /** CMOVcc: the source is read even when the condition is false (a memory source can fault). */
    static void cmov(Cpu c, Insn i) {
        int v = c.readB(i);
        if (c.flags.cond(i.cc)) {
            c.setReg(i.osize, i.a, v);
        }
    }

    static void setcc(Cpu c, Insn i) {
        int v = c.flags.cond(i.cc) ? 1 : 0;
        if (i.isMemA()) {
            c.write8(i.seg, c.ea(i), v);
        } else {
            c.setReg(1, i.a, v);
        }
    }

    /** CBW (16-bit) / CWDE (32-bit). */
    static void cbw(Cpu c, Insn i) {
        if (i.osize == 2) {
            c.setReg(2, Cpu.EAX, (byte) c.r[Cpu.EAX]);
        } else {
            c.r[Cpu.EAX] = (short) c.r[Cpu.EAX];
        }
    }

    /** CWD (16-bit) / CDQ (32-bit). */
    static void cwd(Cpu c, Insn i) {
        if (i.osize == 2) {
            c.setReg(2, Cpu.EDX, ((short) c.r[Cpu.EAX]) >> 15);
        } else {
            c.r[Cpu.EDX] = c.r[Cpu.EAX] >> 31;
        }
    }

    /** XLAT: AL = seg:[eBX + zero-extended AL]. */
    static void xlat(Cpu c, Insn i) {
        int off = c.r[Cpu.EBX] + (c.r[Cpu.EAX] & 0xFF);
        if (i.asize == 2) {
            off &= 0xFFFF;
        }
        c.setReg(1, Cpu.EAX, c.read8(i.seg, off));
    }
}
