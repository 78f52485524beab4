package org.xenoscope.asm.nasm;

import java.util.List;

/** The instruction encoder the passes call: {@link Encoder#encode} (a test may pass another). */
@FunctionalInterface
interface InsnEncoder {
    byte[] encode(String mnemonic, List<String> prefixes, List<AsmOperand> operands, long addr);
}
