package org.xenoscope.asm.nasm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Renders the listing and the symbol table as text. The listing follows {@code nasm -l}:
 * <pre>
 *   line  address  bytes (9 per row, '-' when continued)  macro level  source
 *        2 00000000 8B4304                      mov eax, [ebx+4]
 *       13 0000001D 01                  &lt;1&gt;  db %1
 * </pre>
 * A long run of one byte value is shown as {@code 00<rep 1FEh>}; very long byte lists are cut after
 * {@link #MAX_ROWS} rows.
 */
final class Listing {
    static final int PER_ROW = 9;
    static final int MAX_ROWS = 32;

    private Listing() {
    }

    static String render(List<ListingLine> lines) {
        StringBuilder sb = new StringBuilder();
        for (ListingLine l : lines) {
            line(sb, l);
        }
        return sb.toString();
    }

    /** Appends one listing line (and its continuation rows for long byte lists). */
    private static void line(StringBuilder sb, ListingLine l) {
        String level = l.depth() > 0 ? "<" + l.depth() + ">" : "";
        byte[] b = l.bytes();
        boolean hasAddr = l.length() > 0 || b.length > 0;
        List<String> rows = rows(b, l.length());
        String addr = hasAddr ? String.format("%08X", l.address()) : "        ";
        sb.append(String.format("%6d %s %-20s%-4s%s%n", l.line(), addr, rows.get(0), level, l.source()));
        for (int r = 1; r < rows.size(); r++) {
            sb.append(String.format("%6d %08X %-20s%-4s%n", l.line(), l.address() + (long) r * PER_ROW,
                rows.get(r), level));
        }
    }

    /** The hex columns of one line: bytes, a repeat, or question marks for reserved space. */
    private static List<String> rows(byte[] b, long length) {
        List<String> rows = new ArrayList<>();
        if (b.length == 0) {
            if (length == 0) {
                rows.add("");
            } else {
                rows.add(length <= PER_ROW ? "??".repeat((int) length) : String.format("<res %Xh>", length));
            }
            return rows;
        }
        if (b.length > PER_ROW && allSame(b)) {
            rows.add(String.format("%02X<rep %Xh>", b[0] & 0xFF, b.length));
            return rows;
        }
        for (int i = 0; i < b.length; i += PER_ROW) {
            if (rows.size() == MAX_ROWS) {
                rows.add("...");
                break;
            }
            StringBuilder r = new StringBuilder();
            for (int k = i; k < Math.min(b.length, i + PER_ROW); k++) {
                r.append(String.format("%02X", b[k] & 0xFF));
            }
            if (i + PER_ROW < b.length) {
                r.append('-');
            }
            rows.add(r.toString());
        }
        return rows;
    }

    private static boolean allSame(byte[] b) {
        for (byte x : b) {
            if (x != b[0]) {
                return false;
            }
        }
        return true;
    }

    /** The symbol table: value, section (or *ABS* for constants), name; sorted by value, then name. */
    static String renderSymbols(List<AsmSymbol> symbols) {
        List<AsmSymbol> s = new ArrayList<>(symbols);
        s.sort(Comparator.comparingLong(AsmSymbol::value).thenComparing(AsmSymbol::name));
        StringBuilder sb = new StringBuilder();
        for (AsmSymbol x : s) {
            sb.append(String.format("%08X  %-12s %s%s%n", x.value(), x.section() == null ? "*ABS*" : x.section(),
                x.name(), x.global() ? " (global)" : ""));
        }
        return sb.toString();
    }
}
