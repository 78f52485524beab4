package org.xenoscope.machine.cpu;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.xenoscope.testutil.Tools;

/**
 * Test helper: assembles a snippet with the real NASM ({@code nasm -f bin}) into flat machine code, optionally
 * with the address of every label (read from NASM's map file). {@link #assemble} places a snippet at
 * {@link FlatMachine#CODE} ({@code bits 32}, {@code org 0x1000}); a snippet may put data in
 * {@code section .data}, which NASM places after the code in the same image. The test is skipped (or, under
 * XENOSCOPE_REQUIRE_TOOLS=1, failed) when nasm is missing. Results are cached per source text for the test JVM.
 */
public final class Nasm {
    private static final Map<String, Program> CACHE = new ConcurrentHashMap<>();

    /** Assembled code and the address of every label (local labels as {@code outer.local}). */
    public record Program(byte[] code, Map<String, Integer> symbols) {
        /** Address of {@code label}; fails the test when the snippet has no such label. */
        public int sym(String label) {
            Integer a = symbols.get(label);
            if (a == null) {
                fail("no label '" + label + "' in the snippet (labels: " + symbols.keySet() + ")");
            }
            return a;
        }
    }

    private Nasm() {
    }

    /** The bytes of {@code source} as 32-bit code at {@link FlatMachine#CODE}. */
    public static byte[] assemble(String source) {
        return program32(FlatMachine.CODE, source).code();
    }

    /** Assembles {@code body} as 32-bit code placed at {@code org}. */
    public static byte[] assemble32(int org, String body) {
        return program32(org, body).code();
    }

    /** Assembles {@code body} as 32-bit code placed at {@code org}, with its labels. */
    public static Program program32(int org, String body) {
        return program("bits 32\norg 0x" + Integer.toHexString(org) + "\n" + body + "\n");
    }

    /** Assembles a complete NASM source (it sets its own {@code bits}/{@code org}), with its labels. */
    public static Program program(String source) {
        Tools.require("nasm");
        Program p = CACHE.computeIfAbsent(source, Nasm::run);
        return new Program(p.code().clone(), p.symbols());
    }

    private static Program run(String source) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("xenoscope-nasm");
            Path in = dir.resolve("snippet.asm");
            Path bin = dir.resolve("snippet.bin");
            Path map = dir.resolve("snippet.map");
            Files.writeString(in, source + "\n[map symbols " + map + "]\n", StandardCharsets.UTF_8);
            Tools.Result r = Tools.run(dir, List.of("nasm", "-f", "bin", "-o", bin.toString(), in.toString()), 30);
            if (r.exitCode() != 0) {
                fail("nasm failed:\n" + r.stderr() + "\n--- source ---\n" + numbered(source));
            }
            return new Program(Files.readAllBytes(bin), symbols(Files.readAllLines(map)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run nasm: " + e.getMessage(), e);
        } finally {
            deleteQuietly(dir);
        }
    }

    /** Parses the symbol part of a NASM bin map file: "real  virtual  name" lines. */
    private static Map<String, Integer> symbols(List<String> lines) {
        Map<String, Integer> m = new java.util.HashMap<>();
        for (String line : lines) {
            String[] t = line.trim().split("\\s+");
            if (t.length == 3 && t[0].matches("[0-9A-Fa-f]+") && t[1].matches("[0-9A-Fa-f]+")) {
                m.put(t[2], (int) Long.parseLong(t[1], 16));
            }
        }
        return Map.copyOf(m);
    }

    private static String numbered(String source) {
        StringBuilder sb = new StringBuilder();
        String[] lines = source.split("\n", -1);
        for (int k = 0; k < lines.length; k++) {
            sb.append(String.format("%4d  %s%n", k + 1, lines[k]));
        }
        return sb.toString();
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
