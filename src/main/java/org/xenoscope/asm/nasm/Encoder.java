package org.xenoscope.asm.nasm;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xenoscope.machine.isa.InsnForm;
import org.xenoscope.machine.isa.InsnTable;
import org.xenoscope.machine.isa.Opnd;
import org.xenoscope.machine.isa.Sem;

/**
 * Encodes one instruction into machine code, choosing among the rows of the instruction table
 * ({@link org.xenoscope.machine.isa.InsnTable}) the encoding NASM chooses: the shortest one, ties broken as NASM
 * breaks them, so that output is byte-identical to {@code nasm -f bin}.
 *
 * <p>Contract of {@link #encode}: {@code mnemonic} in lower case as NASM spells it (including condition-code
 * forms like {@code jne}, {@code cmovae}, {@code setz}, and aliases NASM accepts); {@code prefixes} in source order
 * from {@code rep repe repz repne repnz lock o16 o32 a16 a32} and segment names written as prefixes
 * ({@code es cs ss ds fs gs}); {@code addr} is the address of the instruction's first byte (for relative
 * branches); code is 32-bit ({@code bits 32}). A relative branch or an immediate whose value is not
 * {@link AsmOperand.Imm#known() known} yet is encoded in its long form (rel32, imm32 rather than the
 * sign-extended byte, disp32 for a displacement not {@link AsmOperand.Mem#dispKnown() known}; LOOP and JECXZ,
 * which have only rel8, get a zero rel8), so that sizes only shrink as later passes learn the values. Throws
 * {@link EncodeException} for an invalid combination, with NASM's message where there is one.
 *
 * <p>How the front end expresses NASM keywords in {@link AsmOperand}:
 * <ul>
 *   <li>{@code short} on a branch target is {@code Imm.size == 1}; {@code near} and {@code dword} are size 4;
 *       {@code word} is size 2 (rel16 with 0x66, JMP/CALL only);</li>
 *   <li>{@code far} on a memory operand ({@code jmp far [eax]}) is {@code Mem.size == 6};</li>
 *   <li>NASM never shortens a value that is relocatable (it contains a label, not a difference of labels) nor a
 *       branch to a plain number: the front end passes such an immediate as {@code strict} (with size 4 for an
 *       immediate, without size for a branch target, which makes it near) and such a displacement with
 *       {@code dispSize == 4}; {@code $} and labels in branch targets are the normal, optimisable case;</li>
 *   <li>a memory operand is encoded as given (see {@link ModrmEncoder}): rewriting the address expression as
 *       NASM does ({@code [eax*2]} into {@code [eax+eax]} unless {@code nosplit}, {@code [ebp+ebp*3]} into
 *       {@code [ebp*4]}, an explicit {@code reg*1} as the index) is the front end's job.</li>
 * </ul>
 * Deliberate differences from NASM, both on code NASM itself gets wrong or rejects: a LOOP/JECXZ or
 * {@code short} branch to a plain-number target out of rel8 range is an error here (NASM truncates the
 * displacement silently); {@code jcc dword target} is accepted as {@code jcc near target} (the operand records
 * cannot tell {@code dword} from {@code near}; NASM rejects it).
 *
 * <p>Choice among rows: every row of the mnemonic that matches is encoded in full (with the relative
 * displacement computed from its own length); the shortest wins; on a tie the sign-extended-byte form wins
 * ({@code add ax, 1} is {@code 66 83 C0 01}, not {@code 66 05 01 00}), then table order (which lists the
 * "r/m, reg" forms first: {@code mov eax, ebx} is {@code 89 D8}). TEST and XCHG are commutative: both operand
 * orders are tried, XCHG's reversed order first ({@code xchg al, bl} is {@code 86 C3}, the first operand in
 * ModRM.reg), TEST's natural order first ({@code test eax, ebx} is {@code 85 D8}). The rows NASM cannot produce
 * (the 82 aliases of 80, TEST F6/F7 /1, SAL /6, the x87 escapes) are never used: see {@link #nasmCanEncode}.
 */
public final class Encoder {
    private static final Map<String, List<InsnForm>> BY_MNEMONIC = index();

    private Encoder() {
    }

    /** Encodes one instruction; see the class comment for the contract. */
    public static byte[] encode(String mnemonic, List<String> prefixes, List<AsmOperand> operands, long addr) {
        Prefixes p = Prefixes.parse(prefixes);
        Mnemonics.Alias alias = Mnemonics.resolve(mnemonic);
        List<InsnForm> rows = BY_MNEMONIC.get(alias.table());
        if (rows == null) {
            throw new EncodeException("parser: instruction expected");
        }
        List<AsmOperand> ops = shorthands(alias.table(), operands);
        if (alias.table().startsWith("loop") && ops.size() == 2) {
            alias = new Mnemonics.Alias(alias.table(), alias.osize(), loopCounterIsCx(ops.get(1)));
            ops = ops.subList(0, 1);
        }
        checkSegmentOverrides(prefixes, ops);
        if (alias.table().equals("pop") && ops.equals(List.of(new AsmOperand.Reg(Register.CS)))) {
            return popCs(p);
        }
        return choose(rows, ops, p, alias, addr);
    }

    /** True when {@code mnemonic} (lower case) is an instruction the encoder knows, under any NASM spelling. */
    public static boolean knows(String mnemonic) {
        return BY_MNEMONIC.containsKey(Mnemonics.resolve(mnemonic).table());
    }

    /**
     * The best encoding over all rows; when none matches only because a memory operand has no size and every
     * candidate row agrees on one size, tries again with that size (NASM's fuzzy match: {@code setc [eax]}).
     */
    private static byte[] choose(List<InsnForm> rows, List<AsmOperand> ops, Prefixes p, Mnemonics.Alias alias,
                                 long addr) {
        boolean shortOnly = rows.stream().noneMatch(r -> r.operands().contains(Opnd.RELV));
        Selection sel = select(rows, ops, p, alias, addr, shortOnly);
        if (sel.best == null && Integer.bitCount(sel.missing) == 1) {
            sel = select(rows, withMemSize(ops, Integer.numberOfTrailingZeros(sel.missing)), p, alias, addr,
                shortOnly);
        }
        if (sel.best != null) {
            return sel.best;
        }
        if (sel.fail == OperandMatcher.Fail.BAD_REPNE) {
            throw new EncodeException("repne prefix is not allowed");
        }
        if (sel.fail == OperandMatcher.Fail.MISMATCH) {
            throw new EncodeException("mismatch in operand sizes");
        }
        if (sel.missing != 0) {
            throw new EncodeException("operation size not specified");
        }
        throw new EncodeException("invalid combination of opcode and operands");
    }

    /**
     * True for the rows NASM can produce. It cannot produce: 82 /digit (an alias of 80 /digit, invalid in 64-bit
     * mode, which NASM never emits), TEST F6 /1 and F7 /1 (aliases of /0), SAL D0..C1 /6 (NASM's SAL is SHL, /4)
     * and the x87 escapes D8..DF (the table's "fpu" rows name no instruction).
     */
    static boolean nasmCanEncode(InsnForm f) {
        int op = f.opcode()[0] & 0xFF;
        boolean testAlias = f.mnemonic().equals("test") && f.ext() == 1;
        return op != 0x82 && !testAlias && !f.mnemonic().equals("sal") && !f.mnemonic().equals("fpu");
    }

    private static Map<String, List<InsnForm>> index() {
        Map<String, List<InsnForm>> m = new HashMap<>();
        for (InsnForm f : InsnTable.rows()) {
            if (nasmCanEncode(f)) {
                m.computeIfAbsent(f.mnemonic(), k -> new ArrayList<>()).add(f);
            }
        }
        return m;
    }

    /**
     * NASM still assembles the 8086's {@code pop cs} as the single byte 0F, which a 386 reads as the two-byte
     * opcode escape; the table has no such row. Kept only so that output stays identical to NASM's.
     */
    private static byte[] popCs(Prefixes p) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.emit(out, null, false, p.a16());
        out.write(0x0F);
        return out.toByteArray();
    }

    /**
     * NASM's shorthands: {@code imul reg, imm} is {@code imul reg, reg, imm}; {@code lea reg, imm} is
     * {@code lea reg, [imm]}; {@code aam} and {@code aad} without an operand use base 10.
     */
    private static List<AsmOperand> shorthands(String mnemonic, List<AsmOperand> ops) {
        if (ops.isEmpty() && (mnemonic.equals("aam") || mnemonic.equals("aad"))) {
            return List.of(new AsmOperand.Imm(10, true, 0, false));
        }
        if (ops.size() != 2 || !(ops.get(0) instanceof AsmOperand.Reg) || !(ops.get(1) instanceof AsmOperand.Imm)) {
            return ops;
        }
        AsmOperand.Imm im = (AsmOperand.Imm) ops.get(1);
        if (mnemonic.equals("imul")) {
            return List.of(ops.get(0), ops.get(0), im);
        }
        if (mnemonic.equals("lea")) {
            return List.of(ops.get(0), new AsmOperand.Mem(0, null, null, null, 1, im.value(), im.known(), 0));
        }
        return ops;
    }

    /**
     * NASM's {@code loop target, cx} / {@code loop target, ecx}: the count register picks the address size.
     * Returns true for CX (the 0x67 prefix).
     */
    private static boolean loopCounterIsCx(AsmOperand counter) {
        if (counter instanceof AsmOperand.Reg r && (r.reg() == Register.CX || r.reg() == Register.ECX)) {
            return r.reg() == Register.CX;
        }
        throw new EncodeException("invalid combination of opcode and operands");
    }

    /**
     * Two segment overrides (a prefix and one in a memory operand, or in two memory operands) conflict, even when
     * they name the same register.
     */
    private static void checkSegmentOverrides(List<String> prefixes, List<AsmOperand> ops) {
        int n = prefixes.stream().anyMatch(name -> Register.byName(name) != null) ? 1 : 0;
        for (AsmOperand o : ops) {
            n += o instanceof AsmOperand.Mem m && m.seg() != null ? 1 : 0;
        }
        if (n > 1) {
            throw new EncodeException("instruction has conflicting segment overrides");
        }
    }

    /** The operands with the (single) sizeless memory operand given {@code size}: NASM's fuzzy size match. */
    private static List<AsmOperand> withMemSize(List<AsmOperand> ops, int size) {
        List<AsmOperand> out = new ArrayList<>();
        for (AsmOperand o : ops) {
            if (o instanceof AsmOperand.Mem m && m.size() == 0) {
                o = new AsmOperand.Mem(size, m.seg(), m.base(), m.index(), m.scale(), m.disp(), m.dispKnown(),
                    m.dispSize());
            }
            out.add(o);
        }
        return out;
    }

    /** Best encoding found over all rows and operand orders, or the most telling failure. */
    private static final class Selection {
        byte[] best;
        int bestRank;
        int missing;
        OperandMatcher.Fail fail;

        void offer(byte[] b, int rank) {
            if (best == null || b.length < best.length || (b.length == best.length && rank < bestRank)) {
                best = b;
                bestRank = rank;
            }
        }

        void failed(OperandMatcher.Outcome o) {
            missing |= o.missing();
            if (fail == null || o.fail().ordinal() > fail.ordinal()) {
                fail = o.fail();
            }
        }
    }

    private static Selection select(List<InsnForm> rows, List<AsmOperand> ops, Prefixes p, Mnemonics.Alias alias,
                                    long addr, boolean shortOnly) {
        Selection sel = new Selection();
        int trial = 0;
        for (InsnForm f : rows) {
            for (List<AsmOperand> order : orders(f.mnemonic(), ops)) {
                OperandMatcher.Outcome o = OperandMatcher.match(f, order, shortOnly);
                trial++;
                if (o.match() != null && p.repne() && bndRow(o.match())) {
                    o = new OperandMatcher.Outcome(null, OperandMatcher.Fail.BAD_REPNE, 0);
                }
                if (o.match() == null) {
                    sel.failed(o);
                    continue;
                }
                byte[] b = emit(o.match(), p, alias, addr);
                if (b != null) {
                    boolean simm8 = f.operands().contains(Opnd.SIMM8);
                    sel.offer(b, (simm8 ? 0 : 1 << 16) + trial);
                }
            }
        }
        return sel;
    }

    /**
     * The rows NASM marks as taking the MPX BND prefix (F2), on which it refuses REPNE: near JMP/CALL (relative
     * and indirect), RET, and Jcc in its near form or when {@code short} was written (an automatically
     * shortened Jcc, and every short JMP, accept REPNE).
     */
    private static boolean bndRow(Match m) {
        switch (m.form.sem()) {
            case JMP: return m.relSize != 1;
            case JCC: return m.relSize != 1 || m.rel.size() == 1;
            case JMP_IND: case CALL: case CALL_IND: case RET: return true;
            default: return false;
        }
    }

    /** Operand orders to try: XCHG and TEST are commutative (see the class comment for the preferred order). */
    private static List<List<AsmOperand>> orders(String mnemonic, List<AsmOperand> ops) {
        if (ops.size() != 2 || !(mnemonic.equals("xchg") || mnemonic.equals("test"))
            || ops.get(0) instanceof AsmOperand.Imm || ops.get(1) instanceof AsmOperand.Imm) {
            return List.of(ops);
        }
        List<AsmOperand> swapped = List.of(ops.get(1), ops.get(0));
        return mnemonic.equals("xchg") ? List.of(swapped, ops) : List.of(ops, swapped);
    }

    /**
     * The bytes of a matched row at address {@code addr}, or null when its rel8 cannot reach the target (a
     * longer form will); throws "short jump is out of range" when rel8 was the only choice.
     */
    private static byte[] emit(Match m, Prefixes p, Mnemonics.Alias alias, long addr) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16);
        InsnForm f = m.form;
        boolean a16 = m.mem != null ? ModrmEncoder.addr16(m.mem, p) : p.a16() || alias.a16();
        boolean wait = f.sem() == Sem.FWAIT;
        if (wait) {
            out.write(0x9B); // NASM emits WAIT as a prefix, ahead of all others (es fwait = 9B 26)
        }
        p.emit(out, m.mem != null ? m.mem.seg() : null, m.o16 || alias.osize() == 2, a16);
        if (f.has(InsnForm.A_F3)) {
            out.write(0xF3); // part of PAUSE's opcode, after the prefixes (rep pause = F3 F3 90)
        }
        byte[] op = f.opcode();
        if (!wait) {
            out.write(op, 0, op.length - 1);
            out.write((op[op.length - 1] & 0xFF) + Math.max(m.plusReg, 0));
        }
        if (f.hasModrm()) {
            int reg = f.ext() == InsnForm.EXT_REG ? m.reg : f.ext();
            if (m.rmReg >= 0) {
                ModrmEncoder.register(out, reg, m.rmReg);
            } else {
                ModrmEncoder.memory(out, m.mem, reg, a16);
            }
        }
        if (m.moffs) {
            ModrmEncoder.moffs(out, m.mem, a16);
        }
        for (long[] imm : m.imms) {
            le(out, imm[0], (int) imm[1]);
        }
        return m.rel == null ? out.toByteArray() : withRel(out, m, addr);
    }

    /** Appends the relative displacement {@code target - (addr + length)}. */
    private static byte[] withRel(ByteArrayOutputStream out, Match m, long addr) {
        long disp = m.rel.value() - (addr + out.size() + m.relSize);
        if (!m.rel.known()) {
            disp = 0;
        } else if (m.relSize == 1 && (disp < -128 || disp > 127)) {
            if (m.relForced) {
                throw new EncodeException("short jump is out of range");
            }
            return null;
        }
        le(out, disp, m.relSize);
        return out.toByteArray();
    }

    /** Writes the low {@code n} bytes of {@code v}, little-endian. */
    static void le(ByteArrayOutputStream out, long v, int n) {
        for (int i = 0; i < n; i++) {
            out.write((int) (v >>> (8 * i)) & 0xFF);
        }
    }
}
