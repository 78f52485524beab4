package org.xenoscope.asm.nasm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.xenoscope.asm.nasm.Token.Kind;

/**
 * The macro tables of one assembly and the token-level work on them: expanding single-line macros
 * ({@code %define}) in a line, and substituting the parameters of a multi-line macro ({@code %1}, {@code %0},
 * {@code %%label}) into a body line.
 *
 * <p>Rules (NASM's): a single-line macro is expanded again in its own expansion except for itself, so
 * recursion stops; a macro with parameters is only expanded when a {@code (} follows its name. A parameter or
 * local label written right next to other text ({@code %1_end}, {@code x%+%1}) is pasted to it into one token.
 * Every expansion is bounded ({@link #MAX_EXPANSION_TOKENS}), so a runaway macro is an error, not a hang.
 */
final class Macros {
    /** Upper bound on the tokens one line may expand to. */
    static final int MAX_EXPANSION_TOKENS = 100_000;

    private final MacroTable<DefineMacro> defines = new MacroTable<>((a, b) -> arity(a) == arity(b));
    private final MacroTable<MacroDef> macros = new MacroTable<>((a, b) -> a.min() == b.min() && a.max() == b.max());

    // ---------------------------------------------------------------- single-line macros

    /** Defines (or redefines, for the same parameter count) a single-line macro. */
    void define(DefineMacro m) {
        defines.define(m.name(), m.ci(), m);
    }

    /** The parameter count of {@code m}, or -1 for a macro without parentheses. */
    private static int arity(DefineMacro m) {
        return m.params() == null ? -1 : m.params().size();
    }

    /** Removes every single-line macro called {@code name}. */
    void undefine(String name) {
        defines.undefine(name);
    }

    boolean isDefined(String name) {
        return defines.contains(name);
    }

    /** {@code tokens} with every single-line macro expanded; expanded tokens take the position of the call. */
    List<Token> expand(List<Token> tokens) {
        int[] budget = {MAX_EXPANSION_TOKENS};
        return expand(tokens, new HashSet<>(), budget);
    }

    /**
     * Expands the macros in {@code in}; {@code active} holds the macros being expanded (not expanded again),
     * {@code budget} the tokens left.
     */
    private List<Token> expand(List<Token> in, Set<String> active, int[] budget) {
        List<Token> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            Token t = in.get(i);
            if (--budget[0] < 0) {
                throw new SyntaxError(t.pos(), "macro expansion too long (a recursive %define?)");
            }
            if (t.kind() != Kind.IDENT || t.escaped() || active.contains(t.text())) {
                out.add(t);
                continue;
            }
            List<DefineMacro> cands = defines.named(t.text());
            if (cands.isEmpty()) {
                out.add(t);
                continue;
            }
            List<List<Token>> args = null;
            int end = i;
            if (i + 1 < in.size() && in.get(i + 1).is("(")) {
                int close = matchParen(in, i + 1);
                if (close > 0) {
                    args = splitArgs(in.subList(i + 2, close));
                    end = close;
                }
            }
            DefineMacro m = pick(cands, args);
            if (m == null) {
                out.add(t);
                continue;
            }
            if (m.params() == null) {
                end = i;
            }
            List<Token> body = substituteDefine(m, m.params() == null ? null : args, t.pos());
            active.add(t.text());
            out.addAll(expand(body, active, budget));
            active.remove(t.text());
            i = end;
        }
        return out;
    }

    /**
     * The definition matching the call: the one with as many parameters as arguments, else the one without parameters;
     * null if none.
     */
    private static DefineMacro pick(List<DefineMacro> cands, List<List<Token>> args) {
        for (DefineMacro m : cands) {
            if (m.params() != null && args != null && m.params().size() == args.size()) {
                return m;
            }
        }
        for (DefineMacro m : cands) {
            if (m.params() == null) {
                return m;
            }
        }
        return null;
    }

    /** Index of the {@code )} matching the {@code (} at {@code open}, or -1. */
    private static int matchParen(List<Token> in, int open) {
        int depth = 0;
        for (int k = open; k < in.size(); k++) {
            if (in.get(k).is("(")) {
                depth++;
            } else if (in.get(k).is(")") && --depth == 0) {
                return k;
            }
        }
        return -1;
    }

    /** Splits macro call arguments at commas outside parentheses; an empty list gives zero arguments. */
    private static List<List<Token>> splitArgs(List<Token> in) {
        List<List<Token>> out = new ArrayList<>();
        if (in.isEmpty()) {
            return out;
        }
        List<Token> cur = new ArrayList<>();
        int depth = 0;
        for (Token t : in) {
            if (t.is("(")) {
                depth++;
            } else if (t.is(")")) {
                depth--;
            }
            if (t.is(",") && depth == 0) {
                out.add(cur);
                cur = new ArrayList<>();
            } else {
                cur.add(t);
            }
        }
        out.add(cur);
        return out;
    }

    /**
     * The body of {@code m} with each parameter name replaced by its argument; body tokens take the position of the
     * call.
     */
    private static List<Token> substituteDefine(DefineMacro m, List<List<Token>> args, SrcPos at) {
        List<Token> out = new ArrayList<>();
        for (Token b : m.body()) {
            int p = b.kind() == Kind.IDENT && m.params() != null ? m.params().indexOf(b.text()) : -1;
            if (p >= 0) {
                out.addAll(args.get(p));
            } else {
                out.add(b.at(at));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- multi-line macros

    /** Defines (or redefines, for the same parameter range) a multi-line macro. */
    void defineMacro(MacroDef m) {
        macros.define(m.name(), m.ci(), m);
    }

    void undefineMacro(String name) {
        macros.undefine(name);
    }

    boolean isMacro(String name) {
        return macros.contains(name);
    }

    /** The definitions of multi-line macro {@code name} (both case-sensitive and {@code %imacro} ones). */
    List<MacroDef> macrosNamed(String name) {
        return macros.named(name);
    }

    /**
     * Splits the arguments of a multi-line macro call: commas separate them, braces group one
     * ({@code {a, b}} is one argument, braces removed). An empty list gives zero arguments.
     */
    static List<List<Token>> callArgs(List<Token> in) {
        List<List<Token>> out = new ArrayList<>();
        if (in.isEmpty()) {
            return out;
        }
        List<Token> cur = new ArrayList<>();
        int depth = 0;
        for (Token t : in) {
            if (t.is("{") && depth++ == 0 && cur.isEmpty()) {
                continue;
            }
            if (t.is("}") && depth > 0 && --depth == 0) {
                continue;
            }
            if (t.is(",") && depth == 0) {
                out.add(cur);
                cur = new ArrayList<>();
            } else {
                cur.add(t);
            }
        }
        out.add(cur);
        return out;
    }

    /**
     * Substitutes {@code %1..%n}, {@code %0} and {@code %%name} into one body line of a macro call.
     *
     * @param args  the call's arguments (after defaults and greedy merging)
     * @param uniq  the call's number, making {@code %%name} unique: {@code ..@uniq.name}
     */
    static List<Token> substitute(List<Token> line, List<List<Token>> args, int uniq) {
        List<Token> out = new ArrayList<>();
        List<Boolean> glue = new ArrayList<>();
        Token prev = null;
        for (Token t : line) {
            boolean adjacent = prev != null && adjacent(prev, t);
            List<Token> rep = replacement(t, args, uniq);
            boolean special = t.kind() == Kind.PARAM || t.kind() == Kind.LOCAL;
            boolean prevSpecial = prev != null && (prev.kind() == Kind.PARAM || prev.kind() == Kind.LOCAL);
            for (int k = 0; k < rep.size(); k++) {
                out.add(rep.get(k));
                glue.add(k == 0 && adjacent && (special || prevSpecial));
            }
            prev = t;
        }
        return paste(out, glue);
    }

    /**
     * What token {@code t} of a macro body becomes in a call: the argument for {@code %n}, the count for {@code %0}, a
     * unique name for {@code %%x}.
     */
    private static List<Token> replacement(Token t, List<List<Token>> args, int uniq) {
        if (t.kind() == Kind.LOCAL) {
            return List.of(Token.of(Kind.IDENT, "..@" + uniq + "." + t.text(), t.pos()));
        }
        if (t.kind() != Kind.PARAM) {
            return List.of(t);
        }
        int n;
        try {
            n = Integer.parseInt(t.text());
        } catch (NumberFormatException e) {
            throw new SyntaxError(t.pos(), "bad macro parameter `%" + t.text() + "'");
        }
        if (n == 0) {
            return List.of(new Token(Kind.NUMBER, String.valueOf(args.size()), t.pos(), args.size(), null, null,
                false));
        }
        if (n < 0) {
            throw new SyntaxError(t.pos(), "macro parameter `%" + t.text() + "' is not supported");
        }
        return n <= args.size() ? args.get(n - 1) : List.of();
    }

    /** True when {@code b} starts right where {@code a} ends on the same line (no space between them). */
    static boolean adjacent(Token a, Token b) {
        return a.pos().file() == b.pos().file() && a.pos().line() == b.pos().line()
            && a.pos().col() + a.source().length() == b.pos().col();
    }

    /** Joins tokens marked as glued (and any pair around {@code %+}) into one token when that lexes as one. */
    private static List<Token> paste(List<Token> in, List<Boolean> glue) {
        List<Token> out = new ArrayList<>();
        boolean pasteNext = false;
        for (int k = 0; k < in.size(); k++) {
            Token t = in.get(k);
            if (t.kind() == Kind.PP && t.text().equals("+")) {
                pasteNext = true;
                continue;
            }
            if ((pasteNext || glue.get(k)) && !out.isEmpty()) {
                Token joined = join(out.get(out.size() - 1), t);
                if (joined != null) {
                    out.set(out.size() - 1, joined);
                    pasteNext = false;
                    continue;
                }
            }
            pasteNext = false;
            out.add(t);
        }
        return out;
    }

    /** The token {@code a} and {@code b} make when written together, or null when that is not one token. */
    private static Token join(Token a, Token b) {
        if (a.kind() == Kind.STRING || b.kind() == Kind.STRING || a.kind() == Kind.OP || b.kind() == Kind.OP) {
            return null;
        }
        List<Token> t = Lexer.lex(a.pos().file(), a.pos().line(), a.source() + b.source());
        if (t.size() != 1) {
            return null;
        }
        Token j = t.get(0);
        return new Token(j.kind(), j.text(), a.pos(), j.num(), j.bytes(), j.error(), j.escaped());
    }
}
