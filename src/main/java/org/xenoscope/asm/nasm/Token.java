package org.xenoscope.asm.nasm;

import java.util.Locale;

/**
 * One token of a source line.
 *
 * @param kind  what it is
 * @param text  the text as written (for {@link Kind#IDENT} without a {@code $} escape, for {@link Kind#STRING}
 *              the whole literal with its quotes, for {@link Kind#PP} the word after {@code %})
 * @param pos   where it was read (see {@link SrcPos})
 * @param num   the value of a {@link Kind#NUMBER}
 * @param bytes the contents of a {@link Kind#STRING} (escapes applied for backquoted strings)
 * @param error for {@link Kind#BAD}: why the text is not a token (reported by whoever uses the token)
 * @param escaped an identifier written with a leading {@code $} ({@code $eax}): never a keyword or register
 */
record Token(Kind kind, String text, SrcPos pos, long num, byte[] bytes, String error, boolean escaped) {
    /** Token kinds. */
    enum Kind {
        /** A name: label, mnemonic, directive, register, keyword. */
        IDENT,
        /** An integer constant (any NASM radix form). */
        NUMBER,
        /** A floating-point constant (only meaningful in dd/dq data). */
        FLOAT,
        /** A quoted string or character constant. */
        STRING,
        /** An operator or punctuation: + - * / // % %% << >> & | ^ ~ ! ( ) [ ] , : = == != etc. */
        OP,
        /** {@code $} (here) or {@code $$} (start of section). */
        HERE,
        /** {@code %word}: a preprocessor directive such as {@code %define}. */
        PP,
        /** {@code %1}, {@code %0}, {@code %-1}...: a macro parameter reference (text is the digits). */
        PARAM,
        /** {@code %%name}: a macro-local label (text is the name). */
        LOCAL,
        /** Text that is not a valid token (an unterminated string, a stray character). */
        BAD
    }

    static Token of(Kind kind, String text, SrcPos pos) {
        return new Token(kind, text, pos, 0, null, null, false);
    }

    /** True for an operator token with exactly this text. */
    boolean is(String op) {
        return kind == Kind.OP && text.equals(op);
    }

    /** True for an identifier (not $-escaped) equal to {@code word} ignoring case. */
    boolean isWord(String word) {
        return kind == Kind.IDENT && !escaped && text.equalsIgnoreCase(word);
    }

    /** The identifier in lower case (keywords and registers are case-insensitive in NASM). */
    String lower() {
        return text.toLowerCase(Locale.ROOT);
    }

    /** A copy of this token at another position (used when a macro expansion copies text). */
    Token at(SrcPos p) {
        return new Token(kind, text, p, num, bytes, error, escaped);
    }

    /** The token as it would be written in source (for messages and token pasting). */
    String source() {
        return switch (kind) {
            case PP -> "%" + text;
            case PARAM -> "%" + text;
            case LOCAL -> "%%" + text;
            case IDENT -> escaped ? "$" + text : text;
            default -> text;
        };
    }

    @Override
    public String toString() {
        return source();
    }
}
