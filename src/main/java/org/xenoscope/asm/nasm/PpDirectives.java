package org.xenoscope.asm.nasm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.xenoscope.asm.nasm.MacroDef.RawLine;
import org.xenoscope.asm.nasm.Preprocessor.Capture;
import org.xenoscope.asm.nasm.Preprocessor.Cond;
import org.xenoscope.asm.nasm.Preprocessor.MacroFrame;
import org.xenoscope.asm.nasm.Preprocessor.RepFrame;
import org.xenoscope.asm.nasm.Token.Kind;

/**
 * The preprocessor directives: {@code %define %xdefine %idefine %undef %assign %include %macro %imacro
 * %endmacro %unmacro %rotate %exitmacro %rep %endrep %exitrep %error %warning %fatal} and the conditionals
 * {@code %if %ifn %ifdef %ifndef %ifidn %ifidni %ifnidn %ifnidni %ifmacro %ifnum %ifid %ifstr %ifempty} with
 * their {@code %elif...} forms, {@code %else} and {@code %endif}.
 *
 * SIMPLIFICATION: context-stack directives ({@code %push %pop %$name}), string functions ({@code %strlen
 * %substr %strcat}), {@code %use}, {@code %pragma} and {@code %line} are not supported and give an error.
 */
final class PpDirectives {
    private static final Set<String> CONDITIONS = Set.of("", "n", "def", "ndef", "idn", "idni", "nidn", "nidni",
        "macro", "nmacro", "num", "nnum", "id", "nid", "str", "nstr", "empty", "nempty");

    private final Preprocessor pp;

    PpDirectives(Preprocessor pp) {
        this.pp = pp;
    }

    /** True for {@code if*}, {@code elif*}, {@code else}, {@code endif}. */
    static boolean isConditional(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.equals("else") || w.equals("endif")) {
            return true;
        }
        return w.startsWith("if") && CONDITIONS.contains(w.substring(2))
            || w.startsWith("elif") && CONDITIONS.contains(w.substring(4));
    }

    // ---------------------------------------------------------------- conditionals

    /** Handles a conditional directive; conditions are only evaluated where the text is live. */
    void conditional(RawLine l) {
        Token d = l.tokens().get(0);
        String w = d.lower();
        List<Token> rest = l.tokens().subList(1, l.tokens().size());
        if (w.startsWith("if")) {
            boolean live = pp.active();
            Cond c = new Cond(live, false, d.pos());
            pp.conds.push(c);
            if (live && test(w.substring(2), rest, d)) {
                c.taken = true;
                c.active = true;
            }
            return;
        }
        if (pp.conds.size() <= frameBase()) {
            throw new SyntaxError(d.pos(), "`%" + d.text() + "': no matching `%if'");
        }
        Cond c = pp.conds.peek();
        switch (w) {
            case "endif" -> pp.conds.pop();
            case "else" -> {
                if (c.sawElse) {
                    throw new SyntaxError(d.pos(), "`%else' after `%else'");
                }
                c.sawElse = true;
                c.active = c.parentActive && !c.taken;
                c.taken = true;
            }
            default -> {
                if (c.sawElse) {
                    throw new SyntaxError(d.pos(), "`%" + d.text() + "' after `%else'");
                }
                c.active = false;
                boolean now = c.parentActive && !c.taken && test(w.substring(4), rest, d);
                c.active = now;
                c.taken |= now;
            }
        }
    }

    private int frameBase() {
        return pp.frames.isEmpty() ? 0 : pp.frames.peek().condBase;
    }

    /** Evaluates condition {@code kind} ("", "def", "idn"...) on the directive's arguments. */
    private boolean test(String kind, List<Token> args, Token d) {
        boolean negate = kind.startsWith("n") && !kind.equals("num");
        String k = negate ? kind.substring(1) : kind;
        boolean r = switch (k) {
            case "" -> ppValue(args, d) != 0;
            case "def" -> pp.macros.isDefined(name(args, d));
            case "macro" -> pp.macros.isMacro(name(args, d));
            case "idn", "idni" -> identical(args, d, k.equals("idni"));
            case "num", "id", "str" -> {
                List<Token> e = pp.macros.expand(args);
                Kind want = k.equals("num") ? Kind.NUMBER : k.equals("id") ? Kind.IDENT : Kind.STRING;
                yield e.size() == 1 && e.get(0).kind() == want;
            }
            case "empty" -> pp.macros.expand(args).isEmpty();
            default -> throw new SyntaxError(d.pos(), "unknown conditional `%" + d.text() + "'");
        };
        return r != negate;
    }

    private static String name(List<Token> args, Token d) {
        if (args.isEmpty() || args.get(0).kind() != Kind.IDENT) {
            throw new SyntaxError(args.isEmpty() ? d.pos() : args.get(0).pos(),
                "`%" + d.text() + "' expects a macro name");
        }
        return args.get(0).text();
    }

    /** {@code %ifidn a, b}: the two comma-separated token lists, macros expanded, spelled the same. */
    private boolean identical(List<Token> args, Token d, boolean ignoreCase) {
        List<Token> e = pp.macros.expand(args);
        int comma = -1;
        for (int i = 0; i < e.size(); i++) {
            if (e.get(i).is(",")) {
                comma = i;
                break;
            }
        }
        if (comma < 0) {
            throw new SyntaxError(d.pos(), "`%" + d.text() + "' expects two comma-separated arguments");
        }
        String a = text(e.subList(0, comma));
        String b = text(e.subList(comma + 1, e.size()));
        return ignoreCase ? a.equalsIgnoreCase(b) : a.equals(b);
    }

    private static String text(List<Token> t) {
        StringBuilder sb = new StringBuilder();
        for (Token x : t) {
            sb.append(x.source());
        }
        return sb.toString();
    }

    /** Evaluates a preprocessor expression: numbers and macros only, no labels. */
    long ppValue(List<Token> args, Token d) {
        List<Token> e = pp.macros.expand(args);
        Cursor c = new Cursor(e, d.pos());
        Expr x = new ExprParser(c, Token::text).parse();
        if (!c.atEnd()) {
            throw new SyntaxError(c.pos(), "unexpected `" + c.peek().source() + "' after the expression");
        }
        Val v = new Eval(new Eval.Env() {
            @Override
            public Val symbol(String name, SrcPos pos) {
                throw new SyntaxError(pos, "`" + name + "' is not defined here (preprocessor expressions see "
                    + "only numbers and %define/%assign macros, not labels)");
            }

            @Override
            public Val here(boolean sectionStart, SrcPos pos) {
                throw new SyntaxError(pos, "`$' is not allowed in a preprocessor expression");
            }
        }).eval(x);
        return v.value();
    }

    // ---------------------------------------------------------------- other directives

    /** Runs a non-conditional directive in live text. */
    void run(RawLine l) {
        Token d = l.tokens().get(0);
        List<Token> rest = l.tokens().subList(1, l.tokens().size());
        switch (d.lower()) {
            case "define", "xdefine", "idefine", "ixdefine" -> define(d, rest);
            case "undef" -> pp.macros.undefine(name(rest, d));
            case "assign", "iassign" -> assign(d, rest);
            case "include" -> include(d, rest);
            case "macro", "imacro" -> startMacro(l, d, rest);
            case "endmacro", "endm" -> throw new SyntaxError(d.pos(), "`%endmacro': not defining a macro");
            case "unmacro", "unimacro" -> pp.macros.undefineMacro(name(rest, d));
            case "rotate" -> rotate(d, rest);
            case "exitmacro" -> exitTo(d, MacroFrame.class, "`%exitmacro' outside a macro");
            case "rep" -> startRep(l, d, rest);
            case "endrep" -> throw new SyntaxError(d.pos(), "`%endrep': no matching `%rep'");
            case "exitrep" -> exitTo(d, RepFrame.class, "`%exitrep' outside a `%rep' block");
            case "error", "fatal" -> pp.diag.error(d.pos(), message(rest), l.context());
            case "warning" -> pp.diag.warning(d.pos(), message(rest), l.context());
            case "line", "pragma" -> {
            }
            case "push", "pop", "repl", "use", "strlen", "substr", "strcat", "local", "arg", "stacksize",
                 "defstr", "deftok", "clear" ->
                throw new SyntaxError(d.pos(), "`%" + d.text() + "' is not supported by Xenoscope's assembler");
            default -> throw new SyntaxError(d.pos(), "unknown preprocessor directive `%" + d.text() + "'");
        }
    }

    /** The text of {@code %error}/{@code %warning}: a quoted string's contents, else the tokens as written. */
    private static String message(List<Token> rest) {
        if (rest.size() == 1 && rest.get(0).kind() == Kind.STRING) {
            return new String(rest.get(0).bytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        StringBuilder sb = new StringBuilder();
        for (Token t : rest) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(t.source());
        }
        return sb.toString();
    }

    /** {@code %define NAME body} or {@code %define NAME(a,b) body} (parameters only when no space before '('). */
    private void define(Token d, List<Token> rest) {
        String n = name(rest, d);
        Token nameTok = rest.get(0);
        int i = 1;
        List<String> params = null;
        if (rest.size() > 1 && rest.get(1).is("(") && Macros.adjacent(nameTok, rest.get(1))) {
            params = new ArrayList<>();
            i = 2;
            while (i < rest.size() && !rest.get(i).is(")")) {
                Token p = rest.get(i++);
                if (p.kind() != Kind.IDENT) {
                    throw new SyntaxError(p.pos(), "parameter name expected in `%" + d.text() + "'");
                }
                params.add(p.text());
                if (i < rest.size() && rest.get(i).is(",")) {
                    i++;
                }
            }
            if (i >= rest.size()) {
                throw new SyntaxError(nameTok.pos(), "missing `)' in macro parameter list");
            }
            i++;
        }
        List<Token> body = rest.subList(i, rest.size());
        String w = d.lower();
        if (w.contains("x")) {
            body = pp.macros.expand(body);
        }
        pp.macros.define(new DefineMacro(n, params, body, w.startsWith("i")));
    }

    /** {@code %assign NAME expr}: a single-line macro whose body is the value. */
    private void assign(Token d, List<Token> rest) {
        String n = name(rest, d);
        long v = ppValue(rest.subList(1, rest.size()), d);
        SrcPos p = rest.get(0).pos();
        List<Token> body = new ArrayList<>();
        if (v < 0 && v != Long.MIN_VALUE) {
            body.add(Token.of(Kind.OP, "-", p));
            v = -v;
        }
        body.add(new Token(Kind.NUMBER, Long.toUnsignedString(v), p, v, null, null, false));
        pp.macros.define(new DefineMacro(n, null, body, d.lower().startsWith("i")));
    }

    /** {@code %include "file"}: pushes the file, looked up beside the current file, then in the -I directories. */
    private void include(Token d, List<Token> rest) {
        List<Token> e = pp.macros.expand(rest);
        if (e.size() != 1 || e.get(0).kind() != Kind.STRING) {
            throw new SyntaxError(d.pos(), "`%include' expects a file name in quotes");
        }
        String name = new String(e.get(0).bytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        SourceFile from = d.pos().file();
        SourceFile f = pp.sources.include(name, from);
        if (f == null) {
            throw new SyntaxError(e.get(0).pos(), "unable to open include file `" + name + "'");
        }
        pp.push(new Preprocessor.FileFrame(f));
    }

    private void rotate(Token d, List<Token> rest) {
        MacroFrame m = pp.currentMacro();
        if (m == null) {
            throw new SyntaxError(d.pos(), "`%rotate' outside a macro");
        }
        m.rotate(ppValue(rest, d));
    }

    /** Ends frames up to and including the innermost of type {@code kind}. */
    private void exitTo(Token d, Class<?> kind, String error) {
        boolean found = pp.frames.stream().anyMatch(kind::isInstance);
        if (!found) {
            throw new SyntaxError(d.pos(), error);
        }
        while (!pp.frames.isEmpty()) {
            Preprocessor.Frame f = pp.frames.pop();
            while (pp.conds.size() > f.condBase) {
                pp.conds.pop();
            }
            if (kind.isInstance(f)) {
                return;
            }
        }
    }

    private void startRep(RawLine l, Token d, List<Token> rest) {
        long n = ppValue(rest, d);
        if (n < 0) {
            throw new SyntaxError(d.pos(), "`%rep' count " + n + " is negative");
        }
        pp.capture = new Capture(false, l);
        pp.capture.count = n;
    }

    /** {@code %macro NAME MIN[-MAX|-*][+] [.nolist] [defaults...]}. */
    private void startMacro(RawLine l, Token d, List<Token> rest) {
        String n = name(rest, d);
        Cursor c = new Cursor(rest.subList(1, rest.size()), d.pos());
        Token minTok = c.peek();
        if (minTok == null || minTok.kind() != Kind.NUMBER) {
            throw new SyntaxError(c.pos(), "`%" + d.text() + "' expects a parameter count after the name");
        }
        c.next();
        int min = count(minTok);
        int max = min;
        if (c.accept("-")) {
            if (c.accept("*")) {
                max = Integer.MAX_VALUE;
            } else if (c.peek() != null && c.peek().kind() == Kind.NUMBER) {
                max = count(c.next());
            } else {
                throw new SyntaxError(c.pos(), "maximum parameter count expected after `-'");
            }
        }
        boolean greedy = c.accept("+");
        if (c.peek() != null && c.peek().isWord(".nolist")) {
            c.next();
        }
        List<List<Token>> defaults = Macros.callArgs(new ArrayList<>(c.rest()));
        Capture cap = new Capture(true, l);
        cap.macro = new MacroDef(n, d.lower().startsWith("i"), min, Math.max(min, max), greedy, defaults, List.of(),
            d.pos());
        pp.capture = cap;
    }

    private static int count(Token t) {
        if (t.num() < 0 || t.num() > 1000) {
            throw new SyntaxError(t.pos(), "parameter count " + t.text() + " out of range (0..1000)");
        }
        return (int) t.num();
    }

    /** A captured %macro or %rep body is complete. */
    void endCapture(Capture c, RawLine end) {
        if (c.isMacro) {
            MacroDef h = c.macro;
            pp.macros.defineMacro(new MacroDef(h.name(), h.ci(), h.min(), h.max(), h.greedy(), h.defaults(),
                List.copyOf(c.body), h.defined()));
        } else if (c.count > 0 && !c.body.isEmpty()) {
            pp.push(new RepFrame(List.copyOf(c.body), c.count));
        }
    }

    /** Calls multi-line macro {@code name} with the argument tokens {@code argTokens}. */
    void callMacro(Token name, List<Token> argTokens, RawLine l) {
        List<List<Token>> args = Macros.callArgs(argTokens);
        MacroDef m = null;
        for (MacroDef cand : pp.macros.macrosNamed(name.text())) {
            if (cand.accepts(args.size())) {
                m = cand;
                break;
            }
        }
        if (m == null) {
            throw new SyntaxError(name.pos(), "macro `" + name.text() + "' exists, but not taking " + args.size()
                + " parameter" + (args.size() == 1 ? "" : "s"));
        }
        if (m.greedy() && args.size() > m.max()) {
            args = greedyMerge(args, m.max(), argTokens);
        }
        List<List<Token>> full = new ArrayList<>(args);
        for (int i = full.size() - m.min(); full.size() < m.max() && i < m.defaults().size(); i++) {
            full.add(m.defaults().get(i));
        }
        String where = "in macro `" + m.name() + "' called at " + name.pos().file().name() + ":"
            + name.pos().line();
        pp.push(new MacroFrame(m, full, ++pp.uniqCounter, where, l.depth() + 1));
    }

    /** Joins arguments {@code max..} (with their commas) into the last one, for a greedy ({@code +}) macro. */
    private static List<List<Token>> greedyMerge(List<List<Token>> args, int max, List<Token> all) {
        if (max <= 0) {
            return List.of(new ArrayList<>(all));
        }
        List<List<Token>> out = new ArrayList<>(args.subList(0, max - 1));
        int commas = 0;
        int start = 0;
        for (int i = 0; i < all.size() && commas < max - 1; i++) {
            if (all.get(i).is(",")) {
                commas++;
                start = i + 1;
            }
        }
        out.add(new ArrayList<>(all.subList(start, all.size())));
        return out;
    }
}
