package org.xenoscope.asm.nasm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.xenoscope.testutil.Tools;

/** Test helper: the real NASM as the reference ({@code nasm -f bin}), run in a scratch directory. */
final class NasmRef {
    private NasmRef() {
    }

    /** Result of running nasm: exit code, output bytes (null on failure), stderr. */
    record Result(int exit, byte[] bin, String errors) {
    }

    /** Assembles {@code file} with {@code nasm -f bin} and extra arguments (e.g. -I dirs). */
    static Result bin(Path file, String... extra) {
        Tools.require("nasm");
        try {
            Path out = Files.createTempFile("nasmref", ".bin");
            List<String> cmd = new ArrayList<>(List.of("nasm", "-f", "bin", "-o", out.toString()));
            cmd.addAll(List.of(extra));
            cmd.add(file.toString());
            Tools.Result r = Tools.run(file.toAbsolutePath().getParent(), cmd, 60);
            byte[] b = r.exitCode() == 0 ? Files.readAllBytes(out) : null;
            Files.deleteIfExists(out);
            return new Result(r.exitCode(), b, r.stderr());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code text} to {@code dir/name} and returns the path. */
    static Path write(Path dir, String name, String text) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            return Files.writeString(p, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
