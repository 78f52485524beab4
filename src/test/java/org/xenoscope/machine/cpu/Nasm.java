package org.xenoscope.machine.cpu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.xenoscope.testutil.Tools;

/**
 * Test helper: assembles a snippet with the real NASM into flat binary bytes, as 32-bit code at
 * {@link FlatMachine#CODE} ({@code bits 32}, {@code org 0x1000}). Skips the calling test when nasm is missing
 * (fails under XENOSCOPE_REQUIRE_TOOLS=1).
 */
public final class Nasm {
    private Nasm() {
    }

    /** Machine code of {@code source} (lines of NASM syntax), assembled for {@link FlatMachine#CODE}. */
    public static byte[] assemble(String source) {
        Tools.require("nasm");
        try {
            Path dir = Files.createTempDirectory("xenoscope-nasm");
            try {
                Path src = dir.resolve("snippet.asm");
                Path bin = dir.resolve("snippet.bin");
                String text = "bits 32\norg 0x" + Integer.toHexString(FlatMachine.CODE) + "\n" + source + "\n";
                Files.writeString(src, text, StandardCharsets.UTF_8);
                Tools.check(dir, List.of("nasm", "-f", "bin", "-o", bin.toString(), src.toString()), 30);
                return Files.readAllBytes(bin);
            } finally {
                try (var files = Files.list(dir)) {
                    for (Path p : (Iterable<Path>) files::iterator) {
                        Files.delete(p);
                    }
                }
                Files.delete(dir);
            }
        } catch (IOException e) {
            throw new IllegalStateException("nasm snippet: " + e.getMessage(), e);
        }
    }
}
