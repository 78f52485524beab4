package org.xenoscope.asm.nasm;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * NASM's number syntax: integer constants in every radix form, backquote-string escapes, and decimal
 * floating-point constants for {@code dd}/{@code dq}.
 *
 * <p>Radix rules (as NASM's {@code readnum}): a prefix {@code 0x 0h} (16), {@code 0d 0t} (10), {@code 0o 0q}
 * (8), {@code 0b 0y} (2), or {@code $} (16); or a suffix {@code h x}, {@code d t}, {@code o q}, {@code b y}.
 * When a token has both a prefix letter and a suffix letter, the larger radix wins ({@code 0bh} is hex 0B,
 * {@code 0b101} binary 5, {@code 0x1b} hex 1B). Underscores are ignored. Values wrap at 64 bits.
 */
final class Numbers {
    private Numbers() {
    }

    /** Radix named by a letter, 0 when the letter names none. */
    private static int radixLetter(char c) {
        return switch (Character.toLowerCase(c)) {
            case 'b', 'y' -> 2;
            case 'o', 'q' -> 8;
            case 'd', 't' -> 10;
            case 'h', 'x' -> 16;
            default -> 0;
        };
    }

    /**
     * The value of integer constant {@code text}. Throws NumberFormatException with a NASM-like message
     * ("invalid number `12z'") when it is not one.
     */
    static long parseInt(String text) {
        int r = 0;
        int q = text.length();
        int len = q;
        int pradix = 0;
        int sradix = 0;
        int plen = 0;
        if (len > 2 && text.charAt(0) == '0' && radixLetter(text.charAt(1)) != 0) {
            pradix = radixLetter(text.charAt(1));
            plen = 2;
        } else if (len > 1 && text.charAt(0) == '$') {
            pradix = 16;
            plen = 1;
        }
        if (len > 1) {
            sradix = radixLetter(text.charAt(len - 1));
        }
        int radix;
        if (pradix > sradix) {
            radix = pradix;
            r = plen;
        } else if (sradix > pradix) {
            radix = sradix;
            q = len - 1;
        } else {
            radix = 10;
        }
        long v = 0;
        boolean any = false;
        for (int k = r; k < q; k++) {
            char c = text.charAt(k);
            if (c == '_') {
                continue;
            }
            int d = Character.digit(c, radix);
            if (d < 0) {
                throw new NumberFormatException("invalid number `" + text + "'");
            }
            v = v * radix + d;
            any = true;
        }
        if (!any) {
            throw new NumberFormatException("invalid number `" + text + "'");
        }
        return v;
    }

    /**
     * Applies the backquote escape starting at {@code s[k]} (just after the backslash) and returns the index
     * after it. Escapes: {@code \' \" \` \\ \? \a \b \t \n \v \f \r \e}, octal {@code \377}, hex {@code \xFF},
     * Unicode {@code \u1234 \U00012345} (written as UTF-8). An unknown escape stands for the character itself.
     */
    static int escape(String s, int k, ByteArrayOutputStream out) {
        char c = s.charAt(k);
        switch (c) {
            case 'a' -> out.write(7);
            case 'b' -> out.write(8);
            case 't' -> out.write(9);
            case 'n' -> out.write(10);
            case 'v' -> out.write(11);
            case 'f' -> out.write(12);
            case 'r' -> out.write(13);
            case 'e' -> out.write(27);
            case 'x' -> {
                return hexEscape(s, k + 1, 2, out, false);
            }
            case 'u' -> {
                return hexEscape(s, k + 1, 4, out, true);
            }
            case 'U' -> {
                return hexEscape(s, k + 1, 8, out, true);
            }
            default -> {
                if (c >= '0' && c <= '7') {
                    int v = 0;
                    int n = 0;
                    while (n < 3 && k < s.length() && s.charAt(k) >= '0' && s.charAt(k) <= '7') {
                        v = v * 8 + (s.charAt(k++) - '0');
                        n++;
                    }
                    out.write(v & 0xFF);
                    return k;
                }
                out.write(c & 0xFF);
            }
        }
        return k + 1;
    }

    private static int hexEscape(String s, int k, int max, ByteArrayOutputStream out, boolean unicode) {
        int v = 0;
        int n = 0;
        while (n < max && k < s.length() && Character.digit(s.charAt(k), 16) >= 0) {
            v = v * 16 + Character.digit(s.charAt(k++), 16);
            n++;
        }
        if (!unicode) {
            out.write(v & 0xFF);
        } else if (Character.isValidCodePoint(v)) {
            out.writeBytes(new String(Character.toChars(v)).getBytes(StandardCharsets.UTF_8));
        }
        return k;
    }

    /**
     * The IEEE-754 bits of decimal floating-point constant {@code text} ({@code 1.5}, {@code -2.0e1},
     * {@code 1e3}) in {@code size} bytes (4 single, 8 double), rounded to nearest. Throws NumberFormatException
     * for other sizes or malformed text.
     *
     * SIMPLIFICATION: NASM's hexadecimal, binary and octal floating-point forms and 10-byte (dt) floats are
     * not supported.
     */
    static long floatBits(String text, boolean negative, int size) {
        String t = text.replace("_", "");
        if (!t.matches("[0-9]+(\\.[0-9]*)?([eE][+-]?[0-9]+)?")) {
            throw new NumberFormatException("invalid floating-point constant `" + text + "'");
        }
        String signed = negative ? "-" + t : t;
        return switch (size) {
            case 4 -> Float.floatToRawIntBits(Float.parseFloat(signed)) & 0xFFFF_FFFFL;
            case 8 -> Double.doubleToRawLongBits(Double.parseDouble(signed));
            default -> throw new NumberFormatException("floating-point constant `" + text
                + "' in a " + size + "-byte data item: only dd and dq take floating-point constants");
        };
    }
}
