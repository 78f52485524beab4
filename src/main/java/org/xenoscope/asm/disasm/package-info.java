/**
 * The disassembler: machine code to Intel-syntax text, spelled the way GNU {@code objdump -d -M intel} spells it,
 * for the GUI, the trace and {@code xenoscope disasm}.
 *
 * <pre>
 *   bytes --Decoder.decode--&gt; Insn (table row + operands) --InsnPrinter--&gt; DisasmInsn --Listing--&gt; text
 * </pre>
 *
 * <p>Invariants:
 * <ul>
 *   <li>Instruction boundaries are the CPU's: every instruction is decoded by the machine's own
 *       {@link org.xenoscope.machine.cpu.Decoder}, which reads the instruction table; this package keeps no opcode
 *       table of its own. It only knows how objdump spells what the table row and the decoded operands say.</li>
 *   <li>What the decoder rejects (#UD, #GP for more than 15 bytes) is shown as {@code (bad)} and covers one byte;
 *       an instruction cut off by the end of the code (or by the next symbol, as objdump does) is shown as
 *       {@code .byte 0xNN} or as the name of its first prefix, and covers one byte. Disassembly never throws on
 *       any byte sequence.</li>
 *   <li>Output is deterministic and cross-checked against objdump (ObjdumpCrossCheckTest): the same boundaries
 *       and the same text, line for line.</li>
 * </ul>
 *
 * SIMPLIFICATION: the instruction table describes x87 instructions only as the eight escape opcodes D8..DF (the
 * CPU has no x87 unit), so they are shown as {@code fpu} with their ModRM operand, not by their real names.
 *
 * <p>Where the simulated CPU, which predates some extensions, decodes bytes differently from objdump, the
 * disassembler shows what the CPU executes: F3 0F BC/BD are {@code repz bsf}/{@code repz bsr} (objdump: TZCNT,
 * LZCNT), F3/F2/66 before 0F 09 leave it WBINVD (objdump: WBNOINVD, (bad)), and LOCK on an instruction that does
 * not allow it is {@code (bad)} because the CPU raises #UD (objdump prints {@code lock} and the instruction).
 */
package org.xenoscope.asm.disasm;
