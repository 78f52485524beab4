package org.xenoscope.asm.nasm;

/**
 * A position in a source file: 1-based line and column. Tokens carry the position they were read at; tokens
 * produced by a macro expansion carry the position of the text they were copied from (the macro body, or the
 * argument at the call), so an error always points at text the user can see.
 */
record SrcPos(SourceFile file, int line, int col) {
    /** The whole source line this position is on. */
    String lineText() {
        return file.line(line);
    }

    @Override
    public String toString() {
        return file.name() + ":" + line + ":" + col;
    }
}
