package org.xenoscope.asm.nasm;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.xenoscope.asm.nasm.Token.Kind;

/**
 * Splits one source line into {@link Token}s, NASM's way. Never fails: text that is not a token becomes a
 * {@link Kind#BAD} token carrying the reason, reported only if the line is actually used (a line in a false
 * {@code %if} branch may contain anything). A {@code ;} outside a string ends the line.
 *
 * <p>Identifiers: letters, digits and {@code _ $ # @ ~ . ?}, starting with a letter, {@code _ . ? @}; a leading
 * {@code $} escapes a keyword ({@code $eax} is a label). Numbers start with a digit, or {@code $} and a digit
 * (hex); their radix rules are in {@link Numbers}. Strings: {@code '...'} and {@code "..."} are taken literally,
 * {@code `...`} understands C-like escapes.
 */
final class Lexer {
    /** Multi-character operators, longest first. */
    private static final String[] OPS = {"<<<", ">>>", "<<", ">>", "//", "%%", "==", "!=", "<>", "<=", ">=", "&&",
        "||", "^^"};
    private static final String SINGLE_OPS = "+-*/%&|^~!()[],:=<>?{}";

    private final SourceFile file;
    private final int lineNo;
    private final String s;
    private int i;

    private Lexer(SourceFile file, int lineNo, String text) {
        this.file = file;
        this.lineNo = lineNo;
        this.s = text;
    }

    /** The tokens of {@code text}, which is line {@code lineNo} of {@code file}. */
    static List<Token> lex(SourceFile file, int lineNo, String text) {
        return new Lexer(file, lineNo, text).run();
    }

    static boolean isIdentStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '.' || c == '?' || c == '@';
    }

    static boolean isIdentChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '#' || c == '@' || c == '~' || c == '.'
            || c == '?';
    }

    /** The tokens up to the end of the line or a comment. */
    private List<Token> run() {
        List<Token> out = new ArrayList<>();
        while (true) {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i >= s.length() || s.charAt(i) == ';') {
                return out;
            }
            out.add(next());
        }
    }

    private SrcPos pos(int start) {
        return new SrcPos(file, lineNo, start + 1);
    }

    private char at(int k) {
        return k < s.length() ? s.charAt(k) : '\0';
    }

    /** Reads the token starting at {@code i}. */
    private Token next() {
        int start = i;
        char c = s.charAt(i);
        if (Character.isDigit(c) || c == '$' && Character.isDigit(at(i + 1))) {
            return number(start);
        }
        if (c == '$') {
            if (at(i + 1) == '$') {
                i += 2;
                return Token.of(Kind.HERE, "$$", pos(start));
            }
            if (isIdentStart(at(i + 1))) {
                i++;
                String name = identTail();
                return new Token(Kind.IDENT, name, pos(start), 0, null, null, true);
            }
            i++;
            return Token.of(Kind.HERE, "$", pos(start));
        }
        if (isIdentStart(c)) {
            return Token.of(Kind.IDENT, identTail(), pos(start));
        }
        if (c == '\'' || c == '"' || c == '`') {
            return string(start, c);
        }
        if (c == '%') {
            Token t = percent(start);
            if (t != null) {
                return t;
            }
        }
        for (String op : OPS) {
            if (s.startsWith(op, i)) {
                i += op.length();
                return Token.of(Kind.OP, op, pos(start));
            }
        }
        i++;
        if (SINGLE_OPS.indexOf(c) >= 0) {
            return Token.of(Kind.OP, String.valueOf(c), pos(start));
        }
        return new Token(Kind.BAD, String.valueOf(c), pos(start), 0, null, "unexpected character `" + c + "'",
            false);
    }

    private String identTail() {
        int b = i;
        while (i < s.length() && isIdentChar(s.charAt(i))) {
            i++;
        }
        return s.substring(b, i);
    }

    /** {@code %word}, {@code %N}, {@code %-N}, {@code %+}, {@code %%name}; null when it is the operator. */
    private Token percent(int start) {
        char n = at(i + 1);
        if (n == '%' && isIdentStart(at(i + 2)) || n == '%' && Character.isDigit(at(i + 2))) {
            i += 2;
            return Token.of(Kind.LOCAL, identTail(), pos(start));
        }
        if (Character.isDigit(n) || n == '-' && Character.isDigit(at(i + 2))) {
            i += 2;
            while (Character.isDigit(at(i))) {
                i++;
            }
            return Token.of(Kind.PARAM, s.substring(start + 1, i), pos(start));
        }
        if (Character.isLetter(n) || n == '+' || n == '$' || n == '!' || n == '[' || n == '{') {
            i += 2;
            if (Character.isLetter(n)) {
                while (isIdentChar(at(i)) && at(i) != '.') {
                    i++;
                }
            }
            return Token.of(Kind.PP, s.substring(start + 1, i), pos(start));
        }
        return null;
    }

    /** A number: integer in any NASM radix form, or a decimal floating-point constant. */
    private Token number(int start) {
        i++;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
            i++;
        }
        String body = s.substring(start, i);
        boolean decimalDigits = body.matches("[0-9_]+");
        if (decimalDigits && at(i) == '.' && !isIdentStart(at(i + 1)) || body.matches("[0-9_]+[eE][0-9_]+")
            || body.matches("[0-9_]+[eE]") && (at(i) == '+' || at(i) == '-') && Character.isDigit(at(i + 1))) {
            return floating(start);
        }
        String text = s.substring(start, i);
        try {
            return new Token(Kind.NUMBER, text, pos(start), Numbers.parseInt(text), null, null, false);
        } catch (NumberFormatException e) {
            return new Token(Kind.BAD, text, pos(start), 0, null, e.getMessage(), false);
        }
    }

    /** A decimal floating-point constant starting at {@code start}: digits, fraction, exponent. */
    private Token floating(int start) {
        if (at(i) == '.') {
            i++;
            while (Character.isDigit(at(i)) || at(i) == '_') {
                i++;
            }
        }
        if ((at(i) == 'e' || at(i) == 'E') && (Character.isDigit(at(i + 1))
            || (at(i + 1) == '+' || at(i + 1) == '-') && Character.isDigit(at(i + 2)))) {
            i += 2;
        }
        if (i > 0 && (at(i - 1) == 'e' || at(i - 1) == 'E') && (at(i) == '+' || at(i) == '-')) {
            i++;
        }
        while (Character.isDigit(at(i)) || at(i) == '_') {
            i++;
        }
        String text = s.substring(start, i);
        return Token.of(Kind.FLOAT, text, pos(start));
    }

    /** A quoted string; backquoted strings have their escapes applied. */
    private Token string(int start, char q) {
        int k = i + 1;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (k < s.length() && s.charAt(k) != q) {
            char c = s.charAt(k);
            if (q == '`' && c == '\\' && k + 1 < s.length()) {
                k = Numbers.escape(s, k + 1, bytes);
                continue;
            }
            bytes.write(c & 0xFF);
            k++;
        }
        if (k >= s.length()) {
            i = s.length();
            return new Token(Kind.BAD, s.substring(start), pos(start), 0, null,
                "unterminated string (missing " + q + ")", false);
        }
        i = k + 1;
        return new Token(Kind.STRING, s.substring(start, i), pos(start), 0, bytes.toByteArray(), null, false);
    }
}
