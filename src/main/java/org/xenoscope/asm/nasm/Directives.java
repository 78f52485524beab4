package org.xenoscope.asm.nasm;

import java.util.List;

/**
 * What each kind of statement does in a pass: instructions (through the {@link InsnEncoder}), data,
 * reservations, {@code times}, sections, {@code org}, {@code align}, {@code incbin}, {@code struc}/{@code istruc},
 * {@code absolute} and {@code equ}.
 *
 * <p>NASM semantics kept here: {@code align N} is {@code times (N - ($-$$) % N) % N nop} (0x90 bytes, in data
 * sections too) and raises the section's alignment; {@code align N, fill} repeats the fill statement;
 * {@code alignb} reserves (and raises the alignment too). Data in a nobits section is ignored with a warning,
 * but its space is reserved.
 */
final class Directives {
    private static final byte[] NOP = {(byte) 0x90};

    private final Pass p;

    Directives(Pass p) {
        this.p = p;
    }

    /** Executes the operation of {@code s}, {@code times} times. */
    void execute(Stmt s) {
        Stmt.Op op = s.op();
        if (s.times() == null) {
            op(op, s);
            return;
        }
        long n = p.critical(s.times(), "TIMES");
        if (n < 0) {
            throw new SyntaxError(s.times().pos(), "TIMES value " + n + " is negative");
        }
        if (op instanceof Stmt.Reserve r) {
            reserve(r, n);
            return;
        }
        if (n > Assembler.MAX_OUTPUT) {
            throw new SyntaxError(s.times().pos(), "TIMES value " + n + " is too large (output limit "
                + Assembler.MAX_OUTPUT / (1024 * 1024) + " MiB)");
        }
        for (long i = 0; i < n; i++) {
            op(op, s);
        }
    }

    /** Executes one operation once (the {@code times} loop is in {@link #execute}). */
    private void op(Stmt.Op op, Stmt s) {
        if (op instanceof Stmt.Insn i) {
            insn(i, s);
        } else if (op instanceof Stmt.Data d) {
            data(d);
        } else if (op instanceof Stmt.Reserve r) {
            reserve(r, 1);
        } else if (op instanceof Stmt.Equ e) {
            equ(e, s);
        } else if (op instanceof Stmt.SectionOp so) {
            section(so);
        } else if (op instanceof Stmt.Align a) {
            align(a, s);
        } else if (op instanceof Stmt.Incbin ib) {
            incbin(ib);
        } else if (op instanceof Stmt.Org o) {
            org(o);
        } else if (op instanceof Stmt.Bits b) {
            if (b.bits() != 32) {
                throw new SyntaxError(b.tok().pos(), "only 32-bit code is supported: use `bits 32'");
            }
            p.bits32Seen = true;
        } else if (op instanceof Stmt.Global g) {
            for (Token t : g.names()) {
                p.globals.add(t.text());
            }
        } else if (!(op instanceof Stmt.Ignored)) {
            new Structures(p).execute(op, s);
        }
    }

    // ---------------------------------------------------------------- code and data

    /**
     * Encodes an instruction at {@code $}; when the encoder refuses it, the size of the previous pass is kept (as
     * zeros) so that the layout does not jump.
     */
    private void insn(Stmt.Insn i, Stmt s) {
        requireSection(i.tok(), "code");
        if (p.bin && !p.bits32Seen && !p.warnedBits) {
            p.warnedBits = true;
            p.diag.warning(i.tok().pos(), "no `bits 32' before the first instruction: NASM -f bin would assemble "
                + "16-bit code here, Xenoscope assembles 32-bit code", s.line().context());
        }
        long addr = p.here();
        List<AsmOperand> ops = Operands.convert(i, p.eval(), p.cur, addr);
        byte[] b;
        try {
            b = p.encoder.encode(i.mnemonic(), i.prefixes(), ops, addr);
        } catch (EncodeException e) {
            long keep = p.lastSizes[s.index()];
            if (s.times() == null && keep > 0 && keep < 16) {
                p.cur.zeros(keep);
            }
            throw e;
        }
        if (b == null || b.length == 0) {
            throw new SyntaxError(i.tok().pos(), "internal error: the encoder returned no bytes for `"
                + i.mnemonic() + "'");
        }
        emit(b);
    }

    private void emit(byte[] b) {
        p.cur.emit(b);
    }

    /** Code or data needs a real section; in absolute or struc space it is an error. */
    private void requireSection(Token t, String what) {
        if (p.cur == null) {
            throw new SyntaxError(t.pos(), "cannot assemble " + what + " in absolute space (inside `struc' or "
                + "after `absolute')");
        }
    }

    /** Emits {@code db}/{@code dw}/... items (in a nobits section only the space, with a warning). */
    private void data(Stmt.Data d) {
        requireSection(d.tok(), "data");
        if (p.cur.nobits) {
            long n = 0;
            for (Expr e : d.items()) {
                n += itemSize(e, d.unit());
            }
            p.diag.warning(d.tok().pos(), "attempt to initialize memory in a nobits section: ignored", null);
            p.cur.zeros(n);
            return;
        }
        Eval ev = p.eval();
        for (Expr e : d.items()) {
            dataItem(ev, e, d.unit());
        }
    }

    private static long itemSize(Expr e, int unit) {
        if (e instanceof Expr.Str s) {
            return (s.bytes().length + unit - 1) / unit * (long) unit;
        }
        return unit;
    }

    /**
     * One data item in {@code unit}-byte units: a string padded to the unit, a float, {@code ?} (zeros) or a little-
     * endian value.
     */
    private void dataItem(Eval ev, Expr e, int unit) {
        if (e == null) {
            p.cur.zeros(unit);
            return;
        }
        if (e instanceof Expr.Str) {
            byte[] b = s(e);
            p.cur.emit(b);
            p.cur.zeros(itemSize(e, unit) - b.length);
            return;
        }
        long v;
        if (e instanceof Expr.Flt f) {
            try {
                v = Numbers.floatBits(f.text(), f.negative(), unit);
            } catch (NumberFormatException x) {
                throw new SyntaxError(f.pos(), x.getMessage());
            }
        } else {
            Val val = ev.eval(e);
            v = val.value();
            if (val.known() && !val.relocatable() && unit < 8 && !fits(v, unit)) {
                p.diag.warning(e.pos(), (unit == 1 ? "byte" : unit == 2 ? "word" : "dword")
                    + " data exceeds bounds", null);
            }
        }
        byte[] b = new byte[unit];
        for (int k = 0; k < unit; k++) {
            b[k] = (byte) (k < 8 ? v >>> (8 * k) : v >> 63);
        }
        p.cur.emit(b);
    }

    private static byte[] s(Expr e) {
        return ((Expr.Str) e).bytes();
    }

    private static boolean fits(long v, int unit) {
        long lo = -(1L << (8 * unit - 1));
        long hi = (1L << (8 * unit)) - 1;
        return v >= lo && v <= hi;
    }

    /** {@code resX count}, {@code times} times: zeros in progbits, space in nobits or absolute space. */
    private void reserve(Stmt.Reserve r, long times) {
        long n = p.critical(r.count(), "`" + r.tok().text() + "'");
        if (n < 0) {
            throw new SyntaxError(r.count().pos(), "`" + r.tok().text() + "' count " + n + " is negative");
        }
        long total = n * r.unit() * times;
        if (total < 0 || total > Assembler.MAX_ADDRESS || times != 0 && total / times / r.unit() != n) {
            throw new SyntaxError(r.count().pos(), "reservation of " + n + " x " + r.unit() + " bytes is too large");
        }
        advance(total);
    }

    /** Advances the position by {@code n} bytes (zeros in progbits, space in nobits or absolute space). */
    void advance(long n) {
        if (p.cur == null) {
            p.absAddr += n;
        } else {
            p.cur.zeros(n);
        }
    }

    private void equ(Stmt.Equ e, Stmt s) {
        Val v = p.eval().eval(e.value());
        p.define(Sym.of(s.label(), v, v.section() == Section.MIXED ? null : v.section(), s.labelTok().pos(),
            false));
    }

    // ---------------------------------------------------------------- layout directives

    /** Switches to a section (created on first use), applying the attributes given. */
    private void section(Stmt.SectionOp so) {
        Section s = p.sections.get(so.name());
        if (s == null) {
            s = new Section(so.name(), p.sections.size());
            p.sections.put(so.name(), s);
        }
        SectionAttrs.apply(s, so.attrs(), so.tok().pos());
        p.cur = s;
        p.touch(s);
        p.strucName = null;
    }

    /** Sets the origin; a second, different origin is an error. */
    private void org(Stmt.Org o) {
        long v = p.critical(o.value(), "`org'");
        if (p.origin != null && p.origin != v) {
            throw new SyntaxError(o.tok().pos(), "program origin redefined");
        }
        p.origin = v;
        Section text = p.sections.get(".text");
        if (text.size() == 0 && text.start == null) {
            text.base = v;
        }
    }

    /**
     * {@code align}/{@code alignb}: pads to a multiple of the boundary (relative to the section start) and raises the
     * section's alignment.
     */
    private void align(Stmt.Align a, Stmt s) {
        long n = p.critical(a.boundary(), "`" + a.tok().text() + "'");
        if (n <= 0 || (n & (n - 1)) != 0) {
            throw new SyntaxError(a.boundary().pos(), "alignment " + n + " is not a power of two");
        }
        if (p.cur != null) {
            p.cur.sectAlign = Math.max(p.cur.sectAlign, n);
        }
        long pad = (n - Math.floorMod(p.offset(), n)) % n;
        if (a.reserve() || p.cur == null) {
            advance(pad);
        } else if (a.fill() == null) {
            if (p.cur.nobits) {
                if (pad > 0) {
                    p.diag.warning(a.tok().pos(), "attempt to initialize memory in a nobits section: ignored",
                        s.line().context());
                }
                p.cur.zeros(pad);
            } else {
                for (long i = 0; i < pad; i++) {
                    emit(NOP);
                }
            }
        } else {
            for (long i = 0; i < pad; i++) {
                op(a.fill().op(), a.fill());
            }
        }
    }

    /** Emits the selected part of an incbin file. */
    private void incbin(Stmt.Incbin ib) {
        requireSection(ib.tok(), "data");
        byte[] d = ib.data();
        long skip = ib.skip() == null ? 0 : p.critical(ib.skip(), "`incbin'");
        long len = ib.length() == null ? d.length - skip : p.critical(ib.length(), "`incbin'");
        if (skip < 0 || skip > d.length) {
            throw new SyntaxError(ib.skip().pos(), "`incbin': skip " + skip + " is outside the file (" + d.length
                + " bytes)");
        }
        len = Math.max(0, Math.min(len, d.length - skip));
        p.cur.emit(d, (int) skip, (int) len);
    }
}
