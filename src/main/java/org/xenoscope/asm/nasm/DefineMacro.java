package org.xenoscope.asm.nasm;

import java.util.List;

/**
 * A single-line macro ({@code %define NAME body}, {@code %define NAME(a,b) body}, {@code %assign}).
 *
 * @param name   the name
 * @param params parameter names, or null when the macro takes no parentheses
 * @param body   the replacement tokens
 * @param ci     true for {@code %idefine}/{@code %iassign} (matched ignoring case)
 */
record DefineMacro(String name, List<String> params, List<Token> body, boolean ci) {
}
