package org.xenoscope.asm.nasm;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Evaluates {@link Expr}s in one pass. Arithmetic is 64-bit, wrapping: {@code /} and {@code %} are unsigned,
 * {@code //} and {@code %%} signed, {@code >>} logical and {@code >>>} arithmetic; comparisons are signed and give
 * 1 or 0. A value using an unknown symbol is unknown (and division by an unknown zero is not an error).
 */
final class Eval {
    /** Where names and {@code $} get their values. */
    interface Env {
        /** The value of symbol {@code name}; {@link Val#UNKNOWN} when it is not defined (yet). */
        Val symbol(String name, SrcPos pos);

        /** {@code $} or, with {@code sectionStart}, {@code $$}. */
        Val here(boolean sectionStart, SrcPos pos);
    }

    /** A memory-operand expression: registers with their coefficients (in order of appearance) + a value. */
    record Linear(Map<Register, Long> regs, Val constant) {
    }

    private final Env env;

    Eval(Env env) {
        this.env = env;
    }

    /** The value of {@code e}, which may not contain registers. */
    Val eval(Expr e) {
        if (e instanceof Expr.Num n) {
            return Val.num(n.value());
        } else if (e instanceof Expr.Str s) {
            return Val.num(charConst(s));
        } else if (e instanceof Expr.Flt f) {
            throw new SyntaxError(f.pos(), "floating-point constant `" + f.text()
                + "' is only allowed as a whole dd/dq item");
        } else if (e instanceof Expr.Sym s) {
            return env.symbol(s.name(), s.pos());
        } else if (e instanceof Expr.Reg r) {
            throw new SyntaxError(r.pos(), "register `" + r.reg().nasmName()
                + "' is not allowed in this expression");
        } else if (e instanceof Expr.Here h) {
            return env.here(h.sectionStart(), h.pos());
        } else if (e instanceof Expr.Unary u) {
            return unary(u.op(), eval(u.operand()));
        }
        Expr.Binary b = (Expr.Binary) e;
        return binary(b, eval(b.left()), eval(b.right()));
    }

    /** A character constant: up to 8 bytes, little-endian (NASM: {@code 'ab'} is 0x6261). */
    private static long charConst(Expr.Str s) {
        byte[] b = s.bytes();
        if (b.length > 8) {
            throw new SyntaxError(s.pos(), "character constant longer than 8 bytes");
        }
        long v = 0;
        for (int i = b.length - 1; i >= 0; i--) {
            v = v << 8 | (b[i] & 0xFF);
        }
        return v;
    }

    /** Applies a unary operator; the result is relocatable only for {@code +}. */
    private static Val unary(String op, Val a) {
        long v = switch (op) {
            case "-" -> -a.value();
            case "~" -> ~a.value();
            case "!" -> a.value() == 0 ? 1 : 0;
            default -> a.value();
        };
        Section s = op.equals("+") ? a.section() : a.relocatable() ? Section.MIXED : null;
        long unk = switch (op) {
            case "-" -> -a.unk();
            case "+" -> a.unk();
            default -> a.known() ? 0 : 1;
        };
        return new Val(v, s, unk);
    }

    /** Applies a binary operator: 64-bit wrapping arithmetic, unknown-symbol counting as NASM, relocation rules. */
    private static Val binary(Expr.Binary b, Val l, Val r) {
        boolean known = l.known() && r.known();
        long unk = switch (b.op()) {
            case "+" -> l.unk() + r.unk();
            case "-" -> l.unk() - r.unk();
            default -> known ? 0 : 1;
        };
        long x = l.value();
        long y = r.value();
        long v = switch (b.op()) {
            case "+" -> x + y;
            case "-" -> x - y;
            case "*" -> x * y;
            case "/", "//", "%", "%%" -> divide(b, x, y, known);
            case "<<" -> y >= 64 || y < 0 ? 0 : x << y;
            case ">>" -> y >= 64 || y < 0 ? 0 : x >>> y;
            case "<<<" -> y >= 64 || y < 0 ? 0 : x << y;
            case ">>>" -> x >> Math.min(63, Math.max(0, y));
            case "&" -> x & y;
            case "|" -> x | y;
            case "^" -> x ^ y;
            case "=", "==" -> x == y ? 1 : 0;
            case "!=", "<>" -> x != y ? 1 : 0;
            case "<" -> x < y ? 1 : 0;
            case "<=" -> x <= y ? 1 : 0;
            case ">" -> x > y ? 1 : 0;
            case ">=" -> x >= y ? 1 : 0;
            case "&&" -> x != 0 && y != 0 ? 1 : 0;
            case "||" -> x != 0 || y != 0 ? 1 : 0;
            case "^^" -> (x != 0) != (y != 0) ? 1 : 0;
            default -> throw new SyntaxError(b.pos(), "unknown operator `" + b.op() + "'");
        };
        return new Val(v, section(b.op(), l, r), unk);
    }

    /** Relocation of a result: label ± number keeps the label's section, label - label (same section) is plain. */
    private static Section section(String op, Val l, Val r) {
        if (!l.relocatable() && !r.relocatable()) {
            return null;
        }
        if (op.equals("+") && (l.section() == null || r.section() == null)) {
            return l.section() != null ? l.section() : r.section();
        }
        if (op.equals("-") && r.section() == null) {
            return l.section();
        }
        if (op.equals("-") && l.section() == r.section() && l.section() != Section.MIXED) {
            return null;
        }
        return Section.MIXED;
    }

    /** Division and remainder ({@code / %} unsigned, {@code // %%} signed); dividing by a known zero is an error. */
    private static long divide(Expr.Binary b, long x, long y, boolean known) {
        if (y == 0) {
            if (known) {
                throw new SyntaxError(b.pos(), "division by zero");
            }
            return 0;
        }
        return switch (b.op()) {
            case "/" -> Long.divideUnsigned(x, y);
            case "%" -> Long.remainderUnsigned(x, y);
            case "//" -> x / y;
            default -> x % y;
        };
    }

    /**
     * The value of a memory-operand expression: a sum of registers times constants plus a value. Registers may
     * be added, subtracted and multiplied by constants; anything else involving a register is an error.
     */
    Linear linear(Expr e) {
        if (e instanceof Expr.Reg r) {
            Map<Register, Long> m = new LinkedHashMap<>();
            m.put(r.reg(), 1L);
            return new Linear(m, Val.num(0));
        }
        if (e instanceof Expr.Binary b && (b.op().equals("+") || b.op().equals("-"))) {
            return addLinear(b);
        }
        if (e instanceof Expr.Binary b && b.op().equals("*")) {
            return mulLinear(b);
        }
        if (e instanceof Expr.Unary u && (u.op().equals("-") || u.op().equals("+"))) {
            Linear a = linear(u.operand());
            return u.op().equals("+") ? a : scale(a, -1);
        }
        if (hasRegister(e)) {
            throw new SyntaxError(e.pos(), "invalid effective address: impossible use of a register");
        }
        return new Linear(new LinkedHashMap<>(), eval(e));
    }

    private Linear addLinear(Expr.Binary b) {
        Linear l = linear(b.left());
        Linear r = linear(b.right());
        long sign = b.op().equals("-") ? -1 : 1;
        Map<Register, Long> m = new LinkedHashMap<>(l.regs());
        r.regs().forEach((reg, k) -> m.merge(reg, k * sign, Long::sum));
        return new Linear(m, binary(b, l.constant(), r.constant()));
    }

    /** A product in a memory operand: a register sum times a known constant (a scale), or two constants. */
    private Linear mulLinear(Expr.Binary b) {
        Linear l = linear(b.left());
        Linear r = linear(b.right());
        if (!l.regs().isEmpty() && !r.regs().isEmpty()) {
            throw new SyntaxError(b.pos(), "invalid effective address: a register times a register");
        }
        if (l.regs().isEmpty() && r.regs().isEmpty()) {
            return new Linear(l.regs(), binary(b, l.constant(), r.constant()));
        }
        Linear regs = l.regs().isEmpty() ? r : l;
        Linear k = l.regs().isEmpty() ? l : r;
        if (regs.constant().value() != 0 || regs.constant().relocatable()) {
            throw new SyntaxError(b.pos(), "invalid effective address: only a register may be scaled");
        }
        if (!k.constant().known()) {
            throw new SyntaxError(b.pos(), "invalid effective address: the scale must be a constant");
        }
        return scale(regs, k.constant().value());
    }

    private static Linear scale(Linear a, long k) {
        Map<Register, Long> m = new LinkedHashMap<>();
        a.regs().forEach((reg, v) -> m.put(reg, v * k));
        Val c = a.constant();
        Section s = c.relocatable() && k != 1 ? Section.MIXED : c.section();
        return new Linear(m, new Val(c.value() * k, s, c.unk() * k));
    }

    /** True when {@code e} mentions a register anywhere. */
    private static boolean hasRegister(Expr e) {
        if (e instanceof Expr.Reg) {
            return true;
        }
        if (e instanceof Expr.Unary u) {
            return hasRegister(u.operand());
        }
        return e instanceof Expr.Binary b && (hasRegister(b.left()) || hasRegister(b.right()));
    }
}
