package org.xenoscope.asm.nasm;

import java.util.function.Function;
import org.xenoscope.asm.nasm.Token.Kind;

/**
 * Parses a NASM expression from a {@link Cursor}. Precedence, loosest first (as NASM's evaluator):
 * <pre>
 *   ||   ^^   &&   = == != &lt;&gt; &lt; &lt;= &gt; &gt;=   |   ^   &amp;   &lt;&lt; &gt;&gt; &lt;&lt;&lt; &gt;&gt;&gt;
 *   + -   * / // % %%   unary - + ~ !
 * </pre>
 * Registers parse as {@link Expr.Reg} (the operand parser decides whether they are allowed); names go through
 * {@code qualify}, which turns {@code .local} labels into their full names.
 */
final class ExprParser {
    private static final String[][] LEVELS = {
        {"||"}, {"^^"}, {"&&"}, {"=", "==", "!=", "<>", "<", "<=", ">", ">="}, {"|"}, {"^"}, {"&"},
        {"<<", ">>", "<<<", ">>>"}, {"+", "-"}, {"*", "/", "//", "%", "%%"}};

    private final Cursor c;
    private final Function<Token, String> qualify;

    ExprParser(Cursor c, Function<Token, String> qualify) {
        this.c = c;
        this.qualify = qualify;
    }

    /** Parses one expression; throws {@link SyntaxError} when there is none or it is malformed. */
    Expr parse() {
        return level(0);
    }

    /** Parses the binary operators of precedence level {@code n} (left-associative) and everything tighter. */
    private Expr level(int n) {
        if (n == LEVELS.length) {
            return unary();
        }
        Expr left = level(n + 1);
        while (true) {
            Token t = c.peek();
            String op = t != null && t.kind() == Kind.OP ? match(t.text(), LEVELS[n]) : null;
            if (op == null) {
                return left;
            }
            c.next();
            Expr right = level(n + 1);
            left = new Expr.Binary(op, left, right, t.pos());
        }
    }

    private static String match(String text, String[] ops) {
        for (String o : ops) {
            if (o.equals(text)) {
                return o;
            }
        }
        return null;
    }

    /** Unary {@code - + ~ !}; a negated float stays a float item. */
    private Expr unary() {
        Token t = c.peek();
        if (t != null && (t.is("-") || t.is("+") || t.is("~") || t.is("!"))) {
            c.next();
            Expr e = unary();
            if (e instanceof Expr.Flt f && t.is("-")) {
                return new Expr.Flt(f.text(), !f.negative(), t.pos());
            }
            if (e instanceof Expr.Flt && t.is("+")) {
                return e;
            }
            return new Expr.Unary(t.text(), e, t.pos());
        }
        return primary();
    }

    /** A number, string, float, name, {@code $}, {@code $$} or parenthesised expression. */
    private Expr primary() {
        if (c.atEnd()) {
            throw new SyntaxError(c.pos(), "expression expected at end of line");
        }
        Token t = c.next();
        switch (t.kind()) {
            case NUMBER:
                return new Expr.Num(t.num(), t.pos());
            case FLOAT:
                return new Expr.Flt(t.text(), false, t.pos());
            case STRING:
                return new Expr.Str(t.bytes(), t.pos());
            case HERE:
                return new Expr.Here(t.text().equals("$$"), t.pos());
            case IDENT:
                return name(t);
            case OP:
                if (t.is("(")) {
                    Expr e = parse();
                    if (!c.accept(")")) {
                        throw new SyntaxError(c.pos(), "expecting `)'");
                    }
                    return e;
                }
                break;
            case BAD:
                throw new SyntaxError(t.pos(), t.error());
            case PARAM, LOCAL:
                throw new SyntaxError(t.pos(), "`" + t.source() + "': not in a macro call");
            default:
                break;
        }
        throw new SyntaxError(t.pos(), "expression syntax error at `" + t.source() + "'");
    }

    /** An identifier: a register, or a symbol (qualified); size and distance keywords are not allowed here. */
    private Expr name(Token t) {
        if (!t.escaped()) {
            Register r = Register.byName(t.text());
            if (r != null) {
                return new Expr.Reg(r, t.pos());
            }
            String w = t.lower();
            if (w.equals("seg") || w.equals("wrt")) {
                throw new SyntaxError(t.pos(), "`" + w + "' is not supported (flat 32-bit code has no segments)");
            }
            if (Keywords.isSizeKeyword(w) || w.equals("strict") || w.equals("short") || w.equals("near")
                || w.equals("far")) {
                throw new SyntaxError(t.pos(), "`" + t.text() + "' is not allowed here");
            }
        }
        return new Expr.Sym(qualify.apply(t), t.pos());
    }
}
