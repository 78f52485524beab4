package org.xenoscope.machine.cpu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.xenoscope.testutil.Tools;

/**
 * Test helper: assembles a snippet with the real NASM into a flat binary for {@link FlatMachine#CODE}
 * ({@code bits 32}, {@code org 0x1000}, {@code nasm -f bin}). A snippet may put data in {@code section .data},
 * which NASM places after the code in the same image, so its labels are real addresses. Results are cached per
 * source text for the test JVM.
 */
final class Nasm {
    private static final Map<String, byte[]> CACHE = new ConcurrentHashMap<>();

    private Nasm() {
    }

    /** The bytes of {@code source}; skips the test when nasm is missing (fails under XENOSCOPE_REQUIRE_TOOLS=1). */
    static byte[] assemble(String source) {
        Tools.require("nasm");
        return CACHE.computeIfAbsent(source, Nasm::runNasm).clone();
    }

    private static byte[] runNasm(String source) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("xenoscope-nasm");
            String text = "bits 32\norg 0x" + Integer.toHexString(FlatMachine.CODE) + "\n" + source + "\n";
            Files.writeString(dir.resolve("in.asm"), text, StandardCharsets.UTF_8);
            Tools.check(dir, List.of("nasm", "-f", "bin", "-o", "out.bin", "in.asm"), 60);
            return Files.readAllBytes(dir.resolve("out.bin"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
