package org.xenoscope.machine.cpu;

import org.xenoscope.machine.intr.CpuFault;
import org.xenoscope.machine.intr.Vector;
import org.xenoscope.machine.isa.Sem;

/**
 * Near control transfers (JMP, CALL, RET, Jcc, LOOPcc, JECXZ), stack frames (ENTER, LEAVE), software
 * interrupts (INT n, INT3, INTO), the bounds check BOUND and HLT. Far transfers are in {@link FarOps}.
 *
 * <p>When this runs, EIP already points after the instruction, so a relative target is EIP + displacement.
 * With a 16-bit operand size the target is truncated to 16 bits, as the SDM's pseudo-code says.
 */
final class ControlOps {
    private ControlOps() {
    }

    private static int target(Insn i, int t) {
        return i.osize == 2 ? t & 0xFFFF : t;
    }

    /** A near-branch target must lie within the CS limit: #GP(0) otherwise. */
    private static void checkTarget(Cpu c, int t) {
        if (!c.sregs[Cpu.CS].flatRead && !Segmentation.withinLimit(c.sregs[Cpu.CS], t, 1)) {
            throw org.xenoscope.machine.intr.CpuFault.gp(0);
        }
    }

    /** Near branch to {@code t}: #GP(0) when beyond the CS limit. */
    static void branch(Cpu c, int t) {
        checkTarget(c, t);
        c.eip = t;
    }

    /** Near call to {@code t}: the target is checked before the return address is pushed. */
    private static void callTo(Cpu c, Insn i, int t) {
        checkTarget(c, t);
        c.push(i.osize, c.eip);
        c.eip = t;
    }

    static void jmp(Cpu c, Insn i) {
        branch(c, target(i, c.eip + i.imm));
    }

    static void jmpInd(Cpu c, Insn i) {
        branch(c, target(i, c.readA(i)));
    }

    static void call(Cpu c, Insn i) {
        callTo(c, i, target(i, c.eip + i.imm));
    }

    static void callInd(Cpu c, Insn i) {
        callTo(c, i, target(i, c.readA(i)));
    }

    static void jcc(Cpu c, Insn i) {
        if (c.flags.cond(i.cc)) {
            branch(c, target(i, c.eip + i.imm));
        }
    }

    /** RET / RET imm16: pops the return address, then releases imm16 more bytes. */
    static void ret(Cpu c, Insn i) {
        int t = c.peek(i.osize, 0);
        if (i.osize == 2) {
            t &= 0xFFFF;
        }
        branch(c, t);
        c.setSp(c.sp() + i.osize + (i.kind == Insn.K_I ? i.imm & 0xFFFF : 0));
    }

    /** LOOP/LOOPE/LOOPNE: decrement eCX (CX with a 16-bit address size) without touching flags. */
    static void loop(Cpu c, Insn i) {
        int count;
        if (i.asize == 2) {
            count = (c.r[Cpu.ECX] - 1) & 0xFFFF;
        } else {
            count = c.r[Cpu.ECX] - 1;
        }
        boolean take = count != 0;
        if (i.sem == Sem.LOOPE) {
            take &= c.flags.zf() != 0;
        } else if (i.sem == Sem.LOOPNE) {
            take &= c.flags.zf() == 0;
        }
        if (take) {
            branch(c, target(i, c.eip + i.imm));
        }
        if (i.asize == 2) {
            c.setReg(2, Cpu.ECX, count);
        } else {
            c.r[Cpu.ECX] = count;
        }
    }

    static void jecxz(Cpu c, Insn i) {
        int count = i.asize == 2 ? c.r[Cpu.ECX] & 0xFFFF : c.r[Cpu.ECX];
        if (count == 0) {
            branch(c, target(i, c.eip + i.imm));
        }
    }

    /**
     * ENTER size, level (SDM Vol. 2 "ENTER"): push eBP, copy level-1 frame pointers from the old frame, push the
     * new frame pointer, then reserve {@code size} bytes. All stores happen before any register changes.
     */
    static void enter(Cpu c, Insn i) {
        int size = i.osize;
        int alloc = i.imm & 0xFFFF;
        int level = i.imm2 & 0x1F;
        boolean big = c.seg(Cpu.SS).big;
        int mask = big ? -1 : 0xFFFF;
        int sp = c.sp();
        int bp = big ? c.r[Cpu.EBP] : c.r[Cpu.EBP] & 0xFFFF;
        sp = (sp - size) & mask;
        c.write(size, Cpu.SS, sp, c.getReg(size, Cpu.EBP));
        int frameTemp = sp;
        for (int n = 1; n < level; n++) {
            bp = (bp - size) & mask;
            int v = c.read(size, Cpu.SS, bp);
            sp = (sp - size) & mask;
            c.write(size, Cpu.SS, sp, v);
        }
        if (level > 0) {
            sp = (sp - size) & mask;
            c.write(size, Cpu.SS, sp, frameTemp);
        }
        int newSp = (sp - alloc) & mask;
        if (alloc > 0) {
            c.linWrite(Cpu.SS, newSp, 1);
        }
        c.setReg(size == 2 ? 2 : (big ? 4 : 2), Cpu.EBP, frameTemp);
        c.setSp(newSp);
    }

    /** LEAVE: eSP = eBP, then pop eBP. */
    static void leave(Cpu c, Insn i) {
        int bp = c.seg(Cpu.SS).big ? c.r[Cpu.EBP] : c.r[Cpu.EBP] & 0xFFFF;
        int v = c.read(i.osize, Cpu.SS, bp);
        c.setSp(bp + i.osize);
        c.setReg(i.osize, Cpu.EBP, v);
    }

    static void intN(Cpu c, Insn i) {
        c.core.interrupts().software(i.imm & 0xFF, c.eip);
    }

    static void int3(Cpu c, Insn i) {
        c.core.interrupts().software(Vector.BP, c.eip);
    }

    static void into(Cpu c, Insn i) {
        if (c.flags.of() != 0) {
            c.core.interrupts().software(Vector.OF, c.eip);
        }
    }

    /**
     * BOUND r, m16&16 / m32&32: the memory operand holds two signed bounds of the operand size, lower then upper;
     * an index outside [lower, upper] raises #BR (vector 5, a fault: EIP stays at the BOUND, nothing changes).
     *
     * <pre>
     *   [m]          lower bound   (word or dword)
     *   [m + osize]  upper bound
     * </pre>
     */
    static void bound(Cpu c, Insn i) {
        int off = c.ea(i);
        int index = (int) MulDivOps.signExtend(i.osize, c.getReg(i.osize, i.a));
        int lower = (int) MulDivOps.signExtend(i.osize, c.read(i.osize, i.seg, off));
        int upper = (int) MulDivOps.signExtend(i.osize, c.read(i.osize, i.seg, (off + i.osize) & i.eaMask));
        if (index < lower || index > upper) {
            throw new CpuFault(Vector.BR, 0);
        }
    }

    /** HLT (CPL 0 only, checked by the executor): stop until an interrupt; EIP stays after the HLT. */
    static void hlt(Cpu c) {
        c.core.halted = true;
        c.core.attention();
    }
}
