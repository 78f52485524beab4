package org.xenoscope.asm.nasm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads source and binary files for one assembly. Text is read byte for byte (ISO-8859-1), so string literals
 * assemble to exactly the bytes of the file, as with NASM. A name given to {@code %include} or {@code incbin} is
 * looked up relative to the directory of the file that names it, then in each {@code -I} directory in order;
 * an absolute name is used as is. Files are cached, so every pass sees the same contents.
 */
final class Sources {
    /** Largest file read (source or incbin). */
    static final long MAX_FILE = 64L * 1024 * 1024;

    private final List<Path> includeDirs;
    private final Map<Path, byte[]> cache = new HashMap<>();

    Sources(List<Path> includeDirs) {
        this.includeDirs = List.copyOf(includeDirs);
    }

    /** A source file given as text (tests, the GUI editor); includes are resolved against {@code dir}. */
    static SourceFile fromText(String name, String text, Path dir) {
        String raw = new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        Path p = dir == null ? null : dir.resolve("__source__");
        return new SourceFile(name, p, SourceFile.splitLines(raw));
    }

    /** Reads the main source file; throws IOException with a short reason. */
    SourceFile main(Path file, String displayName) throws IOException {
        byte[] b = read(file);
        return new SourceFile(displayName, file, SourceFile.splitLines(new String(b, StandardCharsets.ISO_8859_1)));
    }

    /** The candidate paths for {@code name} named in {@code from}, in search order. */
    List<Path> candidates(String name, SourceFile from) {
        List<Path> out = new ArrayList<>();
        try {
            Path p = Path.of(name);
            if (p.isAbsolute()) {
                out.add(p);
                return out;
            }
            Path dir = from.path() == null ? null : from.path().toAbsolutePath().getParent();
            out.add(dir == null ? p : dir.resolve(p));
            for (Path d : includeDirs) {
                out.add(d.resolve(p));
            }
        } catch (InvalidPathException e) {
            return out;
        }
        return out;
    }

    /** The included source {@code name}, or null when no candidate is a readable file. */
    SourceFile include(String name, SourceFile from) {
        List<Path> cands = candidates(name, from);
        for (int i = 0; i < cands.size(); i++) {
            Path p = cands.get(i);
            if (Files.isRegularFile(p)) {
                try {
                    byte[] b = read(p);
                    return new SourceFile(i == 0 ? name : p.toString(), p,
                        SourceFile.splitLines(new String(b, StandardCharsets.ISO_8859_1)));
                } catch (IOException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** The bytes of binary file {@code name} ({@code incbin}), or null when not found or unreadable. */
    byte[] binary(String name, SourceFile from) {
        for (Path p : candidates(name, from)) {
            if (Files.isRegularFile(p)) {
                try {
                    return read(p);
                } catch (IOException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** The bytes of {@code p}, cached; a file over {@link #MAX_FILE} is refused. */
    private byte[] read(Path p) throws IOException {
        Path key = p.toAbsolutePath().normalize();
        byte[] b = cache.get(key);
        if (b == null) {
            if (Files.size(p) > MAX_FILE) {
                throw new IOException("file too large (over " + MAX_FILE / (1024 * 1024) + " MiB)");
            }
            b = Files.readAllBytes(p);
            cache.put(key, b);
        }
        return b;
    }
}
