package org.xenoscope.asm.nasm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xenoscope.asm.nasm.Stmt.Op;
import org.xenoscope.asm.nasm.Token.Kind;

/**
 * Turns preprocessed lines into {@link Stmt}s, once, before the passes. Local labels are qualified here, in
 * source order: {@code .x} belongs to the last label not starting with a dot (labels starting with {@code ..@},
 * made by {@code %%name}, do not change it).
 *
 * <p>Line grammar: {@code [label[:]] [times expr] [prefix...] operation [operand {, operand}]}. A word followed by
 * {@code :} is a label; a word without a colon is a label when it is not an instruction or directive and is alone
 * or followed by one. An error in a line is reported and the rest of the line ignored; its label still counts.
 */
final class Parser {
    private final Diag diag;
    private final Sources sources;
    private String lastGlobal;
    private int index;

    Parser(Diag diag, Sources sources) {
        this.diag = diag;
        this.sources = sources;
    }

    /** Parses every assembled line; listing-only lines become statements without an operation. */
    List<Stmt> parse(List<PLine> lines) {
        List<Stmt> out = new ArrayList<>();
        for (PLine l : lines) {
            out.add(line(l));
        }
        return out;
    }

    /** Parses one line into a statement; a syntax error is reported and leaves a statement with just the label. */
    private Stmt line(PLine l) {
        int idx = index++;
        diag.key = idx;
        if (l.listOnly() || l.tokens().isEmpty()) {
            return new Stmt(idx, l, null, null, null, null);
        }
        List<Token> toks = stripBrackets(l.tokens());
        Cursor c = new Cursor(toks, l.endPos());
        String label = null;
        Token labelTok = null;
        try {
            if (isLabel(c)) {
                labelTok = c.next();
                if (!c.accept(":") && c.atEnd()) {
                    diag.warning(labelTok.pos(), "label `" + labelTok.text() + "' alone on a line without a colon "
                        + "might be in error (a misspelt instruction?)", l.context());
                }
                label = defineLabel(labelTok);
            }
            Expr times = null;
            if (c.acceptWord("times")) {
                times = expr(c);
            }
            Op op = c.atEnd() ? null : operation(c, l, label, idx);
            if (!c.atEnd()) {
                throw new SyntaxError(c.pos(), "unexpected `" + c.peek().source() + "' (comma or end of line "
                    + "expected)");
            }
            if (times != null && op == null) {
                throw new SyntaxError(l.endPos(), "`times' without an instruction or data");
            }
            return new Stmt(idx, l, label, labelTok, times, op);
        } catch (SyntaxError e) {
            diag.error(e.pos() != null ? e.pos() : l.pos(), e.getMessage(), l.context());
            return new Stmt(idx, l, label, labelTok, null, null);
        }
    }

    /** {@code [bits 32]}, {@code [section .text]}: NASM's raw directive form, brackets dropped. */
    private static List<Token> stripBrackets(List<Token> t) {
        if (t.size() >= 3 && t.get(0).is("[") && t.get(t.size() - 1).is("]") && t.get(1).kind() == Kind.IDENT
            && Keywords.DIRECTIVES.contains(t.get(1).lower())) {
            return t.subList(1, t.size() - 1);
        }
        return t;
    }

    /** True when the line starts with a label (see the class comment for the rule). */
    private static boolean isLabel(Cursor c) {
        Token t = c.peek();
        if (t == null || t.kind() != Kind.IDENT) {
            return false;
        }
        Token n = c.peek2();
        if (n != null && n.is(":")) {
            return true;
        }
        if (!t.escaped() && Keywords.startsStatement(t.lower())) {
            return false;
        }
        return n == null || n.kind() == Kind.IDENT && !n.escaped() && Keywords.startsStatement(n.lower());
    }

    /** The full name of label token {@code t}; a non-local label becomes the base for later local ones. */
    private String defineLabel(Token t) {
        String name = qualify(t);
        if (!t.text().startsWith(".") && !t.text().startsWith("..@")) {
            lastGlobal = t.text();
        }
        return name;
    }

    /** {@code .x} → {@code base.x}; other names unchanged. */
    String qualify(Token t) {
        String n = t.text();
        if (n.startsWith(".") && !n.startsWith("..") && lastGlobal != null) {
            return lastGlobal + n;
        }
        return n;
    }

    private Expr expr(Cursor c) {
        return new ExprParser(c, this::qualify).parse();
    }

    /** Parses prefixes and the operation (instruction, data, reservation or directive) with its operands. */
    private Op operation(Cursor c, PLine l, String label, int idx) {
        List<String> prefixes = new ArrayList<>();
        while (c.peek() != null && c.peek().kind() == Kind.IDENT && !c.peek().escaped()
            && Keywords.PREFIXES.contains(c.peek().lower()) && c.peek2() != null
            && c.peek2().kind() == Kind.IDENT) {
            prefixes.add(c.next().lower());
        }
        Token w = c.next();
        if (w.kind() != Kind.IDENT) {
            if (w.kind() == Kind.BAD) {
                throw new SyntaxError(w.pos(), w.error());
            }
            if (w.kind() == Kind.PARAM || w.kind() == Kind.LOCAL) {
                throw new SyntaxError(w.pos(), "`" + w.source() + "': not in a macro call");
            }
            throw new SyntaxError(w.pos(), "label or instruction expected at start of line, found `" + w.source()
                + "'");
        }
        String lw = w.escaped() ? w.text() : w.lower();
        if (!prefixes.isEmpty() || w.escaped()) {
            return insn(c, prefixes, w, lw);
        }
        Integer unit = Keywords.DATA.get(lw);
        if (unit != null) {
            return new Stmt.Data(unit, dataItems(c), w);
        }
        unit = Keywords.RESERVE.get(lw);
        if (unit != null) {
            return new Stmt.Reserve(unit, expr(c), w);
        }
        if (Keywords.DIRECTIVES.contains(lw)) {
            return directive(c, l, w, lw, label, idx);
        }
        return insn(c, prefixes, w, lw);
    }

    /** The comma-separated items of {@code db}/{@code dw}/...: expressions, strings, floats, or {@code ?} (null). */
    private List<Expr> dataItems(Cursor c) {
        List<Expr> items = new ArrayList<>();
        do {
            Token q = c.peek();
            if (q != null && q.text().equals("?") && !q.escaped() && (q.kind() == Kind.OP || q.kind() == Kind.IDENT)
                && (c.peek2() == null || c.peek2().is(","))) {
                c.next();
                items.add(null);
            } else {
                items.add(expr(c));
            }
        } while (c.accept(","));
        return items;
    }

    /** Parses the operands of assembler directive {@code lw} (its token {@code w}). */
    private Op directive(Cursor c, PLine l, Token w, String lw, String label, int idx) {
        switch (lw) {
            case "equ":
                if (label == null) {
                    throw new SyntaxError(w.pos(), "`equ' without a label");
                }
                return new Stmt.Equ(expr(c), w);
            case "section", "segment":
                return section(c, w);
            case "org":
                return new Stmt.Org(expr(c), w);
            case "bits":
                return new Stmt.Bits(constant(c, w), w);
            case "use32":
                return new Stmt.Bits(32, w);
            case "use16":
                return new Stmt.Bits(16, w);
            case "align", "alignb":
                return align(c, l, w, lw, idx);
            case "incbin":
                return incbin(c, w);
            case "struc":
                return new Stmt.Struc(defineLabel(name(c, w)), w);
            case "endstruc":
                return new Stmt.EndStruc(w);
            case "istruc":
                return new Stmt.Istruc(qualify(name(c, w)), w);
            case "at":
                return at(c, l, w, idx);
            case "iend":
                return new Stmt.Iend(w);
            case "absolute":
                return new Stmt.Absolute(expr(c), w);
            case "global":
                return new Stmt.Global(names(c), w);
            case "times":
                throw new SyntaxError(w.pos(), "`times' must come before the instruction");
            case "common":
                throw new SyntaxError(w.pos(), "`common' needs a linker; Xenoscope writes executables directly");
            default:
                c.rest();
                return new Stmt.Ignored(w);
        }
    }

    private long constant(Cursor c, Token w) {
        Token t = c.peek();
        if (t == null || t.kind() != Kind.NUMBER) {
            throw new SyntaxError(c.pos(), "`" + w.text() + "' expects a number");
        }
        c.next();
        return t.num();
    }

    private static Token name(Cursor c, Token w) {
        Token t = c.peek();
        if (t == null || t.kind() != Kind.IDENT) {
            throw new SyntaxError(c.pos(), "`" + w.text() + "' expects a name");
        }
        return c.next();
    }

    /** The names of {@code global}: identifiers, each optionally followed by {@code :type size}, comma-separated. */
    private List<Token> names(Cursor c) {
        List<Token> out = new ArrayList<>();
        do {
            Token t = c.peek();
            if (t == null || t.kind() != Kind.IDENT) {
                throw new SyntaxError(c.pos(), "symbol name expected");
            }
            out.add(c.next());
            if (c.accept(":")) {
                while (!c.atEnd() && !c.peek().is(",")) {
                    c.next();
                }
            }
        } while (c.accept(","));
        return out;
    }

    /** {@code section NAME [progbits|nobits|note|alloc|noalloc|exec|noexec|write|nowrite|align=N|start=N]...}. */
    private Op section(Cursor c, Token w) {
        Token n = c.peek();
        if (n == null || n.kind() != Kind.IDENT && n.kind() != Kind.STRING) {
            throw new SyntaxError(c.pos(), "section name expected");
        }
        c.next();
        String name = n.kind() == Kind.STRING ? new String(n.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1)
            : n.text();
        Map<String, Long> attrs = new LinkedHashMap<>();
        while (!c.atEnd()) {
            Token a = c.next();
            if (a.kind() != Kind.IDENT) {
                throw new SyntaxError(a.pos(), "section attribute expected, found `" + a.source() + "'");
            }
            String k = a.lower();
            if (c.accept("=")) {
                Token v = c.peek();
                if (v == null || v.kind() != Kind.NUMBER) {
                    throw new SyntaxError(c.pos(), "number expected after `" + k + "='");
                }
                c.next();
                attrs.put(k, v.num());
            } else {
                attrs.put(k, 1L);
            }
            SectionAttrs.check(k, a.pos());
        }
        return new Stmt.SectionOp(name, attrs, w);
    }

    /** {@code align N[, fill...]}: the fill is parsed as a statement of its own (default: NOP). */
    private Op align(Cursor c, PLine l, Token w, String lw, int idx) {
        Expr n = expr(c);
        Stmt fill = null;
        if (c.accept(",")) {
            fill = subStatement(c, l, idx);
        }
        return new Stmt.Align(n, fill, lw.equals("alignb"), w);
    }

    private Op at(Cursor c, PLine l, Token w, int idx) {
        Expr field = expr(c);
        Stmt inner = null;
        if (c.accept(",")) {
            inner = subStatement(c, l, idx);
        }
        return new Stmt.At(field, inner, w);
    }

    /** The rest of the line as an operation without label ({@code align 4, db 0}, {@code at x, dd 1}). */
    private Stmt subStatement(Cursor c, PLine l, int idx) {
        if (c.atEnd()) {
            throw new SyntaxError(c.pos(), "instruction or data expected after `,'");
        }
        return new Stmt(idx, l, null, null, null, operation(c, l, null, idx));
    }

    /** {@code incbin "file"[, skip[, length]]}; the file is read now (once for all passes). */
    private Op incbin(Cursor c, Token w) {
        Token f = c.peek();
        if (f == null || f.kind() != Kind.STRING) {
            throw new SyntaxError(c.pos(), "`incbin' expects a file name in quotes");
        }
        c.next();
        String name = new String(f.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        Expr skip = null;
        Expr len = null;
        if (c.accept(",")) {
            skip = expr(c);
            if (c.accept(",")) {
                len = expr(c);
            }
        }
        byte[] data = sources.binary(name, f.pos().file());
        if (data == null) {
            throw new SyntaxError(f.pos(), "`incbin': unable to open file `" + name + "'");
        }
        return new Stmt.Incbin(name, data, skip, len, w);
    }

    /** An instruction: the comma-separated operands after the mnemonic. */
    private Op insn(Cursor c, List<String> prefixes, Token w, String mnemonic) {
        List<Stmt.Operand> ops = new ArrayList<>();
        if (!c.atEnd()) {
            do {
                ops.add(new OperandParser(c, this::qualify).operand());
            } while (c.accept(","));
        }
        return new Stmt.Insn(prefixes, mnemonic, w, ops);
    }
}
