/**
 * Turning text and files into guest machine code: the assembler (NASM syntax subset), the disassembler, and, in
 * {@link org.xenoscope.asm.elf}, the ELF32 / multiboot loader.
 *
 * <p>Invariants:
 * <ul>
 *   <li>Depends on {@code org.xenoscope.machine} only (never on {@code xen}, {@code gui} or {@code cli}).</li>
 *   <li>Every problem with the user's input surfaces as a {@link org.xenoscope.asm.BadInputException}: one line,
 *       {@code file: message} or {@code file:line: message}, no stack trace. No other exception type escapes for
 *       malformed input.</li>
 * </ul>
 */
package org.xenoscope.asm;
