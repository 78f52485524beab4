package org.xenoscope.asm.nasm;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.xenoscope.machine.isa.InsnForm;
import org.xenoscope.machine.isa.Opnd;
import org.xenoscope.machine.isa.Sem;

/**
 * Matches the operands of one instruction against one table row, with NASM's size rules:
 * <ul>
 *   <li>a word/dword ("v") row takes its operand size from its register operands and sized memory operands
 *       (all must agree), else from a size keyword on an immediate or branch target ({@code push word 1}),
 *       else it is a dword; a sizeless memory operand with nothing to size it makes the size missing;</li>
 *   <li>a sizeless memory operand in a byte/word/qword slot is sized by a register of that size in the same
 *       instruction ({@code mov [eax], al}), or by a size keyword on a data immediate ({@code add [eax], byte 1},
 *       not a shift count); otherwise its size is "missing" and the {@link Encoder} retries with the single size
 *       every candidate row agrees on (NASM's fuzzy size match: {@code setc [eax]} is a byte);</li>
 *   <li>immediates: an explicit size must agree with the slot; the sign-extended byte form (83, 6B, 6A) needs
 *       a known value that fits a signed byte at the operand size ({@code add ax, 0xffff} fits: it is -1 as a
 *       word), and neither {@code strict} nor an unknown value, unless {@code byte} was written;
 *       the shift-by-one form needs the literal 1 without a size keyword; ENTER, SHLD and SHRD take no size
 *       keyword on their immediates at all;</li>
 *   <li>relative branches: {@code short} (size 1) forces rel8; a size 2 or 4 keyword, {@code strict}, or a target
 *       not known yet exclude rel8, except for LOOP/JECXZ which only have rel8 (and take no size keyword at
 *       all, not even {@code short}); {@code word} gives rel16 for JMP and CALL only.</li>
 * </ul>
 * NASM quirks of particular rows: the memory operand of MOV r/m,Sreg, SLDT, STR and SMSW is a word and never
 * takes 0x66 ({@code smsw [eax]}), while their register form follows the register; MOV Sreg,r/m16 accepts a
 * 32-bit register without 0x66; JMP/CALL near indirect through sizeless memory are dword; the far indirect forms
 * need {@code far} (memory size 6), LES/LDS/... a sizeless operand; LGDT/SIDT/INVLPG... a sizeless operand
 * (LEA any); MOVZX/MOVSX need a destination wider than the source; BSWAP has no 16-bit form; the moffs forms
 * (A0-A3) are not used for {@code [byte offset]}.
 */
final class OperandMatcher {
    /** Why a row does not match, in NASM's order of precedence (the last one wins the error message). */
    enum Fail { INVALID, SIZE_MISSING, MISMATCH, BAD_REPNE }

    /**
     * A match, or the reason there is none; {@code missing} has bit n set when a sizeless memory operand
     * could take size n for this row.
     */
    record Outcome(Match match, Fail fail, int missing) {
    }

    private static final Set<Opnd> V_REGS = EnumSet.of(Opnd.RMV, Opnd.RV, Opnd.ZRV, Opnd.EAXV, Opnd.MOFFSV);
    private static final Set<Opnd> V_ALL = EnumSet.of(Opnd.RMV, Opnd.RV, Opnd.ZRV, Opnd.EAXV, Opnd.MOFFSV,
        Opnd.IMMV, Opnd.SIMM8, Opnd.RELV, Opnd.PTR);
    /** Rows whose immediate is data sized like the destination (NASM's SM flag), not a count or a port. */
    private static final Set<Sem> DATA_IMM = EnumSet.of(Sem.MOV, Sem.ADD, Sem.OR, Sem.ADC, Sem.SBB, Sem.AND,
        Sem.SUB, Sem.XOR, Sem.CMP, Sem.TEST);
    /** Rows whose r/m operand, when memory, is a word without 0x66 (their register form follows the register). */
    private static final Set<Sem> WORD_MEM = EnumSet.of(Sem.MOV_FROM_SREG, Sem.SLDT, Sem.STR, Sem.SMSW, Sem.LAR,
        Sem.LSL, Sem.VERR, Sem.VERW);

    private final InsnForm f;
    private final List<Opnd> kinds;
    private final List<AsmOperand> ops;
    private final boolean shortOnly;
    private final Match m;
    private int missing;
    private Fail fail;

    private OperandMatcher(InsnForm f, List<AsmOperand> ops, boolean shortOnly) {
        this.f = f;
        this.kinds = f.operands();
        this.ops = ops;
        this.shortOnly = shortOnly;
        this.m = new Match(f);
    }

    /**
     * Matches {@code ops} against row {@code f}. {@code shortOnly} says the mnemonic has no near form (LOOP,
     * JECXZ), so its rel8 must be used whatever the target.
     */
    static Outcome match(InsnForm f, List<AsmOperand> ops, boolean shortOnly) {
        return new OperandMatcher(f, ops, shortOnly).run();
    }

    private Outcome run() {
        if (kinds.size() != ops.size()) {
            return new Outcome(null, Fail.INVALID, 0);
        }
        for (int i = 0; i < ops.size(); i++) {
            if (!typeOk(kinds.get(i), ops.get(i))) {
                return new Outcome(null, Fail.INVALID, 0);
            }
        }
        int vs = vSize();
        boolean hasV = kinds.stream().anyMatch(V_ALL::contains);
        m.osize = hasV ? vs : 0;
        m.o16 = hasV && vs == 2;
        if (f.sem() == Sem.BSWAP && vs == 2) {
            fail(Fail.INVALID); // NASM has no 16-bit BSWAP (its result is undefined)
        }
        for (int i = 0; i < ops.size() && fail == null; i++) {
            place(i);
        }
        if (fail == null && missing != 0) {
            fail = Fail.SIZE_MISSING;
        }
        return fail == null ? new Outcome(m, null, 0) : new Outcome(null, fail, missing);
    }

    private void fail(Fail why) {
        if (fail == null || why.ordinal() > fail.ordinal()) {
            fail = why;
        }
    }

    /** Whether operand {@code op} has the right type (register class, memory, immediate...) for kind {@code k}. */
    private boolean typeOk(Opnd k, AsmOperand op) {
        switch (k) {
            case RM8: case RM16: case RM32: case RMV:
                return op instanceof AsmOperand.Reg r ? gpr(r) && !f.has(InsnForm.A_MEM_ONLY)
                    : op instanceof AsmOperand.Mem && !f.has(InsnForm.A_REG_ONLY);
            case M: case MFAR: case M64:
                return op instanceof AsmOperand.Mem;
            case R8: case R16: case R32: case RV: case ZR8: case ZRV:
                return op instanceof AsmOperand.Reg r && gpr(r);
            case AL: return isReg(op, Register.AL);
            case EAXV: return isReg(op, Register.EAX) || isReg(op, Register.AX);
            case CL: return isReg(op, Register.CL);
            case DX: return isReg(op, Register.DX);
            case ONE:
                return op instanceof AsmOperand.Imm i && i.known() && i.value() == 1 && i.size() == 0;
            case IMM8: case IMM16: case IMMV: case SIMM8: case REL8: case RELV:
                return op instanceof AsmOperand.Imm;
            case MOFFS8: case MOFFSV:
                return op instanceof AsmOperand.Mem mm && mm.base() == null && mm.index() == null
                    && mm.dispSize() != 1;
            case SREG: return regKind(op, Register.Kind.SEG);
            case CREG: return regKind(op, Register.Kind.CR);
            case DREG: return regKind(op, Register.Kind.DR);
            case PTR: return op instanceof AsmOperand.Far;
            default:
                return regKind(op, Register.Kind.SEG) && ((AsmOperand.Reg) op).reg().num == k.fixedSreg();
        }
    }

    private static boolean gpr(AsmOperand.Reg r) {
        return r.reg().kind == Register.Kind.GPR;
    }

    private static boolean isReg(AsmOperand op, Register r) {
        return op instanceof AsmOperand.Reg g && g.reg() == r;
    }

    private static boolean regKind(AsmOperand op, Register.Kind kind) {
        return op instanceof AsmOperand.Reg r && r.reg().kind == kind;
    }

    /**
     * The word/dword operand size: from registers and sized memory in "v" slots, else from a size keyword on an
     * immediate or branch target, else 4. A sizeless memory operand that nothing sizes records sizes 2 and 4 as
     * missing (except where NASM has a default: near indirect JMP/CALL, the word-memory rows).
     */
    private int vSize() {
        int vs = 0;
        boolean sizeless = false;
        for (int i = 0; i < ops.size(); i++) {
            if (!V_REGS.contains(kinds.get(i))) {
                continue;
            }
            AsmOperand op = ops.get(i);
            int s = op instanceof AsmOperand.Reg r ? r.reg().size : ((AsmOperand.Mem) op).size();
            if (op instanceof AsmOperand.Mem && (s == 0 || WORD_MEM.contains(f.sem()))) {
                sizeless |= s == 0;
                continue;
            }
            if ((s != 2 && s != 4) || (vs != 0 && vs != s)) {
                fail(Fail.MISMATCH);
                return 4;
            }
            vs = s;
        }
        for (int i = 0; i < ops.size() && vs == 0; i++) {
            Opnd k = kinds.get(i);
            if ((k == Opnd.IMMV || k == Opnd.SIMM8 || k == Opnd.RELV) && ops.get(i) instanceof AsmOperand.Imm im
                && (im.size() == 2 || im.size() == 4)) {
                vs = im.size();
            }
        }
        if (vs == 0 && sizeless && !WORD_MEM.contains(f.sem()) && f.sem() != Sem.JMP_IND
            && f.sem() != Sem.CALL_IND) {
            missing |= 1 << 2 | 1 << 4;
        }
        return vs == 0 ? 4 : vs;
    }

    /** Checks operand {@code i} against its slot and records its field in the match. */
    private void place(int i) {
        Opnd k = kinds.get(i);
        AsmOperand op = ops.get(i);
        switch (k) {
            case RM8: case RM16: case RM32: case RMV: case M: case MFAR: case M64:
                placeRm(i, k, op);
                break;
            case R8: case R16: case R32: case RV:
                m.reg = sizedReg(k, (AsmOperand.Reg) op);
                break;
            case ZR8: case ZRV:
                m.plusReg = sizedReg(k, (AsmOperand.Reg) op);
                break;
            case SREG: case CREG: case DREG:
                m.reg = ((AsmOperand.Reg) op).reg().num;
                break;
            case MOFFS8: case MOFFSV:
                placeMoffs(k, (AsmOperand.Mem) op);
                break;
            case IMM8: case IMM16: case IMMV: case SIMM8:
                placeImm(k, (AsmOperand.Imm) op);
                break;
            case REL8: case RELV:
                placeRel(k, (AsmOperand.Imm) op);
                break;
            case PTR:
                AsmOperand.Far far = (AsmOperand.Far) op;
                m.imms.add(new long[] {far.offset(), m.osize});
                m.imms.add(new long[] {far.selector(), 2});
                break;
            default:
                break; // AL, eAX, CL, DX, 1, fixed segment registers: implied by the opcode
        }
    }

    /** The register's number, after checking its size against the slot (v slots were checked by vSize). */
    private int sizedReg(Opnd k, AsmOperand.Reg r) {
        int want = k.size > 0 ? k.size : m.osize;
        if (r.reg().size != want) {
            fail(Fail.MISMATCH);
        }
        boolean extend = f.sem() == Sem.MOVZX || f.sem() == Sem.MOVSX;
        if (k == Opnd.RV && extend) {
            int src = kinds.contains(Opnd.RM8) ? 1 : 2;
            if (m.osize <= src) {
                fail(Fail.INVALID); // MOVZX/MOVSX: the destination must be wider than the source
            }
        }
        return r.reg().num;
    }

    private void placeRm(int i, Opnd k, AsmOperand op) {
        int want = k.size > 0 ? k.size : m.osize;
        if (op instanceof AsmOperand.Reg r) {
            // MOV Sreg, LAR and LSL take a selector from a 32-bit register too (NASM: reg32 forms)
            boolean selectorFrom32 = (f.sem() == Sem.MOV_TO_SREG || f.sem() == Sem.LAR || f.sem() == Sem.LSL)
                && k == Opnd.RM16 && r.reg().size == 4;
            if (r.reg().size != want && !selectorFrom32) {
                fail(Fail.MISMATCH);
            }
            m.rmReg = r.reg().num;
            return;
        }
        AsmOperand.Mem mem = (AsmOperand.Mem) op;
        m.mem = mem;
        int s = mem.size();
        boolean ok;
        switch (k) {
            case M: ok = s == 0 || f.sem() == Sem.LEA; break;
            case MFAR: ok = f.sem() == Sem.LFAR ? s == 0 : s == 6; break;
            case M64: ok = s == 0 || s == 8; break;
            default:
                if (WORD_MEM.contains(f.sem())) {
                    ok = s == 0 || s == 2;
                } else if (s == 0) {
                    ok = true;
                    if (k != Opnd.RMV && !partnerSized(i, want)) {
                        missing |= 1 << want;
                    }
                } else {
                    ok = s == want;
                }
        }
        if (!ok) {
            fail(Fail.MISMATCH);
        }
    }

    /** True when another operand gives the size {@code want} to a sizeless memory operand (NASM's SM flag). */
    private boolean partnerSized(int i, int want) {
        for (int j = 0; j < ops.size(); j++) {
            AsmOperand op = ops.get(j);
            if (j == i) {
                continue;
            }
            if (op instanceof AsmOperand.Reg r && gpr(r) && r.reg().size == want && kinds.get(j).size == want) {
                return true;
            }
            if (op instanceof AsmOperand.Imm im && im.size() == want && DATA_IMM.contains(f.sem())) {
                return true;
            }
        }
        return false;
    }

    private void placeMoffs(Opnd k, AsmOperand.Mem mem) {
        int want = k.size > 0 ? k.size : m.osize;
        if (mem.size() != 0 && mem.size() != want) {
            fail(Fail.MISMATCH);
        }
        m.mem = mem;
        m.moffs = true;
    }

    private void placeImm(Opnd k, AsmOperand.Imm im) {
        int s = im.size();
        if (s != 0 && (f.sem() == Sem.ENTER || f.sem() == Sem.SHLD || f.sem() == Sem.SHRD)) {
            fail(Fail.MISMATCH); // NASM takes no size keyword on these immediates
        }
        switch (k) {
            case IMM8:
                check(s == 0 || s == 1);
                m.imms.add(new long[] {im.value(), 1});
                break;
            case IMM16:
                check(s == 0 || s == 2);
                m.imms.add(new long[] {im.value(), 2});
                break;
            case IMMV:
                check(s == 0 || s == m.osize);
                m.imms.add(new long[] {im.value(), m.osize});
                break;
            default: // SIMM8
                if (s != 1) {
                    check(s == 0 || s == m.osize);
                    if (im.strict() || !im.known() || !fitsSignedByte(im.value(), m.osize)) {
                        fail(Fail.INVALID);
                    }
                }
                m.imms.add(new long[] {im.value(), 1});
        }
    }

    private void check(boolean sizeOk) {
        if (!sizeOk) {
            fail(Fail.MISMATCH);
        }
    }

    /** Whether {@code v}, truncated to the operand size, is a sign-extended byte. */
    static boolean fitsSignedByte(long v, int osize) {
        long t = osize == 2 ? (short) v : (int) v;
        return t >= -128 && t <= 127;
    }

    private void placeRel(Opnd k, AsmOperand.Imm im) {
        int s = im.size();
        m.rel = im;
        if (k == Opnd.REL8) {
            m.relSize = 1;
            m.relForced = s == 1 || shortOnly;
            if (s != 0 && (s != 1 || shortOnly)) {
                fail(Fail.MISMATCH);
            } else if (s == 0 && !shortOnly && (im.strict() || !im.known())) {
                fail(Fail.INVALID);
            }
            return;
        }
        boolean jmpOrCall = f.sem() == Sem.JMP || f.sem() == Sem.CALL;
        check(s == 0 || s == 4 || (s == 2 && jmpOrCall));
        m.relSize = m.osize;
    }
}
