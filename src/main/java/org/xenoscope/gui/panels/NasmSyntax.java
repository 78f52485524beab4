package org.xenoscope.gui.panels;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.xenoscope.asm.nasm.Register;
import org.xenoscope.machine.isa.InsnForm;
import org.xenoscope.machine.isa.InsnTable;

/**
 * Splits a line of NASM source into coloured spans: mnemonics (from the CPU's instruction table, with the
 * condition-code forms), registers, directives, numbers, strings and comments.
 */
final class NasmSyntax {
    /** What a span is. */
    enum Kind { MNEMONIC, REGISTER, DIRECTIVE, NUMBER, STRING, COMMENT }

    /** {@code length} characters from {@code start} (in the line) of kind {@code kind}. */
    record Span(int start, int length, Kind kind) {
    }

    private static final Set<String> MNEMONICS = mnemonics();
    private static final Set<String> REGISTERS = registers();
    private static final Set<String> DIRECTIVES = Set.of("section", "segment", "global", "extern", "bits", "org",
        "align", "alignb", "times", "equ", "db", "dw", "dd", "dq", "dt", "resb", "resw", "resd", "resq", "incbin",
        "struc", "endstruc", "istruc", "iend", "at", "absolute", "common", "cpu", "default", "byte", "word",
        "dword", "qword", "ptr", "rep", "repe", "repz", "repne", "repnz", "lock", "o16", "o32", "a16", "a32");

    private NasmSyntax() {
    }

    private static Set<String> mnemonics() {
        Set<String> s = new HashSet<>();
        for (InsnForm f : InsnTable.rows()) {
            s.add(f.mnemonic().toLowerCase(Locale.ROOT));
        }
        String[] ccSynonyms = {"c", "nae", "nb", "nc", "z", "nz", "na", "nbe", "pe", "po", "nge", "nl", "ng", "nle"};
        for (String stem : new String[] {"j", "set", "cmov"}) {
            for (String cc : InsnTable.CC) {
                s.add(stem + cc);
            }
            for (String cc : ccSynonyms) {
                s.add(stem + cc);
            }
        }
        s.addAll(List.of("sal", "retn", "loopz", "loopnz", "jcxz", "cbw", "movsw", "stosw", "lodsw", "cmpsw",
            "scasw", "insw", "outsw"));
        return Set.copyOf(s);
    }

    private static Set<String> registers() {
        Set<String> s = new HashSet<>();
        for (Register r : Register.values()) {
            s.add(r.nasmName().toLowerCase(Locale.ROOT));
        }
        return Set.copyOf(s);
    }

    /** Contract: the spans of {@code line}, in order, not overlapping; plain text (labels, symbols) gets none. */
    static List<Span> spans(String line) {
        List<Span> out = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == ';') {
                out.add(new Span(i, n - i, Kind.COMMENT));
                break;
            } else if (c == '"' || c == '\'' || c == '`') {
                int end = line.indexOf(c, i + 1);
                end = end < 0 ? n : end + 1;
                out.add(new Span(i, end - i, Kind.STRING));
                i = end;
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '%' || c == '$') {
                int end = i + 1;
                while (end < n && (Character.isLetterOrDigit(line.charAt(end)) || "_.$@?#".indexOf(line.charAt(end))
                    >= 0)) {
                    end++;
                }
                Kind k = kindOf(line.substring(i, end));
                if (k != null) {
                    out.add(new Span(i, end - i, k));
                }
                i = end;
            } else {
                i++;
            }
        }
        return out;
    }

    private static Kind kindOf(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (Character.isDigit(w.charAt(0)) || w.startsWith("$") && w.length() > 1 && Character.isDigit(w.charAt(1))) {
            return Kind.NUMBER;
        }
        if (w.startsWith("%") || DIRECTIVES.contains(w)) {
            return Kind.DIRECTIVE;
        }
        if (REGISTERS.contains(w)) {
            return Kind.REGISTER;
        }
        return MNEMONICS.contains(w) ? Kind.MNEMONIC : null;
    }
}
