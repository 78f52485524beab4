package org.xenoscope.asm.nasm;

import java.util.List;

/**
 * Encodes one instruction into machine code, choosing among the rows of the instruction table
 * ({@link org.xenoscope.machine.isa.InsnTable}) the encoding NASM chooses: the shortest one, ties broken as NASM
 * breaks them, so that output is byte-identical to {@code nasm -f bin}.
 *
 * <p>Contract of {@link #encode}: {@code mnemonic} in lower case as NASM spells it (including condition-code
 * forms like {@code jne}, {@code cmovae}, {@code setz}, and aliases NASM accepts); {@code prefixes} in source order
 * from {@code rep repe repz repne repnz lock o16 o32 a16 a32} and segment names written as prefixes
 * ({@code es cs ss ds fs gs}); {@code addr} is the address of the instruction's first byte (for relative
 * branches); code is 32-bit ({@code bits 32}). A relative branch or an immediate whose value is not
 * {@link AsmOperand.Imm#known() known} yet is encoded in its long form. Throws {@link EncodeException} for an
 * invalid combination.
 */
public final class Encoder {
    private Encoder() {
    }

    public static byte[] encode(String mnemonic, List<String> prefixes, List<AsmOperand> operands, long addr) {
        throw new EncodeException("the encoder is being written");
    }
}
