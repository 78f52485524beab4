package org.xenoscope.asm.nasm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny parser for the instruction lines of the encoder tests ({@code coverage.asm} and inline snippets): one
 * instruction per line, prefixes, a mnemonic and comma-separated operands; numbers in decimal or 0x hex;
 * expressions are sums of numbers and {@code $} (the instruction's address). It is a test fixture, not the
 * assembler front end.
 *
 * <p>A branch target that is a plain number (no {@code $}) is passed as {@code strict}, as the Encoder contract
 * asks for targets NASM does not shorten.
 */
final class LineParser {
    /** One parsed instruction. */
    record Parsed(List<String> prefixes, String mnemonic, List<AsmOperand> operands) {
    }

    private static final Set<String> PREFIXES = Set.of("rep", "repe", "repz", "repne", "repnz", "lock", "o16",
        "o32", "a16", "a32", "es", "cs", "ss", "ds", "fs", "gs");
    private static final Pattern SEG = Pattern.compile("^(es|cs|ss|ds|fs|gs):\\s*");
    private static final Pattern FAR = Pattern.compile("^(0x[0-9a-f]+|\\d+)\\s*:\\s*(0x[0-9a-f]+|\\d+)$");

    private LineParser() {
    }

    /** Parses {@code line} (comments allowed) as the instruction at address {@code addr}; null for no instruction. */
    static Parsed parse(String line, long addr) {
        String s = line.replaceFirst(";.*", "").trim().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            return null;
        }
        List<String> prefixes = new ArrayList<>();
        String[] words = s.split("\\s+", -1);
        int w = 0;
        while (w < words.length - 1 && PREFIXES.contains(words[w])) {
            prefixes.add(words[w++]);
        }
        String mnemonic = words[w];
        String rest = s.substring(s.indexOf(mnemonic, indexAfterPrefixes(s, prefixes)) + mnemonic.length()).trim();
        boolean branch = mnemonic.startsWith("j") || mnemonic.startsWith("loop") || mnemonic.equals("call");
        List<AsmOperand> ops = new ArrayList<>();
        if (!rest.isEmpty()) {
            for (String o : splitOperands(rest)) {
                ops.add(operand(o.trim(), addr, branch));
            }
        }
        return new Parsed(prefixes, mnemonic, ops);
    }

    private static int indexAfterPrefixes(String s, List<String> prefixes) {
        int at = 0;
        for (String p : prefixes) {
            at = s.indexOf(p, at) + p.length();
        }
        return at;
    }

    private static List<String> splitOperands(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            depth += c == '[' ? 1 : c == ']' ? -1 : 0;
            if (c == ',' && depth == 0) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }

    private static AsmOperand operand(String s, long addr, boolean branch) {
        boolean strict = false;
        int size = 0;
        while (true) {
            String[] kw = s.split("\\s+", 2);
            if (kw.length < 2) {
                break;
            }
            if (kw[0].equals("strict")) {
                strict = true;
            } else if (sizeKeyword(kw[0]) >= 0) {
                size = sizeKeyword(kw[0]);
            } else {
                break;
            }
            s = kw[1].trim();
        }
        if (s.startsWith("[")) {
            return memory(s.substring(1, s.length() - 1).trim(), size);
        }
        Register r = Register.byName(s);
        if (r != null) {
            return new AsmOperand.Reg(r);
        }
        Matcher far = FAR.matcher(s);
        if (far.matches()) {
            return new AsmOperand.Far(number(far.group(1)), number(far.group(2)), true);
        }
        boolean plainTarget = branch && !s.contains("$");
        return new AsmOperand.Imm(eval(s, addr), true, size, strict || plainTarget);
    }

    /** byte 1, word 2, dword 4, qword 8, far 6, short 1, near 4; -1 for anything else. */
    private static int sizeKeyword(String w) {
        switch (w) {
            case "byte": case "short": return 1;
            case "word": return 2;
            case "dword": case "near": return 4;
            case "far": return 6;
            case "qword": return 8;
            default: return -1;
        }
    }

    /**
     * {@code [size] [seg:] [size] [nosplit] term (+|- term)*}, a term being a number, reg, reg*n or n*reg,
     * rewritten as NASM rewrites it: a register named twice adds up its multipliers; a register written with a
     * multiplier is the index, the first one without is the base; unless {@code nosplit}, a lone index*1 is a
     * base and a lone index*2, *3, *5, *9 becomes base + index ({@code [eax*3]} is {@code [eax+eax*2]}).
     */
    private static AsmOperand.Mem memory(String s, int size) {
        int dispSize = 0;
        Register seg = null;
        boolean nosplit = false;
        for (int round = 0; round < 3; round++) {
            String[] kw = s.split("\\s+", 2);
            if (kw.length == 2 && sizeKeyword(kw[0]) > 0) {
                dispSize = sizeKeyword(kw[0]);
                s = kw[1].trim();
            } else if (kw.length == 2 && kw[0].equals("nosplit")) {
                nosplit = true;
                s = kw[1].trim();
            }
            Matcher m = SEG.matcher(s);
            if (m.find()) {
                seg = Register.byName(m.group(1));
                s = s.substring(m.end());
            }
        }
        Map<Register, Long> coef = new LinkedHashMap<>();
        Set<Register> scaled = new HashSet<>();
        long disp = 0;
        for (String t : terms(s)) {
            boolean neg = t.startsWith("-");
            String[] f = t.substring(1).split("\\*");
            Register r = Register.byName(f[0]);
            Register r2 = f.length == 2 ? Register.byName(f[1]) : null;
            if (r == null && r2 == null) {
                disp += neg ? -number(t.substring(1)) : number(t.substring(1));
                continue;
            }
            Register reg = r != null ? r : r2;
            long k = f.length == 2 ? number(r != null ? f[1] : f[0]) : 1;
            coef.merge(reg, k, Long::sum);
            if (f.length == 2) {
                scaled.add(reg);
            }
        }
        Register base = null;
        Register index = null;
        long scale = 1;
        for (Map.Entry<Register, Long> e : coef.entrySet()) {
            boolean plain = e.getValue() == 1 && !scaled.contains(e.getKey());
            if (plain && base == null) {
                base = e.getKey();
            } else if (index == null) {
                index = e.getKey();
                scale = e.getValue();
            } else {
                base = e.getKey();
            }
        }
        if (index != null && base == null && !nosplit && (scale == 1 || scale == 2 || scale == 3 || scale == 5
            || scale == 9)) {
            base = index;
            index = scale == 1 ? null : index;
            scale = scale == 1 ? 1 : scale - 1;
        }
        return new AsmOperand.Mem(size, seg, base, index, (int) scale, disp, true, dispSize);
    }

    /** Splits {@code a+b-c} into signed terms "+a", "+b", "-c". */
    private static List<String> terms(String s) {
        List<String> out = new ArrayList<>();
        String t = s.replace(" ", "");
        int start = 0;
        for (int i = 1; i <= t.length(); i++) {
            if (i == t.length() || t.charAt(i) == '+' || t.charAt(i) == '-') {
                String term = t.substring(start, i);
                out.add(term.startsWith("-") || term.startsWith("+") ? term : "+" + term);
                start = i;
            }
        }
        return out;
    }

    private static long eval(String s, long addr) {
        long v = 0;
        for (String t : terms(s)) {
            boolean neg = t.startsWith("-");
            String body = t.substring(1);
            long x = body.equals("$") ? addr : number(body);
            v += neg ? -x : x;
        }
        return v;
    }

    private static long number(String s) {
        s = s.trim();
        if (s.startsWith("-")) {
            return -number(s.substring(1));
        }
        return s.startsWith("0x") ? Long.parseLong(s.substring(2), 16) : Long.parseLong(s);
    }
}
