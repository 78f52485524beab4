package org.xenoscope.machine.cpu.diff;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-written cases (edge-cases.txt next to this class) that every differential run includes: the edge cases
 * reference/x86-flags.md lists, special cases of the SDM (POP to an ESP-relative address, POP ESP, POPF in
 * ring 3) and regressions found by the random cases. The file format is described at its top.
 */
public final class EdgeCases {
    private EdgeCases() {
    }

    /** Ids of edge cases start here (case labels must not clash with generated ones). */
    public static final int ID_BASE = 9_000_000;
    private static final String FILE = "edge-cases.txt";

    /** All cases of the file, in order; a malformed line is an IllegalStateException "file:line: message". */
    public static List<TestCase> load() {
        String text;
        try (InputStream in = EdgeCases.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + ": not found on the class path");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parse(text);
    }

    static List<TestCase> parse(String text) {
        List<TestCase> out = new ArrayList<>();
        Builder b = null;
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = FILE + ":" + (n + 1) + ": ";
            if (line.startsWith("case ")) {
                if (b != null) {
                    out.add(b.build(where));
                }
                b = new Builder(ID_BASE + out.size(), line.substring(5).strip());
            } else if (b == null) {
                throw new IllegalStateException(where + "expected 'case NAME' first");
            } else {
                b.line(line, where);
            }
        }
        if (b != null) {
            out.add(b.build(FILE + ":" + lines.length + ": "));
        }
        return out;
    }

    /** Collects one case. */
    private static final class Builder {
        private final int id;
        private final String name;
        private int[] regs;
        private Integer flags;
        private int undefined;
        private final List<String> body = new ArrayList<>();

        Builder(int id, String name) {
            this.id = id;
            this.name = name;
        }

        void line(String line, String where) {
            String[] f = line.split("\\s+");
            try {
                if (f[0].equals("regs")) {
                    regs = registers(f, where);
                } else if (f[0].equals("flags") && f.length == 2) {
                    flags = Integer.parseInt(f[1], 16) & (FlagBits.ARITH | FlagBits.DF);
                } else if (f[0].equals("undefined") && f.length == 2) {
                    undefined = Integer.parseInt(f[1], 16) & FlagBits.ARITH;
                } else {
                    body.add(line.endsWith(":") ? line : "    " + line);
                }
            } catch (NumberFormatException e) {
                throw new IllegalStateException(where + "bad hexadecimal number in '" + line + "'");
            }
        }

        private static int[] registers(String[] f, String where) {
            if (f.length != 8) {
                throw new IllegalStateException(where + "'regs' needs EAX ECX EDX EBX EBP ESI EDI in hex");
            }
            int[] r = new int[8];
            int k = 1;
            for (int i = 0; i < 8; i++) {
                r[i] = i == Model.ESP ? Layout.STACK_TOP : (int) Long.parseLong(f[k++], 16);
            }
            return r;
        }

        TestCase build(String where) {
            if (regs == null || flags == null || body.isEmpty()) {
                throw new IllegalStateException(where + "case '" + name + "' needs regs, flags and a body");
            }
            TestCase.Item it = new TestCase.Item(List.copyOf(body), body.size(), "edge:" + name, undefined, null);
            return new TestCase(id, regs, flags, new byte[Layout.ARENA_SIZE], List.of(it));
        }
    }
}
