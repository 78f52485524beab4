package org.xenoscope.asm.nasm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns parsed operands into the {@link AsmOperand}s the {@link Encoder} takes, with NASM's rules for what is
 * "known" and for effective addresses.
 *
 * <p>First pass, as NASM: an immediate that uses a symbol not defined yet is assumed small, whatever else it
 * contains (it is encoded as 0 in its short form, lengthened later if needed); a displacement that does is
 * assumed large (disp32); a branch target is assumed in reach. Later passes use the values of the pass before,
 * so nothing stays unknown but undefined symbols (reported as errors).
 *
 * <p>NASM never shortens a relocatable value (a label's address, not a difference of two labels): such an
 * immediate goes to the encoder as {@code strict} with size 4 (unless a size was written), such a displacement
 * with {@code dispSize} 4. A branch to a plain number or into another section is {@code strict} (near). A
 * branch to a label not yet seen is assumed to be in short reach (optimistic, as NASM's first pass: short form
 * first, lengthened in a later pass if the target is too far). {@code short} is size 1, {@code near} size 4.
 *
 * <p>Effective addresses (NASM's parse_mref and process_ea): registers are read in source order; the first
 * register with factor 1 is the base, the other the index (factor = scale). {@code [eax*1]} is a base;
 * {@code [eax*2]}, {@code [eax*3]}, {@code [eax*5]}, {@code [eax*9]} become {@code eax + eax*(n-1)} unless
 * {@code nosplit}; {@code esp} cannot be an index, so {@code [eax+esp]} is {@code [esp+eax]}.
 */
final class Operands {
    private Operands() {
    }

    /** The operands of one instruction at address {@code addr} in section {@code section}. */
    static List<AsmOperand> convert(Stmt.Insn insn, Eval eval, Section section, long addr) {
        boolean branch = Keywords.isRelativeBranch(insn.mnemonic());
        List<AsmOperand> out = new ArrayList<>();
        for (Stmt.Operand o : insn.operands()) {
            out.add(convert(o, eval, branch, section, addr));
        }
        return out;
    }

    /** One operand as the encoder takes it. */
    private static AsmOperand convert(Stmt.Operand o, Eval eval, boolean branch, Section section, long addr) {
        if (o instanceof Stmt.RegOpd r) {
            return new AsmOperand.Reg(r.reg());
        }
        if (o instanceof Stmt.ImmOpd i) {
            return immediate(i, eval.eval(i.value()), branch, section, addr);
        }
        if (o instanceof Stmt.FarOpd f) {
            Val sel = eval.eval(f.selector());
            Val off = eval.eval(f.offset());
            return new AsmOperand.Far(sel.value(), off.value(), sel.known() && off.known());
        }
        return memory((Stmt.MemOpd) o, eval);
    }

    /** An immediate or branch target, with NASM's rules for unknown and relocatable values (see the class comment). */
    private static AsmOperand immediate(Stmt.ImmOpd i, Val v, boolean branch, Section section, long addr) {
        if ("far".equals(i.distance())) {
            throw new SyntaxError(i.pos(), "`far' needs a memory operand or selector:offset");
        }
        int size = i.size();
        if ("short".equals(i.distance())) {
            size = 1;
        } else if ("near".equals(i.distance())) {
            size = 4;
        }
        if (branch) {
            if (!v.known()) {
                return new AsmOperand.Imm(addr, true, size, i.strict());
            }
            boolean here = v.section() == section && section != null;
            return new AsmOperand.Imm(v.value(), true, size, i.strict() || !here && size == 0);
        }
        if (!v.known()) {
            return new AsmOperand.Imm(0, true, size, i.strict());
        }
        if (v.relocatable()) {
            return new AsmOperand.Imm(v.value(), true, size == 0 ? 4 : size, true);
        }
        return new AsmOperand.Imm(v.value(), true, size, i.strict());
    }

    /** A memory operand: base, index and scale chosen as NASM chooses them (see the class comment). */
    private static AsmOperand memory(Stmt.MemOpd m, Eval eval) {
        Eval.Linear lin = eval.linear(m.address());
        Register base = null;
        Register index = null;
        long scale = 1;
        for (Map.Entry<Register, Long> e : lin.regs().entrySet()) {
            Register r = e.getKey();
            long k = e.getValue();
            if (k == 0) {
                continue;
            }
            if (r.kind != Register.Kind.GPR || r.size == 1) {
                throw new SyntaxError(m.pos(), "invalid effective address: impossible register `"
                    + r.nasmName() + "'");
            }
            if (k == 1 && base == null) {
                base = r;
            } else if (index == null) {
                index = r;
                scale = k;
            } else {
                throw new SyntaxError(m.pos(), "invalid effective address: too many registers");
            }
        }
        if (index != null && !m.nosplit()) {
            if (base == null && scale == 1) {
                base = index;
                index = null;
            } else if (base == null && (scale == 2 || scale == 3 || scale == 5 || scale == 9)) {
                base = index;
                scale--;
            }
        }
        if (index == Register.ESP && scale == 1 && base != Register.ESP) {
            Register t = base;
            base = index;
            index = t;
        }
        if (index == Register.ESP || index == Register.SP) {
            throw new SyntaxError(m.pos(), "invalid effective address: esp cannot be an index register");
        }
        if (index != null && scale != 1 && scale != 2 && scale != 4 && scale != 8) {
            throw new SyntaxError(m.pos(), "invalid effective address: scale factor " + scale
                + " (must be 1, 2, 4 or 8)");
        }
        Val d = lin.constant();
        int size = m.size() == 0 && m.far() ? 6 : m.size();
        int dispSize = d.relocatable() && m.dispSize() == 0 ? 4 : m.dispSize();
        return new AsmOperand.Mem(size, m.seg(), base, index, index == null ? 1 : (int) scale, d.value(),
            d.known(), dispSize);
    }
}
