package org.xenoscope.xen.trace;

import java.util.Map;

/** The little JSON the trace needs: objects of strings, numbers, booleans, nulls and string arrays. */
final class Json {
    private Json() {
    }

    static String hex(int v) {
        return String.format("0x%08x", v);
    }

    static String[] hexArray(int[] v) {
        String[] s = new String[v.length];
        for (int i = 0; i < v.length; i++) {
            s[i] = hex(v[i]);
        }
        return s;
    }

    /** Contract: renders {@code m} as one JSON object on one line, keys in the map's order. */
    static String object(Map<String, Object> m) {
        StringBuilder b = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, Object> e : m.entrySet()) {
            if (!first) {
                b.append(',');
            }
            first = false;
            string(b, e.getKey());
            b.append(':');
            value(b, e.getValue());
        }
        return b.append('}').toString();
    }

    private static void value(StringBuilder b, Object v) {
        if (v == null) {
            b.append("null");
        } else if (v instanceof Number || v instanceof Boolean) {
            b.append(v);
        } else if (v instanceof String[] a) {
            b.append('[');
            for (int i = 0; i < a.length; i++) {
                if (i > 0) {
                    b.append(',');
                }
                string(b, a[i]);
            }
            b.append(']');
        } else {
            string(b, v.toString());
        }
    }

    /** Appends {@code s} as a JSON string (RFC 8259 escapes; control characters as \\u00XX). */
    static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
