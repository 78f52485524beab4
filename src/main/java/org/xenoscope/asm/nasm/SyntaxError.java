package org.xenoscope.asm.nasm;

/**
 * A problem in one line, found while parsing or evaluating it; caught per line and reported through
 * {@link Diag}, so the assembly goes on with the next line.
 */
final class SyntaxError extends RuntimeException {
    private final transient SrcPos pos;

    SyntaxError(SrcPos pos, String message) {
        super(message, null, false, false);
        this.pos = pos;
    }

    SrcPos pos() {
        return pos;
    }
}
