package org.xenoscope.asm.nasm;

import java.util.ArrayList;
import java.util.List;
import org.xenoscope.machine.isa.InsnForm;

/**
 * One table row matched against the operands: the field values the row's encoding needs, ready to be emitted.
 *
 * <pre>
 *   [prefixes] opcode(+plusReg) [ModRM(reg, rmReg | mem) [SIB] [disp]] [moffs] [immediates...] [rel]
 * </pre>
 */
final class Match {
    /** The matched row. */
    final InsnForm form;
    /** Operand size of a word/dword row (2 or 4); 0 for rows with fixed sizes only. */
    int osize;
    /** The operands imply the 0x66 prefix. */
    boolean o16;
    /** ModRM.reg: the /digit, or the register operand's number; -1 without ModRM. */
    int reg = -1;
    /** Register in ModRM.rm (mod 11), or -1. */
    int rmReg = -1;
    /** Memory operand (ModRM or moffs), or null. */
    AsmOperand.Mem mem;
    /** The memory operand is a moffs (absolute offset after the opcode, no ModRM). */
    boolean moffs;
    /** Register added to the last opcode byte ("+r"), or -1. */
    int plusReg = -1;
    /** Immediates in encoding order: value, then size in bytes. */
    final List<long[]> imms = new ArrayList<>();
    /** Relative branch target, or null. */
    AsmOperand.Imm rel;
    /** Size of the relative displacement: 1, 2 or 4. */
    int relSize;
    /** The short form was asked for explicitly ({@code short}): out of range is an error, not a fallback. */
    boolean relForced;

    Match(InsnForm form) {
        this.form = form;
    }
}
