package org.xenoscope.asm.nasm;

/**
 * A symbol as defined in one pass.
 *
 * @param name    full name ({@code main.loop})
 * @param value   its value when defined (a label: section base + offset)
 * @param section the section a label (or a label-relative constant) belongs to; null for a plain constant
 *                ({@code equ 5}, a label in {@code absolute} space)
 * @param offset  for a symbol with a section: its distance from the section's base; else its value
 * @param pos     where it is defined
 * @param label   true for a label, false for an {@code equ} constant
 */
record Sym(String name, Val value, Section section, long offset, SrcPos pos, boolean label) {
    /** A symbol whose offset is derived from {@code value} and the section's current base. */
    static Sym of(String name, Val value, Section section, SrcPos pos, boolean label) {
        long off = section == null ? value.value() : value.value() - section.base;
        return new Sym(name, value, section, off, pos, label);
    }

    /**
     * The value to use now: a section-relative symbol moves with its section's current base, so a forward
     * reference (a symbol of the previous pass) is consistent with the addresses of this pass.
     */
    Val current() {
        if (section == null) {
            return value;
        }
        return new Val(section.base + offset, value.section(), value.unk());
    }

    /** True when this and {@code o} have the same offset in the same section (the passes have converged). */
    boolean sameAs(Sym o) {
        return o != null && offset == o.offset && section == o.section && value.known() == o.value.known();
    }
}
