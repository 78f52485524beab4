package org.xenoscope.asm.nasm;

import java.nio.file.Path;
import java.util.List;

/**
 * One source file as read: the name errors show (as the user or the including file wrote it), the path it was
 * read from (null for in-memory sources), and its lines without line terminators.
 */
record SourceFile(String name, Path path, List<String> lines) {
    SourceFile {
        lines = List.copyOf(lines);
    }

    /** Line {@code n} (1-based), or "" outside the file. */
    String line(int n) {
        return n >= 1 && n <= lines.size() ? lines.get(n - 1) : "";
    }

    /** Splits text into lines on LF, CRLF or CR. */
    static List<String> splitLines(String text) {
        List<String> out = new java.util.ArrayList<>(List.of(text.split("\r\n|\r|\n", -1)));
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }
}
