package org.xenoscope.asm.nasm;

import java.util.List;

/** A read position in the tokens of one line, with the position of the end of the line for messages. */
final class Cursor {
    private final List<Token> tokens;
    private final SrcPos endPos;
    private int i;

    Cursor(List<Token> tokens, SrcPos endPos) {
        this.tokens = tokens;
        this.endPos = endPos;
    }

    boolean atEnd() {
        return i >= tokens.size();
    }

    /** The next token, or null at the end. */
    Token peek() {
        return i < tokens.size() ? tokens.get(i) : null;
    }

    /** The token after the next one, or null. */
    Token peek2() {
        return i + 1 < tokens.size() ? tokens.get(i + 1) : null;
    }

    Token next() {
        return tokens.get(i++);
    }

    /** True (and consumes it) when the next token is operator {@code op}. */
    boolean accept(String op) {
        Token t = peek();
        if (t != null && t.is(op)) {
            i++;
            return true;
        }
        return false;
    }

    /** True (and consumes it) when the next token is identifier {@code word} (any case). */
    boolean acceptWord(String word) {
        Token t = peek();
        if (t != null && t.isWord(word)) {
            i++;
            return true;
        }
        return false;
    }

    /** Position of the next token, or of the end of the line. */
    SrcPos pos() {
        Token t = peek();
        return t != null ? t.pos() : endPos;
    }

    int index() {
        return i;
    }

    void reset(int index) {
        i = index;
    }

    /** The tokens from {@code from} up to the current position. */
    List<Token> since(int from) {
        return tokens.subList(from, i);
    }

    /** The remaining tokens (consumes them). */
    List<Token> rest() {
        List<Token> r = tokens.subList(i, tokens.size());
        i = tokens.size();
        return r;
    }
}
