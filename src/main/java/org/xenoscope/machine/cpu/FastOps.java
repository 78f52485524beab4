package org.xenoscope.machine.cpu;

import org.xenoscope.machine.isa.Sem;

/**
 * Specialised handlers for the most frequent 32-bit instruction shapes (register moves, loads and stores,
 * register ALU operations, INC/DEC, PUSH/POP, near branches). The decoder picks one when it fits, so the hot
 * path skips the operand-shape and operand-size tests of the general handlers. Each handler must behave
 * exactly like the general one it replaces; the general executor stays the reference.
 */
final class FastOps {
    static final int NONE = 0;
    static final int MOV_RR = 1;
    static final int MOV_RI = 2;
    static final int MOV_LOAD = 3;
    static final int MOV_STORE = 4;
    static final int ADD_RR = 5;
    static final int ADD_RI = 6;
    static final int SUB_RR = 7;
    static final int SUB_RI = 8;
    static final int CMP_RR = 9;
    static final int CMP_RI = 10;
    static final int CMP_RM = 11;
    static final int AND_RR = 12;
    static final int AND_RI = 13;
    static final int OR_RR = 14;
    static final int OR_RI = 15;
    static final int XOR_RR = 16;
    static final int XOR_RI = 17;
    static final int TEST_RR = 18;
    static final int TEST_RI = 19;
    static final int ADD_RM = 20;
    static final int INC_R = 21;
    static final int DEC_R = 22;
    static final int JCC = 23;
    static final int JMP = 24;
    static final int PUSH_R = 25;
    static final int POP_R = 26;
    static final int CALL = 27;
    static final int RET = 28;
    static final int LEA = 29;
    static final int NOP = 30;
    static final int SHL_RI = 31;
    static final int SHR_RI = 32;
    static final int SAR_RI = 33;
    static final int IMUL_RR = 34;
    static final int IMUL_RM = 35;
    static final int IMUL_RRI = 36;
    static final int IMUL_RMI = 37;
    static final int MOVZX8_RR = 38;
    static final int MOVZX8_RM = 39;

    private FastOps() {
    }

    /** The specialised handler for a decoded instruction, or {@link #NONE} (the general executor). */
    static int select(Insn i) {
        if (i.sem == Sem.JCC) {
            return JCC;
        }
        if (i.osize != 4 || i.asize != 4) {
            return NONE;
        }
        switch (i.sem) {
            case MOV: return pick(i, MOV_RR, MOV_RI, MOV_LOAD, MOV_STORE);
            case ADD: return pick(i, ADD_RR, ADD_RI, ADD_RM, NONE);
            case SUB: return pick(i, SUB_RR, SUB_RI, NONE, NONE);
            case CMP: return pick(i, CMP_RR, CMP_RI, CMP_RM, NONE);
            case AND: return pick(i, AND_RR, AND_RI, NONE, NONE);
            case OR: return pick(i, OR_RR, OR_RI, NONE, NONE);
            case XOR: return pick(i, XOR_RR, XOR_RI, NONE, NONE);
            case TEST: return pick(i, TEST_RR, TEST_RI, NONE, NONE);
            case INC: return i.kind == Insn.K_R ? INC_R : NONE;
            case DEC: return i.kind == Insn.K_R ? DEC_R : NONE;
            case JMP: return JMP;
            case PUSH: return i.kind == Insn.K_R ? PUSH_R : NONE;
            case POP: return i.kind == Insn.K_R ? POP_R : NONE;
            case CALL: return CALL;
            case RET: return i.kind == Insn.K_NONE ? RET : NONE;
            case LEA: return LEA;
            case NOP: return NOP;
            case SHL: return i.kind == Insn.K_RI && (i.imm & 31) != 0 ? SHL_RI : NONE;
            case SHR: return i.kind == Insn.K_RI && (i.imm & 31) != 0 ? SHR_RI : NONE;
            case SAR: return i.kind == Insn.K_RI && (i.imm & 31) != 0 ? SAR_RI : NONE;
            case IMUL2: return i.form.operands().size() == 3 ? pick(i, IMUL_RRI, NONE, IMUL_RMI, NONE)
                : pick(i, IMUL_RR, NONE, IMUL_RM, NONE);
            case MOVZX: return i.ssize == 1 ? pick(i, MOVZX8_RR, NONE, MOVZX8_RM, NONE) : NONE;
            default: return NONE;
        }
    }

    private static int pick(Insn i, int rr, int ri, int rm, int mr) {
        switch (i.kind) {
            case Insn.K_RR: return rr;
            case Insn.K_RI: return ri;
            case Insn.K_RM: return rm;
            case Insn.K_MR: return mr;
            default: return NONE;
        }
    }

    static void execute(Cpu c, Insn i) {
        int[] r = c.r;
        Flags f = c.flags;
        int a;
        int b;
        switch (i.fast) {
            case MOV_RR: r[i.a] = r[i.b]; break;
            case MOV_RI: r[i.a] = i.imm; break;
            case MOV_LOAD: r[i.a] = c.read32(i.seg, c.ea(i)); break;
            case MOV_STORE: c.write32(i.seg, c.ea(i), r[i.b]); break;
            case ADD_RR: a = r[i.a]; b = r[i.b]; r[i.a] = a + b; f.set(Flags.ADD, 4, a, b, a + b); break;
            case ADD_RI: a = r[i.a]; b = i.imm; r[i.a] = a + b; f.set(Flags.ADD, 4, a, b, a + b); break;
            case ADD_RM: b = c.read32(i.seg, c.ea(i)); a = r[i.a]; r[i.a] = a + b; f.set(Flags.ADD, 4, a, b, a + b);
                break;
            case SUB_RR: a = r[i.a]; b = r[i.b]; r[i.a] = a - b; f.set(Flags.SUB, 4, a, b, a - b); break;
            case SUB_RI: a = r[i.a]; b = i.imm; r[i.a] = a - b; f.set(Flags.SUB, 4, a, b, a - b); break;
            case CMP_RR: a = r[i.a]; b = r[i.b]; f.set(Flags.SUB, 4, a, b, a - b); break;
            case CMP_RI: a = r[i.a]; b = i.imm; f.set(Flags.SUB, 4, a, b, a - b); break;
            case CMP_RM: b = c.read32(i.seg, c.ea(i)); a = r[i.a]; f.set(Flags.SUB, 4, a, b, a - b); break;
            case AND_RR: a = r[i.a] & r[i.b]; r[i.a] = a; f.set(Flags.LOGIC, 4, 0, 0, a); break;
            case AND_RI: a = r[i.a] & i.imm; r[i.a] = a; f.set(Flags.LOGIC, 4, 0, 0, a); break;
            case OR_RR: a = r[i.a] | r[i.b]; r[i.a] = a; f.set(Flags.LOGIC, 4, 0, 0, a); break;
            case OR_RI: a = r[i.a] | i.imm; r[i.a] = a; f.set(Flags.LOGIC, 4, 0, 0, a); break;
            case XOR_RR: a = r[i.a] ^ r[i.b]; r[i.a] = a; f.set(Flags.LOGIC, 4, 0, 0, a); break;
            case XOR_RI: a = r[i.a] ^ i.imm; r[i.a] = a; f.set(Flags.LOGIC, 4, 0, 0, a); break;
            case TEST_RR: f.set(Flags.LOGIC, 4, 0, 0, r[i.a] & r[i.b]); break;
            case TEST_RI: f.set(Flags.LOGIC, 4, 0, 0, r[i.a] & i.imm); break;
            case INC_R: a = r[i.a]; r[i.a] = a + 1; f.setIncDec(Flags.INC, 4, a, a + 1); break;
            case DEC_R: a = r[i.a]; r[i.a] = a - 1; f.setIncDec(Flags.DEC, 4, a, a - 1); break;
            case JCC: ControlOps.jcc(c, i); break;
            case JMP: ControlOps.jmp(c, i); break;
            case PUSH_R: c.push32(r[i.a]); break;
            case POP_R: a = c.pop32(); r[i.a] = a; break;
            case CALL: call(c, i); break;
            case RET: ret(c, i); break;
            case NOP: break;
            case LEA: r[i.a] = c.ea(i); break;
            case SHL_RI: shl(f, r, i); break;
            case SHR_RI: shr(f, r, i); break;
            case SAR_RI: sar(f, r, i); break;
            case IMUL_RR: imul(f, r, i.a, r[i.a], r[i.b]); break;
            case IMUL_RM: imul(f, r, i.a, r[i.a], c.read32(i.seg, c.ea(i))); break;
            case IMUL_RRI: imul(f, r, i.a, r[i.b], i.imm); break;
            case IMUL_RMI: imul(f, r, i.a, c.read32(i.seg, c.ea(i)), i.imm); break;
            case MOVZX8_RR: r[i.a] = c.getReg(1, i.b); break;
            case MOVZX8_RM: r[i.a] = c.read8(i.seg, c.ea(i)); break;
            default: Executor.execute(c, i); break;
        }
    }

    /** SHL r32, imm8 (count 1..31): as ShiftOps.shiftOnly. */
    private static void shl(Flags f, int[] r, Insn i) {
        int a = r[i.a];
        int n = i.imm & 31;
        int res = a << n;
        int cf = (a >>> (32 - n)) & 1;
        r[i.a] = res;
        f.setResult(4, res, cf, (res >>> 31) ^ cf, 0);
    }

    /** SHR r32, imm8 (count 1..31). */
    private static void shr(Flags f, int[] r, Insn i) {
        int last = r[i.a] >>> ((i.imm & 31) - 1);
        int res = last >>> 1;
        r[i.a] = res;
        f.setResult(4, res, last & 1, last >>> 31, 0);
    }

    /** SAR r32, imm8 (count 1..31). */
    private static void sar(Flags f, int[] r, Insn i) {
        int last = r[i.a] >> ((i.imm & 31) - 1);
        int res = last >> 1;
        r[i.a] = res;
        f.setResult(4, res, last & 1, 0, 0);
    }

    /** IMUL with a 32-bit truncated result: CF = OF = the product did not fit. */
    private static void imul(Flags f, int[] r, int dst, int x, int y) {
        long product = (long) x * y;
        int res = (int) product;
        int overflow = product != res ? 1 : 0;
        r[dst] = res;
        f.setResult(4, res, overflow, overflow, 0);
    }

    /** CALL rel32 with a flat code segment (else the general handler). */
    private static void call(Cpu c, Insn i) {
        if (!c.sregs[Cpu.CS].flatRead) {
            ControlOps.call(c, i);
            return;
        }
        c.push32(c.eip);
        c.eip += i.imm;
    }

    /** RET (32-bit, no immediate) with a flat code segment (else the general handler). */
    private static void ret(Cpu c, Insn i) {
        if (!c.sregs[Cpu.CS].flatRead) {
            ControlOps.ret(c, i);
            return;
        }
        c.eip = c.pop32();
    }
}
