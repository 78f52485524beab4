package org.xenoscope.asm.nasm;

import java.util.List;

/**
 * A multi-line macro ({@code %macro NAME MIN[-MAX][+] [defaults...]} ... {@code %endmacro}).
 *
 * @param name     the name as written
 * @param ci       true for {@code %imacro} (name matched ignoring case)
 * @param min      fewest parameters
 * @param max      most parameters ({@link Integer#MAX_VALUE} for {@code *})
 * @param greedy   {@code +}: the last parameter takes the rest of the line, commas included
 * @param defaults token lists for the optional parameters {@code min+1..}
 * @param body     the body lines, tokens unsubstituted
 * @param defined  where the {@code %macro} line is
 */
record MacroDef(String name, boolean ci, int min, int max, boolean greedy, List<List<Token>> defaults,
                List<RawLine> body, SrcPos defined) {
    /** True when a call with {@code n} arguments (before greedy merging) matches this definition. */
    boolean accepts(int n) {
        return n >= min && (n <= max || greedy);
    }

    /** One line of input: its tokens and where it came from. */
    record RawLine(List<Token> tokens, SrcPos pos, String context, int depth) {
    }
}
