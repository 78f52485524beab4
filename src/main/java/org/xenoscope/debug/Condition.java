package org.xenoscope.debug;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.xenoscope.asm.BadInputException;
import org.xenoscope.machine.cpu.Cpu;

/**
 * A breakpoint condition on registers: comparisons joined by {@code &&}, e.g. {@code eax == 0x12 && ecx != 0}.
 *
 * <pre>
 *  condition  := comparison ( "&&" comparison )*
 *  comparison := register op number         register: eax ecx edx ebx esp ebp esi edi eip
 *  op         := == | != | &lt; | &lt;= | &gt; | &gt;=  (unsigned)       number: decimal or 0x hex
 * </pre>
 */
public final class Condition {
    /** The condition that always holds. */
    public static final Condition ALWAYS = new Condition("", List.of());

    private record Cmp(int reg, String op, long value) {
        boolean test(Cpu c) {
            long v = (reg == 8 ? c.eip() : c.reg(reg)) & 0xFFFFFFFFL;
            return switch (op) {
                case "==" -> v == value;
                case "!=" -> v != value;
                case "<" -> v < value;
                case "<=" -> v <= value;
                case ">" -> v > value;
                default -> v >= value;
            };
        }
    }

    private final String text;
    private final List<Cmp> parts;

    private Condition(String text, List<Cmp> parts) {
        this.text = text;
        this.parts = parts;
    }

    /** Contract: parses {@code text} (empty = always); a malformed condition is bad input naming the part. */
    public static Condition parse(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            return ALWAYS;
        }
        List<Cmp> parts = new ArrayList<>();
        for (String c : t.split("&&")) {
            String[] w = c.trim().split("\\s+");
            if (w.length != 3 || !List.of("==", "!=", "<", "<=", ">", ">=").contains(w[1])) {
                throw new BadInputException("condition", "expected 'register op number', got '" + c.trim() + "'");
            }
            parts.add(new Cmp(register(w[0]), w[1], number(w[2])));
        }
        return new Condition(t, List.copyOf(parts));
    }

    private static int register(String s) {
        String r = s.toLowerCase(Locale.ROOT);
        if (r.equals("eip")) {
            return 8;
        }
        for (int i = 0; i < 8; i++) {
            if (Cpu.REG32[i].equals(r)) {
                return i;
            }
        }
        throw new BadInputException("condition", "unknown register '" + s + "'");
    }

    private static long number(String s) {
        try {
            long v = s.toLowerCase(Locale.ROOT).startsWith("0x") ? Long.parseLong(s.substring(2), 16)
                : Long.parseLong(s);
            if (v < 0 || v > 0xFFFFFFFFL) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new BadInputException("condition", "'" + s + "' is not a 32-bit number");
        }
    }

    /** True if every comparison holds for the CPU's registers. */
    public boolean test(Cpu c) {
        for (Cmp p : parts) {
            if (!p.test(c)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return text;
    }
}
