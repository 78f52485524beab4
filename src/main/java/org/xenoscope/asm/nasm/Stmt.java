package org.xenoscope.asm.nasm;

import java.util.List;
import java.util.Map;

/**
 * One parsed line: an optional label, an optional {@code times} count, and an operation (null when the line only
 * defines a label or failed to parse after its label).
 *
 * @param index    position in the program (statements are numbered in order)
 * @param line     the preprocessed line it came from
 * @param label    the label's full name ({@code .loop} after {@code main} is {@code main.loop}), or null
 * @param labelTok the label token (for messages), or null
 * @param times    the {@code times} count, or null
 * @param op       the operation, or null
 */
record Stmt(int index, PLine line, String label, Token labelTok, Expr times, Op op) {
    /** What a line does. */
    sealed interface Op {
        /** The token naming the operation (for messages). */
        Token tok();
    }

    /** An instruction with its prefixes ({@code rep}, {@code lock}, {@code o16}, segment names). */
    record Insn(List<String> prefixes, String mnemonic, Token tok, List<Operand> operands) implements Op {
    }

    /** {@code db/dw/dd/dq/dt/do}: items are expressions, strings ({@link Expr.Str}), floats, or null for ?. */
    record Data(int unit, List<Expr> items, Token tok) implements Op {
    }

    /** {@code resb/resw/resd/resq/rest/reso count}. */
    record Reserve(int unit, Expr count, Token tok) implements Op {
    }

    /** {@code label equ value}. */
    record Equ(Expr value, Token tok) implements Op {
    }

    /** {@code section NAME [attributes]}: attribute name to value (1 for a flag word). */
    record SectionOp(String name, Map<String, Long> attrs, Token tok) implements Op {
    }

    /** {@code org address}. */
    record Org(Expr value, Token tok) implements Op {
    }

    /** {@code bits N} / {@code use32}. */
    record Bits(long bits, Token tok) implements Op {
    }

    /** {@code align N[, fill]} (fill null: NOPs) or {@code alignb N} (reserve). */
    record Align(Expr boundary, Stmt fill, boolean reserve, Token tok) implements Op {
    }

    /** {@code incbin "file"[, skip[, length]]}; data is null when the file could not be read. */
    record Incbin(String file, byte[] data, Expr skip, Expr length, Token tok) implements Op {
    }

    /** {@code struc NAME}. */
    record Struc(String name, Token tok) implements Op {
    }

    /** {@code endstruc}. */
    record EndStruc(Token tok) implements Op {
    }

    /** {@code istruc NAME}. */
    record Istruc(String name, Token tok) implements Op {
    }

    /** {@code at FIELD, data...}. */
    record At(Expr field, Stmt inner, Token tok) implements Op {
    }

    /** {@code iend}. */
    record Iend(Token tok) implements Op {
    }

    /** {@code absolute address}. */
    record Absolute(Expr address, Token tok) implements Op {
    }

    /** {@code global names...}. */
    record Global(List<Token> names, Token tok) implements Op {
    }

    /** A directive without effect here ({@code cpu}, {@code default}, {@code extern}...). */
    record Ignored(Token tok) implements Op {
    }

    /** An instruction operand as written. */
    sealed interface Operand {
        SrcPos pos();
    }

    /** A register. */
    record RegOpd(Register reg, SrcPos pos) implements Operand {
    }

    /** An immediate or branch target, with its keywords ({@code byte}, {@code strict}, {@code short}...). */
    record ImmOpd(Expr value, int size, boolean strict, String distance, SrcPos pos) implements Operand {
    }

    /** {@code size [seg: address]}, {@code dispSize} from {@code [byte ...]}, {@code far} for far indirect. */
    record MemOpd(int size, Register seg, Expr address, int dispSize, boolean nosplit, boolean far, SrcPos pos)
        implements Operand {
    }

    /** {@code selector:offset}. */
    record FarOpd(Expr selector, Expr offset, SrcPos pos) implements Operand {
    }
}
