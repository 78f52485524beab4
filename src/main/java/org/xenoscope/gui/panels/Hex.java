package org.xenoscope.gui.panels;

import java.util.Locale;
import java.util.OptionalLong;

/** Hex formatting and parsing shared by the panels. */
final class Hex {
    private Hex() {
    }

    /** {@code v} as 8 hex digits. */
    static String h8(int v) {
        return String.format("%08x", v);
    }

    /** {@code v} as 2 hex digits, or "--" for an unreadable byte (negative). */
    static String h2(int v) {
        return v < 0 ? "--" : String.format("%02x", v);
    }

    /**
     * Contract: parses a 32-bit unsigned hex number ("1f", "0x1F", "1fh"); empty when {@code s} is not one (too
     * long, bad digits, empty). Never throws.
     */
    static OptionalLong parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT).replace("_", "");
        if (t.startsWith("0x")) {
            t = t.substring(2);
        } else if (t.endsWith("h")) {
            t = t.substring(0, t.length() - 1);
        }
        if (t.isEmpty() || t.length() > 8 || !t.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(t, 16));
    }
}
