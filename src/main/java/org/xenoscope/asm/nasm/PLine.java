package org.xenoscope.asm.nasm;

import java.util.List;

/**
 * A line as the preprocessor hands it to the parser: tokens with every single-line macro expanded and every
 * macro parameter substituted.
 *
 * @param tokens   the tokens (empty for a line that only appears in the listing: a comment, a directive)
 * @param pos      the source line (column 1) the tokens came from: the macro body line for an expansion
 * @param context  for a macro expansion: "in macro `NAME' called at FILE:LINE" (appended to errors); else null
 * @param depth    macro nesting depth (0 outside macros), shown in the listing like NASM's {@code <1>}
 * @param listOnly true for a line that is listed but not assembled (a directive, a macro definition line)
 */
record PLine(List<Token> tokens, SrcPos pos, String context, int depth, boolean listOnly) {
    PLine {
        tokens = List.copyOf(tokens);
    }

    /** The text of the source line, for the listing. */
    String text() {
        return pos.lineText();
    }

    /** Position just past the last token (for "expected ... at end of line" messages). */
    SrcPos endPos() {
        if (tokens.isEmpty()) {
            return pos;
        }
        Token last = tokens.get(tokens.size() - 1);
        if (!last.pos().file().equals(pos.file()) || last.pos().line() != pos.line()) {
            return last.pos();
        }
        return new SrcPos(pos.file(), pos.line(), last.pos().col() + last.source().length());
    }
}
