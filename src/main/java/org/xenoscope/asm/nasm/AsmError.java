package org.xenoscope.asm.nasm;

/**
 * One diagnostic from the assembler, rendered as NASM-style text with the source line and a caret under the
 * column:
 * <pre>
 *   boot.asm:12:14: symbol `stack_top' not defined
 *       mov esp, stack_top
 *                ^
 * </pre>
 *
 * @param file       the file the error is blamed on (an included file for an error in it)
 * @param line       1-based line, 0 when no line applies (a file that cannot be read)
 * @param column     1-based column, 0 when no column applies
 * @param message    the message, without position
 * @param sourceLine the text of the offending line ("" when none)
 * @param warning    true for a warning (does not stop the assembly)
 */
public record AsmError(String file, int line, int column, String message, String sourceLine, boolean warning) {
    /** The first line: {@code file:line:column: message} (or shorter when line or column are unknown). */
    public String headline() {
        String where = line <= 0 ? file : column <= 0 ? file + ":" + line : file + ":" + line + ":" + column;
        return where + ": " + (warning ? "warning: " : "") + message;
    }

    /** The headline, then the source line and a caret under the column (when both are known). */
    public String render() {
        if (line <= 0 || sourceLine.isEmpty()) {
            return headline();
        }
        String src = sourceLine.replace('\t', ' ');
        StringBuilder caret = new StringBuilder();
        for (int i = 1; i < Math.max(1, column); i++) {
            caret.append(' ');
        }
        caret.append('^');
        return headline() + "\n    " + src + "\n    " + caret;
    }

    @Override
    public String toString() {
        return headline();
    }
}
