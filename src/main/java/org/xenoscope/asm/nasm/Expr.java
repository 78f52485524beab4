package org.xenoscope.asm.nasm;

/**
 * An expression as parsed, evaluated in every pass by {@link Eval}. Names are already qualified: a local label
 * {@code .loop} after {@code main:} is {@link Sym} {@code main.loop}.
 */
sealed interface Expr {
    /** Where the expression (or this part of it) starts. */
    SrcPos pos();

    /** An integer constant. */
    record Num(long value, SrcPos pos) implements Expr {
    }

    /** A quoted string: a character constant inside an expression, a byte string as a data item. */
    record Str(byte[] bytes, SrcPos pos) implements Expr {
    }

    /** A floating-point constant; only valid as a whole {@code dd}/{@code dq} item (optionally negated). */
    record Flt(String text, boolean negative, SrcPos pos) implements Expr {
    }

    /** A symbol reference: a label, an {@code equ} constant, or {@code section.NAME.start}. */
    record Sym(String name, SrcPos pos) implements Expr {
    }

    /** A register; only valid inside a memory operand, where it is a base or scaled index. */
    record Reg(Register reg, SrcPos pos) implements Expr {
    }

    /** {@code $} (start of this line) or, with {@code sectionStart}, {@code $$} (start of the section). */
    record Here(boolean sectionStart, SrcPos pos) implements Expr {
    }

    /** {@code - + ~ !} applied to an operand. */
    record Unary(String op, Expr operand, SrcPos pos) implements Expr {
    }

    /** A binary operator; {@code op} as written ({@code //} signed division, {@code %%} signed remainder...). */
    record Binary(String op, Expr left, Expr right, SrcPos pos) implements Expr {
    }
}
