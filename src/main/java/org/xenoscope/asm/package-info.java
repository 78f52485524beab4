/**
 * The toolchain: an assembler for a subset of NASM syntax, a disassembler, and the loader for ELF32 and
 * multiboot-1 kernel images (in {@link org.xenoscope.asm.elf}).
 *
 * <p>Invariants: this package sits directly on the machine and knows nothing of Xen or the front ends (enforced
 * by {@code ArchitectureTest}). The assembler and disassembler take their encodings from the instruction table in
 * {@link org.xenoscope.machine.isa}, never from tables of their own. Bad input (a malformed ELF file, an unknown
 * mnemonic) is reported as one line, {@code file: message} or {@code file:line: message}, through a
 * {@link org.xenoscope.asm.BadInputException}, never as a stack trace; no other exception type escapes for
 * malformed input, except that the assembler reports all the errors of a source at once in one
 * {@link org.xenoscope.asm.nasm.AsmErrors} (which {@code toBadInput()} turns into the one-line form). Output is
 * deterministic: the same source gives the same bytes.
 */
package org.xenoscope.asm;
