package org.xenoscope.asm.nasm;

/**
 * The value of an expression in one pass.
 *
 * <p>{@code value} is the number (an address is absolute: section base + offset, with the base as laid out after
 * the previous pass). {@code section} is null for a plain number; for a value that depends on where a section is
 * placed (a label, {@code $}) it is that section, or {@link Section#MIXED} for a combination of several. Such a
 * relocatable value is never shortened by the encoder (NASM encodes {@code push label} with a 4-byte immediate
 * even when the address is small), while the difference of two labels in one section is a plain number.
 *
 * <p>{@code unk} counts the symbols not defined yet (in the first pass: forward references), as NASM's evaluator
 * does: each such symbol adds 1, a subtraction subtracts, so {@code later1 - later2} has {@code unk} 0 and is
 * known (as 0) even in the first pass; any other operator on an unknown value gives an unknown value. This
 * quirk decides which forms NASM picks in its first pass, and so where its passes settle.
 */
record Val(long value, Section section, long unk) {
    Val(long value, Section section, boolean known) {
        this(value, section, known ? 0 : 1);
    }

    static Val num(long v) {
        return new Val(v, null, 0);
    }

    static final Val UNKNOWN = new Val(0, null, 1);

    /** True when no symbol in it is undefined (or they cancel out). */
    boolean known() {
        return unk == 0;
    }

    boolean relocatable() {
        return section != null;
    }
}
