package org.xenoscope.asm.nasm;

/**
 * An instruction that cannot be encoded ("invalid combination of opcode and operands", "short jump is out of
 * range", ...). The message has no position: the assembler front end adds {@code file:line:column}.
 */
public final class EncodeException extends RuntimeException {
    public EncodeException(String message) {
        super(message, null, false, false);
    }
}
