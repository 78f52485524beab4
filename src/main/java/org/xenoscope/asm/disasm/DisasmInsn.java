package org.xenoscope.asm.disasm;

import java.util.HexFormat;
import java.util.OptionalInt;

/**
 * One disassembled instruction, for the GUI, the trace and listings.
 *
 * @param address  the address of its first byte
 * @param bytes    its bytes (at least one)
 * @param mnemonic the mnemonic with any prefix words before it, as objdump prints them ({@code rep stos},
 *                 {@code lock add}, {@code (bad)})
 * @param operands the operands in Intel order, comma-separated without spaces; empty when there are none
 * @param target   the absolute target of a relative branch (JMP, CALL, Jcc, LOOP, JECXZ)
 * @param valid    false for {@code (bad)} and for an instruction cut off by the end of the code
 */
public record DisasmInsn(int address, byte[] bytes, String mnemonic, String operands, OptionalInt target,
                         boolean valid) {
    /** objdump's column: the mnemonic padded to six characters, a space, then the operands. */
    static final int MNEMONIC_WIDTH = 6;

    public DisasmInsn {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The number of bytes. */
    public int length() {
        return bytes.length;
    }

    /** Byte {@code k} of the instruction (0..255). */
    public int byteAt(int k) {
        return bytes[k] & 0xFF;
    }

    /** The instruction as objdump prints it: {@code "mov    eax,DWORD PTR [ebx+0x4]"}. */
    public String text() {
        if (operands.isEmpty()) {
            return mnemonic;
        }
        StringBuilder sb = new StringBuilder(mnemonic);
        while (sb.length() < MNEMONIC_WIDTH) {
            sb.append(' ');
        }
        return sb.append(' ').append(operands).toString();
    }

    /** The bytes as lower-case hex pairs separated by spaces. */
    public String hexBytes() {
        return HexFormat.ofDelimiter(" ").formatHex(bytes);
    }

    @Override
    public String toString() {
        return String.format("%08x: %s  %s", address, hexBytes(), text());
    }
}
