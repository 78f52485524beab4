package org.xenoscope.asm.disasm;

import static org.xenoscope.asm.disasm.IntelNames.hex;
import static org.xenoscope.asm.disasm.IntelNames.mask;
import static org.xenoscope.asm.disasm.IntelNames.ptr;
import static org.xenoscope.asm.disasm.IntelNames.reg;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.xenoscope.machine.cpu.Insn;
import org.xenoscope.machine.isa.InsnForm;
import org.xenoscope.machine.isa.Opnd;
import org.xenoscope.machine.isa.Sem;

/**
 * Prints one decoded instruction in Intel syntax as objdump prints it. The table row ({@link InsnForm}) gives the
 * mnemonic and the operand kinds in Intel order; the decoded {@link Insn} gives registers, the memory operand and
 * immediates; the raw bytes give only what the decoder does not keep: the prefix bytes in order, and the ModRM and
 * SIB bytes (which displacement and index forms were written).
 *
 * <p>Prefixes follow objdump's rule: a prefix that an operand or the mnemonic "uses" is not printed (the 0x66 that
 * makes {@code ax} out of {@code eax}, the segment override shown as {@code fs:[eax]}); every other prefix is
 * printed as a word before the mnemonic ({@code data16}, {@code addr16}, {@code cs}, {@code lock}, {@code rep}).
 * One instance prints one instruction.
 */
final class InsnPrinter {
    private final Insn i;
    private final InsnForm f;
    private final byte[] code;
    private final int address;
    private final SymbolTable symbols;

    private final int prefixLen;
    private final int segPrefix;
    /**
     * A DS prefix on an indirect near JMP/CALL makes objdump read the last segment prefix as the CET "notrack"
     * hint, not as a segment override.
     */
    private final boolean notrack;
    private final boolean o16;
    private final boolean a16;
    private final int vsize;

    private boolean usedOsize;
    private boolean usedAsize;
    private boolean usedSeg;
    private boolean usedRep;
    private OptionalInt target = OptionalInt.empty();

    /** {@code code} holds exactly the instruction's bytes, decoded into {@code i}, placed at {@code address}. */
    InsnPrinter(Insn i, byte[] code, int address, SymbolTable symbols) {
        this.i = i;
        this.f = i.form;
        this.code = code;
        this.address = address;
        this.symbols = symbols;
        int n = 0;
        int seg = -1;
        boolean ds = false;
        while (IntelNames.isPrefix(code[n] & 0xFF)) {
            int s = IntelNames.segmentOf(code[n] & 0xFF);
            seg = s >= 0 ? s : seg;
            ds |= s == 3;
            n++;
        }
        this.prefixLen = n;
        this.notrack = ds && (f.sem() == Sem.JMP_IND || f.sem() == Sem.CALL_IND);
        this.segPrefix = notrack ? -1 : seg;
        this.o16 = (i.prefixes & Insn.P_OSIZE) != 0;
        this.a16 = i.asize == 2;
        this.vsize = o16 ? 2 : 4;
    }

    /** The instruction as a {@link DisasmInsn}. */
    DisasmInsn print() {
        List<String> ops = new ArrayList<>();
        String mnemonic = switch (f.sem()) {
            case MOVS, STOS, LODS, CMPS, SCAS, INS, OUTS -> stringOp(ops);
            case XLAT -> xlat(ops);
            default -> f.mnemonic().startsWith("hint_nop") ? hintNop(ops) : general(ops);
        };
        String words = prefixWords() + mnemonic;
        return new DisasmInsn(address, code, words, String.join(",", ops), target, true);
    }

    /** Mnemonic of an ordinary row; appends its operands. */
    private String general(List<String> ops) {
        if (isXchgAxAx()) {
            usedOsize = true;
            ops.add("ax");
            ops.add("ax");
            return "xchg";
        }
        int slot = 0;
        for (Opnd o : f.operands()) {
            String s = operand(o, slot);
            if (takesSlot(o)) {
                slot++;
            }
            ops.add(s);
        }
        return spelling(f.mnemonic());
    }

    /**
     * A reserved NOP (hint_nop*) as objdump prints it: {@code nop} with its r/m operand, except for the newer
     * instructions binutils decodes in that space: CLDEMOTE (0F 1C /0 with memory and no 66, F2 or F3 prefix),
     * and when the last of F2/F3 is F3, RDSSPD r32 (F3 0F 1E /1, register) and ENDBR32/ENDBR64 (F3 0F 1E FB/FA).
     * A 0x66 is shown as {@code data16} (though it still sizes the operand) in 0F 1C next to an F2 or F3, and in
     * 0F 1E when the last of F2/F3 is F3.
     */
    private String hintNop(List<String> ops) {
        int op = f.opcode()[1] & 0xFF;
        int modrm = code[modrmPos()] & 0xFF;
        boolean reg = modrm >>> 6 == 3;
        boolean rep = lastIndexOf(0xF3) >= 0 || lastIndexOf(0xF2) >= 0;
        boolean f3 = lastIndexOf(0xF3) > lastIndexOf(0xF2);
        if (op == 0x1E && f3 && (modrm == 0xFA || modrm == 0xFB)) {
            usedRep = true;
            return modrm == 0xFB ? "endbr32" : "endbr64";
        }
        if (op == 0x1E && f3 && reg && f.ext() == 1) {
            usedRep = true;
            ops.add(reg(4, modrm & 7));
            return "rdsspd";
        }
        if (op == 0x1C && f.ext() == 0 && !reg && !rep && lastIndexOf(0x66) < 0) {
            ops.add(ptr(1) + memory());
            return "cldemote";
        }
        String m = general(ops);
        if (op == 0x1C ? rep : op == 0x1E && f3) {
            usedOsize = false;
        }
        return m;
    }

    /** objdump's spelling of a table mnemonic, which may depend on the operand and address size. */
    private String spelling(String m) {
        switch (m) {
            case "sal":
                return "shl";
            case "cwde":
                usedOsize = true;
                return o16 ? "cbw" : m;
            case "cdq":
                usedOsize = true;
                return o16 ? "cwd" : m;
            case "pusha": case "popa": case "pushf": case "popf": case "iret": case "leave": case "ret": case "retf":
            case "enter":
                return osizeSuffix(m, "");
            case "lgdt": case "sgdt": case "lidt": case "sidt":
                return osizeSuffix(m, "d");
            case "jecxz":
                usedAsize = true;
                return a16 ? "jcxz" : m;
            case "push": case "pop":
                return first() == Opnd.RMV || first() == Opnd.ZRV ? m : osizeSuffix(m, "");
            case "jmp": case "call":
                return first() == Opnd.RELV ? osizeSuffix(m, "") : m;
            case "pause":
                usedRep = true;
                return m;
            default:
                return m.startsWith("hint_nop") ? "nop" : m; // objdump names the reserved NOPs nop too
        }
    }

    /** {@code m} + "w" with a 0x66 prefix, else {@code m} + {@code dwordSuffix}; the prefix counts as used. */
    private String osizeSuffix(String m, String dwordSuffix) {
        usedOsize = true;
        return m + (o16 ? "w" : dwordSuffix);
    }

    private Opnd first() {
        return f.operands().isEmpty() ? null : f.operands().get(0);
    }

    /** 66 90 is printed as {@code xchg ax,ax}: the table's 90 row is NOP, which ignores the operand size. */
    private boolean isXchgAxAx() {
        return o16 && f.sem() == Sem.NOP && !f.hasModrm() && !f.has(InsnForm.A_F3);
    }

    /** Operands the decoder counts as A and B (in {@link Insn#a}, {@link Insn#b}). */
    private static boolean takesSlot(Opnd o) {
        return o.isModrmRm() || o == Opnd.R8 || o == Opnd.R16 || o == Opnd.R32 || o == Opnd.RV || o == Opnd.ZR8
            || o == Opnd.ZRV || o == Opnd.AL || o == Opnd.EAXV || o == Opnd.MOFFS8 || o == Opnd.MOFFSV;
    }

    /** One operand of kind {@code o}; {@code slot} is 0 for the decoder's operand A, 1 for B. */
    private String operand(Opnd o, int slot) {
        int r = slot == 0 ? i.a : i.b;
        switch (o) {
            case RM8: case RM16: case RM32: case RMV: case M: case MFAR: case M64:
                return rmOperand(o, r);
            case R8: case ZR8: case AL:
                return reg(1, r);
            case R16:
                return reg(2, r);
            case R32:
                return reg(4, r);
            case RV: case ZRV: case EAXV:
                usedOsize = true;
                return reg(vsize, r);
            case MOFFS8: case MOFFSV:
                return segmentName() + ":" + hex(i.disp & (a16 ? 0xFFFF : -1));
            case SREG:
                return IntelNames.SREG[i.modrmReg];
            case CREG:
                return "cr" + i.modrmReg;
            case DREG:
                return "dr" + i.modrmReg;
            case CL:
                return "cl";
            case DX:
                return "dx";
            case ONE:
                return "1";
            case REL8: case RELV:
                return branchTarget(o);
            case PTR:
                usedOsize = true;
                return hex(i.imm2 & 0xFFFF) + ":" + hex(i.imm & mask(vsize));
            default:
                return o.fixedSreg() >= 0 ? IntelNames.SREG[o.fixedSreg()] : immediate(o);
        }
    }

    /** An immediate: unsigned hex, a sign-extended byte masked to the operand size as objdump shows it. */
    private String immediate(Opnd o) {
        if (f.sem() == Sem.ENTER) {
            return o == Opnd.IMM16 ? hex(i.imm & 0xFFFF) : hex(i.imm2 & 0xFF);
        }
        return switch (o) {
            case IMM8 -> hex(i.imm & 0xFF);
            case IMM16 -> hex(i.imm & 0xFFFF);
            default -> { // IMMV, SIMM8
                usedOsize = true;
                yield hex(i.imm & mask(vsize));
            }
        };
    }

    /**
     * A relative branch target: {@code 0x1234} without symbols, {@code 100010 <main+0x4>} with them. A 16-bit
     * displacement (0x66 prefix) wraps the target to 16 bits, as the CPU does; a byte displacement ignores 0x66.
     */
    private String branchTarget(Opnd o) {
        int t = address + code.length + i.imm;
        if (o == Opnd.RELV) {
            usedOsize = true;
            if (o16) {
                t &= 0xFFFF;
            }
        }
        target = OptionalInt.of(t);
        return symbols.formatAddress(t);
    }

    /** A ModRM r/m operand: a register of the operand's size, or a memory reference with objdump's size marker. */
    private String rmOperand(Opnd o, int r) {
        if ((code[modrmPos()] & 0xFF) >>> 6 == 3 || f.has(InsnForm.A_REG_ONLY)) {
            if (f.sem() == Sem.FPU) {
                return "st(" + r + ")";
            }
            return reg(regSize(o), r);
        }
        return ptr(memSize(o)) + memory();
    }

    /**
     * Register size of a register-form r/m operand; MOV Sreg, LAR and LSL show the selector register at the
     * operand size, as objdump does.
     */
    private int regSize(Opnd o) {
        if (o == Opnd.RMV || (o == Opnd.RM16 && (f.sem() == Sem.MOV_TO_SREG || f.sem() == Sem.LAR
            || f.sem() == Sem.LSL))) {
            usedOsize = true;
            return vsize;
        }
        return o.size;
    }

    /** Size (for the PTR marker) of a memory r/m operand; 0 for none. */
    private int memSize(Opnd o) {
        switch (o) {
            case RMV:
                if (f.sem() == Sem.SLDT || f.sem() == Sem.STR || f.sem() == Sem.SMSW || f.sem() == Sem.MOV_FROM_SREG) {
                    return 2; // stores a selector or the MSW: always a word in memory
                }
                if (f.sem() == Sem.FPU) {
                    return 0;
                }
                usedOsize = true;
                return vsize;
            case M:
                if (f.sem() == Sem.BOUND) {
                    usedOsize = true;
                    return o16 ? 4 : 8; // the pair of bounds
                }
                return f.sem() == Sem.INVLPG ? 1 : 0;
            case MFAR:
                usedOsize = true;
                return o16 ? 4 : 6;
            default:
                return o.size;
        }
    }

    private int modrmPos() {
        return prefixLen + f.opcode().length;
    }

    /** The memory operand of the ModRM byte: {@code [ebx+esi*4+0x10]}, {@code fs:[eax]}, {@code ds:0x1234}. */
    private String memory() {
        usedAsize = true;
        int modrm = code[modrmPos()] & 0xFF;
        int mod = modrm >>> 6;
        int rm = modrm & 7;
        String seg = segPrefix >= 0 ? segmentName() + ":" : "";
        if (a16) {
            if (mod == 0 && rm == 6) {
                return segmentName() + ":" + hex(i.disp & 0xFFFF);
            }
            return seg + "[" + IntelNames.INDEX16[rm] + (mod != 0 ? IntelNames.signedHex(i.disp) : "") + "]";
        }
        boolean sib = rm == 4;
        int sibByte = sib ? code[modrmPos() + 1] & 0xFF : 0;
        int baseField = sib ? sibByte & 7 : rm;
        boolean haveBase = i.base >= 0;
        boolean haveIndex = i.index >= 0;
        boolean needIndex = sib && !haveBase && !haveIndex;
        if (!haveBase && !haveIndex && !needIndex) {
            return segmentName() + ":" + hex(i.disp);
        }
        StringBuilder sb = new StringBuilder(seg).append('[');
        if (haveBase) {
            sb.append(IntelNames.REG32[i.base]);
        }
        // objdump shows a SIB byte that names no index as "eiz" unless it is the one [esp] needs
        if (sib && (i.scale != 0 || needIndex || haveIndex || (haveBase && baseField != 4))) {
            sb.append(haveBase ? "+" : "").append(haveIndex ? IntelNames.REG32[i.index] : "eiz")
                .append('*').append(1 << i.scale);
        }
        if (i.disp != 0 || mod != 0 || baseField == 5) {
            sb.append(IntelNames.signedHex(i.disp));
        }
        return sb.append(']').toString();
    }

    /** The segment of a memory operand: the override (now counted as used), or DS. */
    private String segmentName() {
        if (segPrefix >= 0) {
            usedSeg = true;
            return IntelNames.SREG[segPrefix];
        }
        return "ds";
    }

    /** MOVS..OUTS as objdump shows them: the implicit operands spelled out, {@code es:[edi]} and {@code ds:[esi]}. */
    private String stringOp(List<String> ops) {
        usedAsize = true;
        int size = f.has(InsnForm.A_BYTE) ? 1 : vsize;
        usedOsize |= size != 1;
        String dst = ptr(size) + "es:[" + (a16 ? "di" : "edi") + "]";
        String acc = reg(size, 0);
        switch (f.sem()) {
            case MOVS -> { ops.add(dst); ops.add(source(size)); }
            case STOS -> { ops.add(dst); ops.add(acc); }
            case LODS -> { ops.add(acc); ops.add(source(size)); }
            case CMPS -> { ops.add(source(size)); ops.add(dst); }
            case SCAS -> { ops.add(acc); ops.add(dst); }
            case INS -> { ops.add(dst); ops.add("dx"); }
            default -> { ops.add("dx"); ops.add(source(size)); } // OUTS
        }
        String m = f.mnemonic();
        return m.substring(0, m.length() - 1); // movsb, movsd -> movs
    }

    /** The source operand of a string instruction: DS:[eSI] or the override. */
    private String source(int size) {
        return ptr(size) + segmentName() + ":[" + (a16 ? "si" : "esi") + "]";
    }

    private String xlat(List<String> ops) {
        usedAsize = true;
        ops.add(ptr(1) + segmentName() + ":[" + (a16 ? "bx" : "ebx") + "]");
        return "xlat";
    }

    /**
     * The prefix bytes that no operand used, as words in byte order, each followed by a space. Of repeated
     * prefixes of one kind only the last can be used, and only the last F3 or F2 gets a special name: F3 is
     * {@code rep} on the REP string instructions and {@code repz} elsewhere; F2 is {@code bnd} on near branches
     * (MPX) and {@code repnz} elsewhere; both are {@code xrelease}/{@code xacquire} on lock-elision writes
     * (F3 only when no F2 follows it).
     */
    private String prefixWords() {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < prefixLen; k++) {
            int b = code[k] & 0xFF;
            boolean last = lastIndexOf(b) == k;
            String word = switch (b) {
                case 0xF0 -> "lock";
                case 0xF3 -> usedRep && last ? null : !last ? "repz"
                    : hle(true) && k > lastIndexOf(0xF2) ? "xrelease"
                    : f.has(InsnForm.A_REP) ? "rep" : "repz";
                case 0xF2 -> !last ? "repnz" : hle(false) ? "xacquire" : isNearBranch() ? "bnd" : "repnz";
                case 0x66 -> usedOsize && last ? null : "data16";
                case 0x67 -> usedAsize && last ? null : "addr16";
                default -> lastSegmentIndex() != k ? IntelNames.prefixName(b) : notrack ? "notrack"
                    : usedSeg ? null : IntelNames.prefixName(b);
            };
            if (word != null) {
                sb.append(word).append(' ');
            }
        }
        return sb.toString();
    }

    private int lastIndexOf(int b) {
        int last = -1;
        for (int k = 0; k < prefixLen; k++) {
            if ((code[k] & 0xFF) == b) {
                last = k;
            }
        }
        return last;
    }

    private int lastSegmentIndex() {
        int last = -1;
        for (int k = 0; k < prefixLen; k++) {
            if (IntelNames.segmentOf(code[k] & 0xFF) >= 0) {
                last = k;
            }
        }
        return last;
    }

    /**
     * True when F3 ({@code release}) or F2 is a hardware lock elision hint, which objdump names xrelease and
     * xacquire: on a locked (or implicitly locked XCHG) write to memory, and F3 on a MOV store to memory.
     */
    private boolean hle(boolean release) {
        if (!i.isMemA()) {
            return false;
        }
        boolean locked = f.has(InsnForm.A_LOCK) && (lastIndexOf(0xF0) >= 0 || f.sem() == Sem.XCHG);
        int op = f.opcode()[0] & 0xFF;
        boolean movStore = op == 0x88 || op == 0x89 || op == 0xC6 || op == 0xC7;
        return locked || (release && movStore);
    }

    private boolean isNearBranch() {
        return switch (f.sem()) {
            case JMP, CALL, JCC, RET, JMP_IND, CALL_IND -> true;
            default -> false;
        };
    }
}
