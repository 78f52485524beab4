package org.xenoscope.asm.nasm;

/**
 * A symbol of an assembled program, for the symbol table, the ELF {@code .symtab} and the debugger.
 *
 * @param name    full name ({@code main.loop} for a local label)
 * @param value   its value (an address for a label)
 * @param section the section a label is in, or null for a constant ({@code equ}, {@code struc} fields)
 * @param label   true for a label, false for a constant
 * @param global  true when declared {@code global}
 * @param file    file of the definition
 * @param line    line of the definition
 */
public record AsmSymbol(String name, long value, String section, boolean label, boolean global, String file,
                        int line) {
}
