package org.xenoscope.asm.nasm;

/**
 * A symbol as defined in one pass.
 *
 * @param name    full name ({@code main.loop})
 * @param value   its value (a label: section base + offset)
 * @param section the section of a label, null for a constant ({@code equ}, a label in {@code absolute} space)
 * @param pos     where it is defined
 * @param label   true for a label, false for an {@code equ} constant
 */
record Sym(String name, Val value, Section section, SrcPos pos, boolean label) {
    /** True when this and {@code o} have the same value in the same section (the passes have converged). */
    boolean sameAs(Sym o) {
        return o != null && value.value() == o.value.value() && section == o.section
            && value.known() == o.value.known();
    }
}
