/**
 * The instruction set as data: one table row per instruction form, giving its mnemonic, opcode bytes and
 * ModRM/immediate encoding, operand kinds and sizes, and a one-line description.
 *
 * <p>Invariant: this table is the single source of truth about encodings. The decoder, the assembler, the
 * disassembler and the help text all read it, so they cannot disagree about what an instruction is. The table is
 * immutable once built and holds no machine state; it depends on nothing else in the machine.
 */
package org.xenoscope.machine.isa;
