package org.xenoscope.asm;

/**
 * Malformed input from the user: a file that cannot be parsed, assembled or loaded, or a bad option.
 *
 * <p>It always renders as ONE line, {@code file: message} or {@code file:line: message}, which the command line
 * prints before exiting with status 2 (and the GUI shows in a dialog). It carries no stack trace: bad input is an
 * ordinary outcome, not a bug in Xenoscope.
 */
public final class BadInputException extends RuntimeException {
    private final String file;
    private final int line;
    private final String detail;

    /** Bad input in {@code file} at {@code line} (1-based; 0 when lines do not apply). */
    public BadInputException(String file, int line, String message) {
        super(render(file, line, message), null, false, false);
        this.file = file;
        this.line = line;
        this.detail = message;
    }

    /** Bad input in {@code file} where line numbers do not apply (a binary file, an option). */
    public BadInputException(String file, String message) {
        this(file, 0, message);
    }

    /** The file (or option source) named in the message. */
    public String file() {
        return file;
    }

    /** The 1-based line, or 0 when not applicable. */
    public int line() {
        return line;
    }

    /** The message without the {@code file:line:} prefix. */
    public String detail() {
        return detail;
    }

    /** {@code file: message} or {@code file:line: message}. */
    public String oneLine() {
        return getMessage();
    }

    @Override
    public String toString() {
        return oneLine();
    }

    private static String render(String file, int line, String message) {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
