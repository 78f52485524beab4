package org.xenoscope.machine.cpu;

import org.xenoscope.machine.intr.CpuFault;

/**
 * Dispatch from a decoded instruction's semantic to the code that performs it. This switch is the one place
 * allowed to be long (the style guide's exception for the decoder's dispatch); each case is one call into the
 * instruction group that implements it.
 */
final class Executor {
    private Executor() {
    }

    static void execute(Cpu c, Insn i) {
        if (i.priv && c.cpl != 0) {
            throw CpuFault.gp(0);
        }
        switch (i.sem) {
            case MOV: DataOps.mov(c, i); break;
            case MOVZX: DataOps.movzx(c, i); break;
            case MOVSX: DataOps.movsx(c, i); break;
            case LEA: DataOps.lea(c, i); break;
            case XCHG: DataOps.xchg(c, i); break;
            case XADD: DataOps.xadd(c, i); break;
            case CMPXCHG: DataOps.cmpxchg(c, i); break;
            case CMPXCHG8B: DataOps.cmpxchg8b(c, i); break;
            case BSWAP: DataOps.bswap(c, i); break;
            case PUSH: DataOps.push(c, i); break;
            case POP: DataOps.pop(c, i); break;
            case PUSHA: DataOps.pusha(c, i); break;
            case POPA: DataOps.popa(c, i); break;
            case PUSHF: SystemOps.pushf(c, i); break;
            case POPF: SystemOps.popf(c, i); break;
            case LAHF: DataOps.lahf(c); break;
            case SAHF: DataOps.sahf(c); break;
            case CMOV: DataOps.cmov(c, i); break;
            case SETCC: DataOps.setcc(c, i); break;
            case CBW: DataOps.cbw(c, i); break;
            case CWD: DataOps.cwd(c, i); break;
            case XLAT: DataOps.xlat(c, i); break;
            case LFAR: SystemOps.lfar(c, i); break;
            case MOV_FROM_SREG: SystemOps.movFromSreg(c, i); break;
            case MOV_TO_SREG: SystemOps.movToSreg(c, i); break;
            case MOV_FROM_CR: SystemOps.movFromCr(c, i); break;
            case MOV_TO_CR: SystemOps.movToCr(c, i); break;
            case MOV_FROM_DR: SystemOps.movFromDr(c, i); break;
            case MOV_TO_DR: SystemOps.movToDr(c, i); break;
            case PUSH_SREG: SystemOps.pushSreg(c, i); break;
            case POP_SREG: SystemOps.popSreg(c, i); break;
            case ADD: case OR: case ADC: case SBB: case AND: case SUB: case XOR: case CMP: case TEST:
                AluOps.binary(c, i);
                break;
            case INC: AluOps.inc(c, i); break;
            case DEC: AluOps.dec(c, i); break;
            case NEG: AluOps.neg(c, i); break;
            case NOT: AluOps.not(c, i); break;
            case MUL: MulDivOps.mul(c, i); break;
            case IMUL1: MulDivOps.imul1(c, i); break;
            case IMUL2: MulDivOps.imul2(c, i); break;
            case DIV: MulDivOps.div(c, i); break;
            case IDIV: MulDivOps.idiv(c, i); break;
            case DAA: BcdOps.daa(c); break;
            case DAS: BcdOps.das(c); break;
            case AAA: BcdOps.aaa(c); break;
            case AAS: BcdOps.aas(c); break;
            case AAM: BcdOps.aam(c, i); break;
            case AAD: BcdOps.aad(c, i); break;
            case ROL: case ROR: case RCL: case RCR: case SHL: case SHR: case SAR:
                ShiftOps.shift(c, i);
                break;
            case SHLD: ShiftOps.shld(c, i); break;
            case SHRD: ShiftOps.shrd(c, i); break;
            case BT: case BTS: case BTR: case BTC: BitOps.bt(c, i); break;
            case BSF: BitOps.bsf(c, i); break;
            case BSR: BitOps.bsr(c, i); break;
            case JMP: ControlOps.jmp(c, i); break;
            case JMP_IND: ControlOps.jmpInd(c, i); break;
            case CALL: ControlOps.call(c, i); break;
            case CALL_IND: ControlOps.callInd(c, i); break;
            case JCC: ControlOps.jcc(c, i); break;
            case RET: ControlOps.ret(c, i); break;
            case LOOP: case LOOPE: case LOOPNE: ControlOps.loop(c, i); break;
            case JECXZ: ControlOps.jecxz(c, i); break;
            case ENTER: ControlOps.enter(c, i); break;
            case LEAVE: ControlOps.leave(c, i); break;
            case INT: ControlOps.intN(c, i); break;
            case INT3: ControlOps.int3(c, i); break;
            case INTO: ControlOps.into(c, i); break;
            case BOUND: ControlOps.bound(c, i); break;
            case ARPL: SelectorOps.arpl(c, i); break;
            case LAR: SelectorOps.lar(c, i); break;
            case LSL: SelectorOps.lsl(c, i); break;
            case VERR: SelectorOps.verify(c, i, false); break;
            case VERW: SelectorOps.verify(c, i, true); break;
            case HLT: ControlOps.hlt(c); break;
            case NOP: break;
            case UD2: throw CpuFault.ud();
            case JMP_FAR: FarOps.jmpFar(c, i.imm2, i.imm, i.osize); break;
            case JMP_FAR_IND: FarOps.jmpFarInd(c, i); break;
            case CALL_FAR: FarOps.callFar(c, i.imm2, i.imm, i.osize); break;
            case CALL_FAR_IND: FarOps.callFarInd(c, i); break;
            case RETF: FarOps.retf(c, i); break;
            case IRET: FarOps.iret(c, i); break;
            case MOVS: case STOS: case LODS: case CMPS: case SCAS: case INS: case OUTS:
                StringOps.execute(c, i);
                break;
            default:
                SystemOps.execute(c, i);
                break;
        }
    }
}
