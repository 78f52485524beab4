package org.xenoscope.machine.cpu;

import org.xenoscope.machine.isa.InsnForm;
import org.xenoscope.machine.isa.Sem;

/**
 * One decoded instruction, cached by the CPU per physical page and executed many times. Decoding resolves the
 * table row's operand kinds into the few shapes executors need:
 *
 * <pre>
 *   operand "A" = the first register-or-memory operand, "B" = the second one or the immediate.
 *   kind      A          B
 *   K_R       r[a]       -
 *   K_M       memory     -
 *   K_I       -          imm
 *   K_RR      r[a]       r[b]
 *   K_RM      r[a]       memory
 *   K_MR      memory     r[b]
 *   K_RI      r[a]       imm
 *   K_MI      memory     imm
 * </pre>
 *
 * Memory operands are seg:[base + index << scale + disp] (base/index -1 when absent). Fixed operands (CL counts,
 * DX ports, segment/control/debug register numbers) are in their own fields. Immutable once decoded.
 */
public final class Insn {
    public static final int K_NONE = 0;
    public static final int K_R = 1;
    public static final int K_M = 2;
    public static final int K_I = 3;
    public static final int K_RR = 4;
    public static final int K_RM = 5;
    public static final int K_MR = 6;
    public static final int K_RI = 7;
    public static final int K_MI = 8;

    /** Prefix bits. */
    public static final int P_REP = 1;
    public static final int P_REPNE = 2;
    public static final int P_LOCK = 4;
    public static final int P_OSIZE = 8;
    public static final int P_ASIZE = 16;
    public static final int P_SEG = 32;

    public InsnForm form;
    public Sem sem;
    public int len;
    /** Operand size in bytes: 1, 2, 4 (8 for CMPXCHG8B). */
    public int osize;
    /** Address size in bytes: 4, or 2 with the 0x67 prefix. */
    public int asize;
    /** Source size for MOVZX/MOVSX (1 or 2). */
    public int ssize;
    public int prefixes;
    public int kind;
    /** Register number of operand A / operand B (8-bit numbering for byte operands: AL CL DL BL AH CH DH BH). */
    public int a;
    public int b;
    public int seg;
    public int base = -1;
    public int index = -1;
    /**
     * The same base and index for the executor's branch-free address arithmetic: register numbers, with
     * {@link Cpu#ZERO} (a register that always holds 0) where {@link #base}/{@link #index} are -1.
     */
    public int eaBase = Cpu.ZERO;
    public int eaIndex = Cpu.ZERO;
    /** 0xFFFF with a 16-bit address size, else all ones. */
    public int eaMask = -1;
    public int scale;
    public int disp;
    public int imm;
    /** Second immediate: ENTER's nesting level, a far pointer's selector. */
    public int imm2;
    /** Condition code (low nibble of Jcc/SETcc/CMOVcc). */
    public int cc;
    /** ModRM.reg field: a segment, control or debug register number, or the opcode extension. */
    public int modrmReg;
    /** Shift count comes from CL. */
    public boolean countCl;
    /** I/O port comes from DX. */
    public boolean portDx;
    /** Privileged instruction (CPL 0 only). */
    public boolean priv;
    /** A specialised handler number from {@link FastOps}, or 0 for the general executor. */
    public int fast;

    public boolean isMemA() {
        return kind == K_M || kind == K_MR || kind == K_MI;
    }

    public boolean hasMem() {
        return kind == K_M || kind == K_MR || kind == K_MI || kind == K_RM;
    }

    @Override
    public String toString() {
        return form.mnemonic() + " (len " + len + ", kind " + kind + ")";
    }
}
