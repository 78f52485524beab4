package org.xenoscope.machine.cpu;

import org.xenoscope.machine.isa.Sem;

/**
 * ADD OR ADC SBB AND SUB XOR CMP TEST, INC DEC NEG NOT: the two- and one-operand integer ALU instructions.
 * Results are computed at full width and masked by the writers; flags are recorded lazily in {@link Flags}.
 */
final class AluOps {
    private AluOps() {
    }

    /**
     * A op= B for the eight classic ALU operations and TEST. With a memory destination the operand is read once
     * and written once (after the read, so a write fault leaves nothing changed); flags are set last.
     */
    static void binary(Cpu c, Insn i) {
        int size = i.osize;
        boolean mem = i.isMemA();
        int off = mem ? c.ea(i) : 0;
        int a = mem ? c.read(size, i.seg, off) : c.getReg(size, i.a);
        int b = c.readB(i);
        if (i.kind == Insn.K_RI || i.kind == Insn.K_MI) {
            b &= sizeMask(size);
        }
        Flags f = c.flags;
        int res;
        int kind;
        switch (i.sem) {
            case ADD: res = a + b; kind = Flags.ADD; break;
            case ADC: res = a + b + f.cf(); kind = Flags.ADD; break;
            case SUB: case CMP: res = a - b; kind = Flags.SUB; break;
            case SBB: res = a - b - f.cf(); kind = Flags.SUB; break;
            case AND: case TEST: res = a & b; kind = Flags.LOGIC; break;
            case OR: res = a | b; kind = Flags.LOGIC; break;
            default: res = a ^ b; kind = Flags.LOGIC; break; // XOR
        }
        if (i.sem != Sem.CMP && i.sem != Sem.TEST) {
            if (mem) {
                c.write(size, i.seg, off, res);
            } else {
                c.setReg(size, i.a, res);
            }
        }
        f.set(kind, size, a, b, res);
    }

    static int sizeMask(int size) {
        return size == 4 ? -1 : (1 << (size * 8)) - 1;
    }

    static void inc(Cpu c, Insn i) {
        int size = i.osize;
        if (i.isMemA()) {
            int off = c.ea(i);
            int a = c.read(size, i.seg, off);
            c.write(size, i.seg, off, a + 1);
            c.flags.setIncDec(Flags.INC, size, a, a + 1);
        } else {
            int a = c.getReg(size, i.a);
            c.setReg(size, i.a, a + 1);
            c.flags.setIncDec(Flags.INC, size, a, a + 1);
        }
    }

    static void dec(Cpu c, Insn i) {
        int size = i.osize;
        if (i.isMemA()) {
            int off = c.ea(i);
            int a = c.read(size, i.seg, off);
            c.write(size, i.seg, off, a - 1);
            c.flags.setIncDec(Flags.DEC, size, a, a - 1);
        } else {
            int a = c.getReg(size, i.a);
            c.setReg(size, i.a, a - 1);
            c.flags.setIncDec(Flags.DEC, size, a, a - 1);
        }
    }

    /** NEG: 0 - A; CF is set unless the operand was zero (which the SUB formula gives). */
    static void neg(Cpu c, Insn i) {
        int size = i.osize;
        int off = i.isMemA() ? c.ea(i) : 0;
        int a = i.isMemA() ? c.read(size, i.seg, off) : c.getReg(size, i.a);
        int res = -a;
        if (i.isMemA()) {
            c.write(size, i.seg, off, res);
        } else {
            c.setReg(size, i.a, res);
        }
        c.flags.set(Flags.SUB, size, 0, a, res);
    }

    /** NOT: one's complement; no flags. */
    static void not(Cpu c, Insn i) {
        int size = i.osize;
        if (i.isMemA()) {
            int off = c.ea(i);
            c.write(size, i.seg, off, ~c.read(size, i.seg, off));
        } else {
            c.setReg(size, i.a, ~c.getReg(size, i.a));
        }
    }
}
