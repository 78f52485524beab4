package org.xenoscope.asm.nasm;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One pass over the statements: every statement is evaluated with the symbol values of this pass so far (and of
 * the previous pass for symbols defined later), its bytes go into its section, and every label gets a value.
 * The {@link Assembler} repeats passes until nothing moves. Errors go to this pass's {@link Diag}; only the last
 * pass's errors are reported (an early pass may see forward references as unknown).
 */
final class Pass implements Eval.Env {
    /** Where one statement's bytes landed (section null: absolute space, no bytes). */
    record Placed(Stmt stmt, Section section, long offset, long length, long address) {
    }

    final int number;
    final Diag diag;
    final Map<String, Section> sections;
    final Map<String, Sym> prev;
    final Map<String, Sym> syms = new LinkedHashMap<>();
    final Set<String> globals = new HashSet<>();
    final List<Placed> placed = new ArrayList<>();
    final InsnEncoder encoder;
    final long[] lastSizes;
    final long[] sizes;
    final boolean bin;

    Section cur;
    /** In {@code absolute}/{@code struc} space: the current address; {@link #cur} is null there. */
    long absAddr;
    Section beforeStruc;
    String strucName;
    Long origin;
    boolean bits32Seen;
    boolean warnedBits;
    private boolean critical;
    /** {@code $}: the address where the current line starts (the same for every {@code times} repetition). */
    private long lineStart;
    private String criticalWhat;
    final Deque<long[]> istrucStarts = new ArrayDeque<>();
    final Deque<String> istrucNames = new ArrayDeque<>();
    private final Directives directives;
    private final List<Ref> unresolved = new ArrayList<>();
    /** Undefined symbols used by the current statement; dropped when the statement has an error of its own. */
    private final List<Ref> stmtRefs = new ArrayList<>();
    private Stmt current;

    Pass(int number, Diag diag, Map<String, Section> sections, Map<String, Sym> prev, InsnEncoder encoder,
         long[] lastSizes, boolean bin) {
        this.number = number;
        this.diag = diag;
        this.sections = sections;
        this.prev = prev;
        this.encoder = encoder;
        this.lastSizes = lastSizes;
        this.sizes = new long[lastSizes.length];
        this.bin = bin;
        for (Section s : sections.values()) {
            s.reset();
        }
        this.cur = sections.get(".text");
        this.directives = new Directives(this);
    }

    /** Runs every statement. */
    void run(List<Stmt> stmts) {
        for (Stmt s : stmts) {
            current = s;
            statement(s);
        }
        current = null;
        if (cur == null && strucName != null) {
            diag.error(lastPos(stmts), "`struc " + strucName + "' without `endstruc'", null);
        }
        if (!istrucNames.isEmpty()) {
            diag.error(lastPos(stmts), "`istruc " + istrucNames.peek() + "' without `iend'", null);
        }
    }

    private static SrcPos lastPos(List<Stmt> stmts) {
        return stmts.get(stmts.size() - 1).line().pos();
    }

    /** Runs one statement, reporting its errors; records where its bytes went. */
    private void statement(Stmt s) {
        Section sec = cur;
        long start = offset();
        long addr = here();
        diag.key = s.index();
        stmtRefs.clear();
        lineStart = addr;
        try {
            if (s.label() != null && !(s.op() instanceof Stmt.Equ)) {
                defineLabel(s.label(), s.labelTok().pos());
            }
            if (s.op() != null) {
                directives.execute(s);
            }
            unresolved.addAll(stmtRefs);
        } catch (SyntaxError e) {
            diag.error(e.pos() != null ? e.pos() : opPos(s), e.getMessage(), s.line().context());
        } catch (EncodeException e) {
            diag.error(opPos(s), e.getMessage(), s.line().context());
        } catch (Diag.Limit e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            diag.error(opPos(s), "internal error: " + e, s.line().context());
        }
        long len = sec == cur ? offset() - start : 0;
        if (sec != null && sec == cur && (len > 0 || s.label() != null && !(s.op() instanceof Stmt.Equ))) {
            touch(sec);
        }
        sizes[s.index()] = len;
        placed.add(new Placed(s, sec, start, len, addr));
    }

    static SrcPos opPos(Stmt s) {
        if (s.op() != null) {
            return s.op().tok().pos();
        }
        return s.labelTok() != null ? s.labelTok().pos() : s.line().pos();
    }

    /** Records the first use of section {@code s} (the ELF layout keeps sections in this order). */
    void touch(Section s) {
        if (s.useOrder < 0) {
            int max = -1;
            for (Section x : sections.values()) {
                max = Math.max(max, x.useOrder);
            }
            s.useOrder = max + 1;
        }
    }

    // ---------------------------------------------------------------- positions

    /** Offset in the current section (or the absolute address in absolute space). */
    long offset() {
        return cur == null ? absAddr : cur.size();
    }

    /** The current address as a number. */
    long here() {
        return cur == null ? absAddr : cur.base + cur.size();
    }


    // ---------------------------------------------------------------- symbols

    /** Defines a label at the current position. */
    void defineLabel(String name, SrcPos pos) {
        Val v = cur == null ? Val.num(absAddr) : new Val(here(), cur, true);
        define(Sym.of(name, v, cur, pos, true));
    }

    /** Adds a symbol of this pass; a second definition of the same name is an error. */
    void define(Sym s) {
        Sym old = syms.get(s.name());
        if (old != null) {
            throw new SyntaxError(s.pos(), "symbol `" + s.name() + "' redefined (first defined at "
                + old.pos().file().name() + ":" + old.pos().line() + ")");
        }
        if (s.name().startsWith("section.") && s.name().endsWith(".start")) {
            throw new SyntaxError(s.pos(), "`" + s.name() + "' is reserved for the section's start address");
        }
        syms.put(s.name(), s);
    }

    @Override
    public Val symbol(String name, SrcPos pos) {
        Sym s = syms.get(name);
        if (s != null) {
            return s.value();
        }
        Sym p = prev.get(name);
        if (critical) {
            throw new SyntaxError(pos, p != null || name.startsWith("section.")
                ? "non-constant argument supplied to " + criticalWhat + " (`" + name + "' is defined later)"
                : "symbol `" + name + "' not defined before use in " + criticalWhat);
        }
        if (p != null) {
            Val v = p.current();
            return new Val(v.value(), v.section(), v.known() && number > 1 ? 0 : 1);
        }
        Val start = sectionStart(name);
        if (start != null) {
            return start;
        }
        stmtRefs.add(new Ref(name, pos, current == null ? null : current.line().context(),
            current == null ? 0 : current.index()));
        return Val.UNKNOWN;
    }

    /** A use of a symbol not defined when it was evaluated. */
    record Ref(String name, SrcPos pos, String context, int stmt) {
    }

    /** Reports the uses of symbols that are not defined anywhere (forward references resolve by the end). */
    void reportUndefined() {
        for (Ref r : unresolved) {
            if (!syms.containsKey(r.name())) {
                diag.key = r.stmt();
                diag.error(r.pos(), "symbol `" + r.name() + "' not defined", r.context());
            }
        }
    }

    /** {@code section.NAME.start}: the address of a section; null for other names. */
    private Val sectionStart(String name) {
        if (name.startsWith("section.") && name.endsWith(".start") && name.length() > 14) {
            Section s = sections.get(name.substring(8, name.length() - 6));
            if (s != null) {
                return new Val(s.base, s, true);
            }
        }
        return null;
    }

    @Override
    public Val here(boolean sectionStart, SrcPos pos) {
        if (cur == null) {
            return Val.num(sectionStart ? 0 : lineStart);
        }
        return new Val(sectionStart ? cur.base : lineStart, cur, true);
    }

    /** An evaluator for ordinary expressions. */
    Eval eval() {
        return new Eval(this);
    }

    /**
     * Evaluates a critical expression (a {@code times} count, a reservation size...): every symbol in it must
     * be defined earlier in the source, as NASM requires, so that sizes do not depend on later code.
     */
    long critical(Expr e, String what) {
        critical = true;
        criticalWhat = what;
        try {
            return new Eval(this).eval(e).value();
        } finally {
            critical = false;
        }
    }
}
