package org.xenoscope.asm.nasm;

/**
 * The value of an expression in one pass.
 *
 * <p>{@code value} is the number (an address is absolute: section base + offset, with the base as laid out after
 * the previous pass). {@code section} is null for a plain number; for a value that depends on where a section is
 * placed (a label, {@code $}) it is that section, or {@link Section#MIXED} for a combination of several. Such a
 * relocatable value is never shortened by the encoder (NASM encodes {@code push label} with a 4-byte immediate
 * even when the address is small), while the difference of two labels in one section is a plain number.
 * {@code known} is false when a symbol it uses is not defined yet in this pass.
 */
record Val(long value, Section section, boolean known) {
    static Val num(long v) {
        return new Val(v, null, true);
    }

    static final Val UNKNOWN = new Val(0, null, false);

    boolean relocatable() {
        return section != null;
    }
}
