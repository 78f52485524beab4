package org.xenoscope.asm.nasm;

/**
 * {@code struc}/{@code endstruc}, {@code istruc}/{@code at}/{@code iend} and {@code absolute}, as NASM's standard
 * macros define them.
 *
 * <pre>
 *   struc point          ; label point = 0, assemble in absolute space from 0
 *     .x: resd 1         ; point.x = 0
 *     .y: resd 1         ; point.y = 4
 *   endstruc             ; point_size = 8, back to the previous section
 *
 *   p1: istruc point     ; remember where the instance starts
 *     at point.y, dd 5   ; pad with zeros up to offset point.y - point, then dd 5
 *   iend                 ; pad with zeros up to point_size
 * </pre>
 */
final class Structures {
    private final Pass p;

    Structures(Pass p) {
        this.p = p;
    }

    /** Executes a struc-family or {@code absolute} statement. */
    void execute(Stmt.Op op, Stmt s) {
        if (op instanceof Stmt.Struc st) {
            struc(st);
        } else if (op instanceof Stmt.EndStruc e) {
            endstruc(e);
        } else if (op instanceof Stmt.Istruc i) {
            istruc(i);
        } else if (op instanceof Stmt.At a) {
            at(a);
        } else if (op instanceof Stmt.Iend i) {
            iend(i);
        } else if (op instanceof Stmt.Absolute a) {
            p.absAddr = p.critical(a.address(), "`absolute'");
            p.cur = null;
            p.strucName = null;
        } else {
            throw new SyntaxError(op.tok().pos(), "internal error: unknown statement " + op);
        }
    }

    /** {@code struc NAME}: defines NAME = 0 and continues in absolute space from 0. */
    private void struc(Stmt.Struc st) {
        if (p.strucName != null) {
            throw new SyntaxError(st.tok().pos(), "`struc' inside `struc " + p.strucName + "'");
        }
        p.beforeStruc = p.cur;
        p.cur = null;
        p.absAddr = 0;
        p.strucName = st.name();
        p.define(Sym.of(st.name(), Val.num(0), null, st.tok().pos(), true));
    }

    private void endstruc(Stmt.EndStruc e) {
        if (p.strucName == null) {
            throw new SyntaxError(e.tok().pos(), "`endstruc' without `struc'");
        }
        p.define(Sym.of(p.strucName + "_size", Val.num(p.absAddr), null, e.tok().pos(), false));
        p.cur = p.beforeStruc;
        p.strucName = null;
    }

    private void istruc(Stmt.Istruc i) {
        if (p.cur == null) {
            throw new SyntaxError(i.tok().pos(), "`istruc' in absolute space");
        }
        p.istrucNames.push(i.name());
        p.istrucStarts.push(new long[] {p.offset()});
    }

    /** {@code at FIELD, data}: pads the instance with zeros up to the field, then emits the data. */
    private void at(Stmt.At a) {
        if (p.istrucNames.isEmpty()) {
            throw new SyntaxError(a.tok().pos(), "`at' outside `istruc'");
        }
        String name = p.istrucNames.peek();
        long field = p.eval().eval(a.field()).value() - p.symbol(name, a.field().pos()).value();
        long done = p.offset() - p.istrucStarts.peek()[0];
        if (field < done) {
            throw new SyntaxError(a.field().pos(), "`at' field offset " + field + " is before the current offset "
                + done + " in `istruc " + name + "' (fields out of order?)");
        }
        new Directives(p).advance(field - done);
        if (a.inner() != null) {
            new Directives(p).execute(a.inner());
        }
    }

    /** {@code iend}: pads the instance with zeros up to the structure's size. */
    private void iend(Stmt.Iend i) {
        if (p.istrucNames.isEmpty()) {
            throw new SyntaxError(i.tok().pos(), "`iend' without `istruc'");
        }
        String name = p.istrucNames.pop();
        long start = p.istrucStarts.pop()[0];
        long size = p.symbol(name + "_size", i.tok().pos()).value();
        long done = p.offset() - start;
        if (size < done) {
            throw new SyntaxError(i.tok().pos(), "`istruc " + name + "' holds " + done + " bytes, more than "
                + name + "_size (" + size + ")");
        }
        new Directives(p).advance(size - done);
    }
}
