package org.xenoscope.asm.nasm;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import org.xenoscope.asm.nasm.MacroDef.RawLine;
import org.xenoscope.asm.nasm.Token.Kind;

/**
 * NASM's preprocessor, run once before the passes: reads the main file and its {@code %include}s, keeps the lines
 * of the true branches of {@code %if}, expands single-line and multi-line macros and {@code %rep} blocks, and
 * hands the resulting {@link PLine}s to the parser.
 *
 * <p>Input comes from a stack of frames (a file, a macro expansion, a {@code %rep} block). Conditionals are
 * evaluated as lines are read, also inside macro expansions, so a macro may test its parameters. Bounds:
 * {@link #MAX_LINES} lines in all, {@link #MAX_DEPTH} nested frames, so recursion and runaway {@code %rep}s end
 * with an error (passing the depth limit ends the assembly at once). The directives themselves are in
 * {@link PpDirectives}.
 */
final class Preprocessor {
    static final int MAX_LINES = 1_000_000;
    static final int MAX_DEPTH = 200;

    /** A source of raw lines. */
    abstract static class Frame {
        /** Conditional-stack depth when the frame was entered. */
        int condBase;

        /** The next line, or null when the frame is finished. */
        abstract RawLine next();
    }

    /** Lines of a file, lexed as they are read; a line ending in {@code \} continues on the next. */
    static final class FileFrame extends Frame {
        final SourceFile file;
        private int line;

        FileFrame(SourceFile file) {
            this.file = file;
        }

        @Override
        RawLine next() {
            if (line >= file.lines().size()) {
                return null;
            }
            int first = ++line;
            String text = file.line(first);
            while (text.stripTrailing().endsWith("\\") && line < file.lines().size()) {
                String t = text.stripTrailing();
                text = t.substring(0, t.length() - 1) + " " + file.line(++line);
            }
            return new RawLine(Lexer.lex(file, first, text), new SrcPos(file, first, 1), null, 0);
        }
    }

    /** A macro expansion: body lines with the call's arguments substituted as they are read. */
    static final class MacroFrame extends Frame {
        final MacroDef def;
        final List<List<Token>> args;
        final int uniq;
        final String context;
        final int depth;
        private int i;

        MacroFrame(MacroDef def, List<List<Token>> args, int uniq, String context, int depth) {
            this.def = def;
            this.args = new ArrayList<>(args);
            this.uniq = uniq;
            this.context = context;
            this.depth = depth;
        }

        @Override
        RawLine next() {
            if (i >= def.body().size()) {
                return null;
            }
            RawLine l = def.body().get(i++);
            return new RawLine(Macros.substitute(l.tokens(), args, uniq), l.pos(), context, depth);
        }

        /** {@code %rotate n}: the parameters rotate left by n (right for negative n). */
        void rotate(long n) {
            if (!args.isEmpty()) {
                Collections.rotate(args, (int) -Math.floorMod(n, args.size()));
            }
        }
    }

    /** A {@code %rep} block: its captured lines, replayed {@code count} times. */
    static final class RepFrame extends Frame {
        private final List<RawLine> body;
        private long remaining;
        private int i;

        RepFrame(List<RawLine> body, long count) {
            this.body = body;
            this.remaining = count;
        }

        @Override
        RawLine next() {
            if (body.isEmpty()) {
                return null;
            }
            if (i >= body.size()) {
                i = 0;
                remaining--;
            }
            return remaining <= 0 ? null : body.get(i++);
        }
    }

    /** One open {@code %if}: whether its enclosing text is live, a branch was taken, this branch is live. */
    static final class Cond {
        final boolean parentActive;
        boolean taken;
        boolean active;
        boolean sawElse;
        final SrcPos pos;

        Cond(boolean parentActive, boolean active, SrcPos pos) {
            this.parentActive = parentActive;
            this.taken = active;
            this.active = parentActive && active;
            this.pos = pos;
        }
    }

    /** A block being captured ({@code %macro} or {@code %rep} body) until its closing directive. */
    static final class Capture {
        final boolean isMacro;
        final RawLine header;
        final List<RawLine> body = new ArrayList<>();
        int nesting;
        /** For a macro: the parsed header; for %rep: the count. */
        MacroDef macro;
        long count;

        Capture(boolean isMacro, RawLine header) {
            this.isMacro = isMacro;
            this.header = header;
        }
    }

    final Sources sources;
    final Diag diag;
    final Macros macros = new Macros();
    final Deque<Frame> frames = new ArrayDeque<>();
    final Deque<Cond> conds = new ArrayDeque<>();
    final List<PLine> out = new ArrayList<>();
    private final PpDirectives directives;
    Capture capture;
    int uniqCounter;
    private long lines;

    Preprocessor(Sources sources, Diag diag) {
        this.sources = sources;
        this.diag = diag;
        this.directives = new PpDirectives(this);
    }

    /** Preprocesses {@code main} (with its includes) into lines for the parser. */
    List<PLine> run(SourceFile main) {
        push(new FileFrame(main));
        while (!frames.isEmpty()) {
            RawLine l = frames.peek().next();
            if (l == null) {
                pop();
                continue;
            }
            if (++lines > MAX_LINES) {
                diag.error(l.pos(), "more than " + MAX_LINES + " lines after macro expansion (runaway %rep or "
                    + "recursive macro?)", l.context());
                break;
            }
            diag.key = out.size();
            try {
                line(l);
            } catch (SyntaxError e) {
                diag.error(e.pos() != null ? e.pos() : l.pos(), e.getMessage(), l.context());
                if (frames.size() >= MAX_DEPTH) {
                    // Fatal: each other branch of a runaway recursion would hit the limit again (exponentially
                    // often, as the repeated error counts once), so stop with the errors so far.
                    throw new Diag.Limit();
                }
            }
        }
        if (capture != null) {
            diag.error(capture.header.tokens().get(0).pos(), capture.isMacro ? "`%macro' without `%endmacro'"
                : "`%rep' without `%endrep'", capture.header.context());
        }
        return out;
    }

    void push(Frame f) {
        if (frames.size() >= MAX_DEPTH) {
            throw new SyntaxError(null, "macros or includes nested more than " + MAX_DEPTH + " deep (recursion?)");
        }
        f.condBase = conds.size();
        frames.push(f);
    }

    /** Ends the top frame; a file's unclosed {@code %if}s are errors. */
    private void pop() {
        Frame f = frames.pop();
        if (f instanceof FileFrame) {
            while (conds.size() > f.condBase) {
                Cond c = conds.pop();
                diag.error(c.pos, "`%if' without `%endif' in this file", null);
            }
        }
    }

    /** True when lines are currently assembled (every enclosing %if branch is live). */
    boolean active() {
        return conds.isEmpty() || conds.peek().active;
    }

    /** Handles one raw line: captured into a block, a conditional, a directive, skipped, or assembled. */
    private void line(RawLine l) {
        List<Token> t = l.tokens();
        if (capture != null) {
            captureLine(l);
            return;
        }
        boolean directive = !t.isEmpty() && t.get(0).kind() == Kind.PP;
        if (directive && PpDirectives.isConditional(t.get(0).text())) {
            directives.conditional(l);
            emitListing(l);
            return;
        }
        if (!active()) {
            return;
        }
        if (directive) {
            directives.run(l);
            emitListing(l);
            return;
        }
        if (t.isEmpty()) {
            emitListing(l);
            return;
        }
        statement(l);
    }

    /** A line that is assembled: expand %defines, then either call a multi-line macro or hand it on. */
    private void statement(RawLine l) {
        List<Token> t = macros.expand(builtins(l));
        int at = 0;
        if (t.size() >= 3 && t.get(0).kind() == Kind.IDENT && t.get(1).is(":") && isMacroCall(t.get(2))) {
            out.add(new PLine(t.subList(0, 2), l.pos(), l.context(), l.depth(), false));
            at = 2;
        }
        if (!t.isEmpty() && isMacroCall(t.get(at))) {
            if (at == 0) {
                emitListing(l);
            }
            directives.callMacro(t.get(at), t.subList(at + 1, t.size()), l);
            return;
        }
        out.add(new PLine(t, l.pos(), l.context(), l.depth(), false));
    }

    /** {@code __FILE__} (a string) and {@code __LINE__} (a number) replaced by their values. */
    private static List<Token> builtins(RawLine l) {
        List<Token> out = new ArrayList<>(l.tokens().size());
        for (Token t : l.tokens()) {
            if (t.kind() == Kind.IDENT && t.text().equals("__FILE__")) {
                String f = l.pos().file().name();
                out.add(new Token(Kind.STRING, "'" + f + "'", t.pos(), 0,
                    f.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), null, false));
            } else if (t.kind() == Kind.IDENT && t.text().equals("__LINE__")) {
                int n = l.pos().line();
                out.add(new Token(Kind.NUMBER, String.valueOf(n), t.pos(), n, null, null, false));
            } else {
                out.add(t);
            }
        }
        return out;
    }

    private boolean isMacroCall(Token t) {
        return t.kind() == Kind.IDENT && !t.escaped() && macros.isMacro(t.text());
    }

    void emitListing(RawLine l) {
        out.add(new PLine(List.of(), l.pos(), l.context(), l.depth(), true));
    }

    /** Collects a line of a %macro or %rep body, watching nesting for the closing directive. */
    private void captureLine(RawLine l) {
        List<Token> t = l.tokens();
        String d = !t.isEmpty() && t.get(0).kind() == Kind.PP ? t.get(0).lower() : "";
        boolean opens = capture.isMacro ? d.equals("macro") || d.equals("imacro") : d.equals("rep");
        boolean closes = capture.isMacro ? d.equals("endmacro") || d.equals("endm") : d.equals("endrep");
        emitListing(l);
        if (opens) {
            capture.nesting++;
        } else if (closes && capture.nesting-- == 0) {
            Capture c = capture;
            capture = null;
            directives.endCapture(c, l);
            return;
        }
        capture.body.add(l);
    }

    /** The innermost macro expansion, or null outside macros. */
    MacroFrame currentMacro() {
        for (Frame f : frames) {
            if (f instanceof MacroFrame m) {
                return m;
            }
        }
        return null;
    }

    /** The file being read (for relative %include names and __FILE__). */
    SourceFile currentFile() {
        for (Frame f : frames) {
            if (f instanceof FileFrame ff) {
                return ff.file;
            }
        }
        return null;
    }

    /** Depth for listing markers: the number of macro frames open. */
    int macroDepth() {
        int n = 0;
        for (Frame f : frames) {
            if (f instanceof MacroFrame) {
                n++;
            }
        }
        return n;
    }
}
