/**
 * The assembler for a subset of NASM syntax: students write guest kernels in assembly inside Xenoscope, without a
 * toolchain. {@link org.xenoscope.asm.nasm.Assembler} is the entry point; it produces a flat binary (as
 * {@code nasm -f bin}) or a static i386 ELF executable (what {@code nasm -f elf32} plus {@code ld} would make),
 * with a listing and a symbol table ({@link org.xenoscope.asm.nasm.Assembly}).
 *
 * <p>Pipeline: {@code Lexer} (tokens) → {@code Preprocessor} with {@code PpDirectives} and {@code Macros}
 * ({@code %include %define %macro %if %rep}) → {@code Parser} with {@code ExprParser} and {@code OperandParser}
 * (statements) → {@code Pass} with {@code Directives}, {@code Structures}, {@code Operands} and the
 * {@link org.xenoscope.asm.nasm.Encoder} (bytes), repeated until labels stop moving, {@code Layout} between
 * passes → {@code Output} and {@code ElfWriter}.
 *
 * <p>Invariants:
 * <ul>
 *   <li>Every input problem is reported as an {@link org.xenoscope.asm.nasm.AsmError}
 *       ({@code file:line:column: message}, the source line and a caret), all of them together in one
 *       {@link org.xenoscope.asm.nasm.AsmErrors}; no other exception type leaves
 *       {@link org.xenoscope.asm.nasm.Assembler} (an internal bug becomes an error "internal error: ...").
 *       An error in an {@code %include}d file or a macro body is blamed on that file and line.</li>
 *   <li>Output is byte-identical to {@code nasm -f bin} for the supported syntax, and deterministic.</li>
 *   <li>Every loop is bounded: macro expansion, {@code %rep}, include depth, the number of passes and the
 *       output size all have limits, so no input makes the assembler hang or exhaust memory.</li>
 *   <li>The preprocessor runs once; passes only re-evaluate parsed statements, so macros cannot see labels.</li>
 * </ul>
 *
 * SIMPLIFICATION: only 32-bit code ({@code bits 32}); no object files, linking, {@code extern} or relocations;
 * no context stack ({@code %push}), string functions, {@code %use} or bin-format {@code vstart}/{@code follows}.
 * The preprocessor runs once, before the passes, so {@code %if} sees numbers and macros but not labels or
 * {@code equ} constants (NASM lets it use symbols defined earlier in the file). The ELF output is an executable
 * laid out by the assembler itself (read-only segment, writable segment, notes), not NASM's relocatable object.
 */
package org.xenoscope.asm.nasm;
