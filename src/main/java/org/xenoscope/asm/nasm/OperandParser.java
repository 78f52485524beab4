package org.xenoscope.asm.nasm;

import java.util.function.Function;
import org.xenoscope.asm.nasm.Stmt.Operand;
import org.xenoscope.asm.nasm.Token.Kind;

/**
 * Parses one instruction operand:
 * <pre>
 *   operand  = { size | strict | short | near | far } ( register | [seg :] '[' memory ']' | expr [ : expr ] )
 *   memory   = { size | nosplit | abs | rel } [ seg : ] expr
 *   size     = byte | word | dword | fword | qword | tword | oword
 * </pre>
 * A size keyword inside the brackets sizes the displacement ({@code [byte eax+1]}), outside it the operand.
 */
final class OperandParser {
    private final Cursor c;
    private final Function<Token, String> qualify;

    OperandParser(Cursor c, Function<Token, String> qualify) {
        this.c = c;
        this.qualify = qualify;
    }

    /** Parses one operand with its keywords (see the class comment). */
    Operand operand() {
        SrcPos start = c.pos();
        int size = 0;
        boolean strict = false;
        String distance = null;
        while (c.peek() != null && c.peek().kind() == Kind.IDENT && !c.peek().escaped()) {
            String w = c.peek().lower();
            if (Keywords.isSizeKeyword(w)) {
                size = Keywords.SIZES.get(w);
            } else if (w.equals("strict")) {
                strict = true;
            } else if (w.equals("short") || w.equals("near") || w.equals("far")) {
                distance = w;
            } else {
                break;
            }
            c.next();
        }
        Register seg = segmentPrefix();
        if (c.peek() != null && c.peek().is("[")) {
            return memory(size, seg, "far".equals(distance), start);
        }
        if (seg != null) {
            throw new SyntaxError(c.pos(), "`[' expected after the segment override");
        }
        Expr e = new ExprParser(c, qualify).parse();
        if (c.accept(":")) {
            Expr off = new ExprParser(c, qualify).parse();
            return new Stmt.FarOpd(e, off, start);
        }
        if (e instanceof Expr.Reg r) {
            return new Stmt.RegOpd(r.reg(), r.pos());
        }
        return new Stmt.ImmOpd(e, size, strict, distance, start);
    }

    /** {@code fs:} before a memory operand (or inside its brackets); null when absent. */
    private Register segmentPrefix() {
        Token t = c.peek();
        Token n = c.peek2();
        if (t != null && t.kind() == Kind.IDENT && !t.escaped() && n != null && n.is(":")) {
            Register r = Register.byName(t.text());
            if (r != null && r.kind == Register.Kind.SEG) {
                c.next();
                c.next();
                return r;
            }
        }
        return null;
    }

    /** A memory operand from its {@code [} to its {@code ]}, with the keywords and segment override inside. */
    private Operand memory(int size, Register outerSeg, boolean far, SrcPos start) {
        c.next();
        int dispSize = 0;
        boolean nosplit = false;
        while (c.peek() != null && c.peek().kind() == Kind.IDENT && !c.peek().escaped()) {
            String w = c.peek().lower();
            if (Keywords.isSizeKeyword(w)) {
                dispSize = Keywords.SIZES.get(w);
            } else if (w.equals("nosplit")) {
                nosplit = true;
            } else if (!w.equals("abs") && !w.equals("rel")) {
                break;
            }
            c.next();
        }
        Register seg = segmentPrefix();
        if (seg != null && outerSeg != null) {
            throw new SyntaxError(start, "two segment overrides");
        }
        Expr addr = new ExprParser(c, qualify).parse();
        if (!c.accept("]")) {
            throw new SyntaxError(c.pos(), "expecting `]'");
        }
        return new Stmt.MemOpd(size, seg != null ? seg : outerSeg, addr, dispSize, nosplit, far, start);
    }
}
