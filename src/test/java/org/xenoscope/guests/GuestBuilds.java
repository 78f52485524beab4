package org.xenoscope.guests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import org.xenoscope.testutil.Tools;

/**
 * The bare-metal sample guests of {@code sample-guests/bare-metal}: finding them, building them with the real
 * toolchain, reading the expected outcome from their headers, and running them on Linux and QEMU.
 *
 * <p>Used by every leg of the cross-check (native Linux, QEMU, and Xenoscope's own machine), so that all legs
 * hold the guests to the same expectations.
 */
public final class GuestBuilds {
    /** Seconds allowed for {@code make}, and for one run of a guest. */
    static final long BUILD_TIMEOUT = 120;
    static final long RUN_TIMEOUT = 30;

    private static final Pattern HEADER = Pattern.compile("^\\s*(?:;|//)\\s*([a-z]+(?:-[a-z]+)*):(.*)$");

    private GuestBuilds() {
    }

    /** A guest: its name (the file name without extension), main source file, and expectation. */
    public record Guest(String name, Path source, Expectation expected) {
        /** True for the C programs, which also have a {@code NAME.linux} build. */
        public boolean hasLinuxBuild() {
            return source.getFileName().toString().endsWith(".c");
        }

        /** The multiboot kernel in {@code buildDir}. */
        public Path elf(Path buildDir) {
            return buildDir.resolve(name + ".elf");
        }

        /** The static i386 Linux executable in {@code buildDir} (C programs only). */
        public Path linux(Path buildDir) {
            return buildDir.resolve(name + ".linux");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * One expected output line: the exact text ({@code expect-output}) or a Java regular expression the whole
     * line must match ({@code expect-output-match}).
     */
    public record Line(String text, boolean pattern) {
        /** True when {@code actual} (without its newline) is this line. */
        public boolean matches(String actual) {
            return pattern ? Pattern.matches(text, actual) : text.equals(actual);
        }

        @Override
        public String toString() {
            return pattern ? "/" + text + "/" : "'" + text + "'";
        }
    }

    /**
     * What a guest must do, from its header.
     *
     * @param lines           the output, line by line; each line is printed followed by a newline
     * @param exitStatus      the status of the run: for bare-metal guests (QEMU, Xenoscope) {@code (c << 1) | 1}
     *                        after the guest writes {@code c} to port 0xF4, 0 after {@code cli; hlt}; for PV guests
     *                        0 after SHUTDOWN_poweroff, 1 after a crash (sample-guests/README.md)
     * @param maxInstructions an instruction limit the run stays under
     */
    public record Expectation(List<Line> lines, int exitStatus, long maxInstructions) {
        public Expectation {
            lines = List.copyOf(lines);
        }

        /** An expectation of exactly {@code output} (lines each ended by a newline). */
        public Expectation(String output, int exitStatus, long maxInstructions) {
            this(exactLines(output), exitStatus, maxInstructions);
        }

        private static List<Line> exactLines(String output) {
            if (output.isEmpty()) {
                return List.of();
            }
            String body = output.endsWith("\n") ? output.substring(0, output.length() - 1) : output;
            return Stream.of(body.split("\n", -1)).map(l -> new Line(l, false)).toList();
        }

        /** The exact output; only for guests without {@code expect-output-match} lines. */
        public String output() {
            StringBuilder out = new StringBuilder();
            for (Line l : lines) {
                if (l.pattern()) {
                    throw new IllegalStateException("the output has pattern lines: use mismatch(actual)");
                }
                out.append(l.text()).append('\n');
            }
            return out.toString();
        }

        /**
         * Compares {@code actual} with the expected lines: empty when it matches, else what differs first
         * ("line 3: expected /regex/, got 'text'").
         */
        public Optional<String> mismatch(String actual) {
            if (!actual.isEmpty() && !actual.endsWith("\n")) {
                return Optional.of("the output does not end with a newline");
            }
            List<String> got = actual.isEmpty() ? List.of()
                : List.of(actual.substring(0, actual.length() - 1).split("\n", -1));
            for (int i = 0; i < Math.min(got.size(), lines.size()); i++) {
                if (!lines.get(i).matches(got.get(i))) {
                    return Optional.of("line " + (i + 1) + ": expected " + lines.get(i) + ", got '" + got.get(i) + "'");
                }
            }
            if (got.size() != lines.size()) {
                return Optional.of("expected " + lines.size() + " lines, got " + got.size());
            }
            return Optional.empty();
        }

        /** The exit status of a bare-metal program's Linux build: the code the program passed to exit_. */
        public int linuxStatus() {
            return exitStatus >> 1;
        }
    }

    /** A malformed guest header, reported as {@code file:line: message} (or {@code file: message}). */
    public static final class HeaderException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HeaderException(Path file, int line, String message) {
            super(file + (line > 0 ? ":" + line : "") + ": " + message);
        }
    }

    /** {@code sample-guests/bare-metal} in the project. */
    public static Path sourceDir() {
        return Tools.projectRoot().resolve("sample-guests").resolve("bare-metal");
    }

    /** Where the tests build the guests (under Maven's target/, so {@code mvn clean} removes it). */
    public static Path buildDir() {
        return Tools.projectRoot().resolve("target").resolve("guests").resolve("bare-metal");
    }

    /**
     * Builds every guest with {@code make BUILD=...} into {@link #buildDir()} and returns that directory.
     * Skips the calling test (or fails it under XENOSCOPE_REQUIRE_TOOLS=1) when a tool is missing.
     */
    public static Path build() {
        Tools.require("make", "gcc", "ld", "nasm");
        Path out = buildDir().toAbsolutePath();
        Tools.check(sourceDir(), List.of("make", "-s", "BUILD=" + out, "all"), BUILD_TIMEOUT);
        return out;
    }

    /**
     * Every shipped guest, sorted by name: each {@code *.asm} kernel and each {@code c/*.c} program that carries
     * an {@code expect-exit} header (include files and the platform layer do not).
     */
    public static List<Guest> guests() {
        List<Guest> all = new ArrayList<>();
        addGuests(all, sourceDir(), ".asm");
        addGuests(all, sourceDir().resolve("c"), ".c");
        all.sort((a, b) -> a.name().compareTo(b.name()));
        return all;
    }

    private static void addGuests(List<Guest> all, Path dir, String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                if (p.toString().endsWith(suffix) && read(p).contains("expect-exit:")) {
                    all.add(guest(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The guests that have a Linux build (the C programs). */
    public static List<Guest> cPrograms() {
        return guests().stream().filter(Guest::hasLinuxBuild).toList();
    }

    /** The guest whose main source file is {@code source}. */
    public static Guest guest(Path source) {
        String file = source.getFileName().toString();
        return new Guest(file.substring(0, file.lastIndexOf('.')), source, expectation(source));
    }

    /**
     * Reads the expectation header of {@code source} (see sample-guests/README.md): any number of
     * {@code expect-output} and {@code expect-output-match} lines, exactly one {@code expect-exit} and one
     * {@code max-instructions}.
     * Throws {@link HeaderException} on an unknown key, a bad or repeated value, or a missing key.
     */
    public static Expectation expectation(Path source) {
        List<Line> output = new ArrayList<>();
        long exit = -1;
        long limit = -1;
        String[] lines = read(source).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = HEADER.matcher(lines[i]);
            if (!m.matches() || !isKey(m.group(1))) {
                continue;
            }
            String key = m.group(1);
            String value = m.group(2).startsWith(" ") ? m.group(2).substring(1) : m.group(2);
            switch (key) {
                case "expect-output" -> output.add(new Line(value, false));
                case "expect-output-match" -> output.add(new Line(pattern(source, i + 1, value), true));
                case "expect-exit" -> exit = once(exit, number(source, i + 1, key, value, 255), source, i + 1, key);
                case "max-instructions" -> limit = once(limit, number(source, i + 1, key, value, Long.MAX_VALUE),
                    source, i + 1, key);
                default -> throw new HeaderException(source, i + 1, "unknown header key '" + key + "'");
            }
        }
        if (exit < 0 || limit < 0) {
            throw new HeaderException(source, 0, "no " + (exit < 0 ? "expect-exit" : "max-instructions") + " header");
        }
        return new Expectation(output, (int) exit, limit);
    }

    /** Returns value after checking it is a valid regular expression. */
    private static String pattern(Path file, int line, String value) {
        try {
            Pattern.compile(value);
            return value;
        } catch (PatternSyntaxException e) {
            throw new HeaderException(file, line, "bad expect-output-match pattern: " + e.getDescription());
        }
    }

    /** Header keys start with "expect-" or are "max-instructions"; other "word:" comments are prose. */
    private static boolean isKey(String key) {
        return key.startsWith("expect-") || key.equals("max-instructions");
    }

    /** Returns value, or throws when the key was already given (previous is not -1). */
    private static long once(long previous, long value, Path file, int line, String key) {
        if (previous >= 0) {
            throw new HeaderException(file, line, "second '" + key + "' header");
        }
        return value;
    }

    private static long number(Path file, int line, String key, String value, long max) {
        try {
            long n = Long.parseLong(value.trim());
            if (n < 0 || n > max) {
                throw new HeaderException(file, line, key + " out of range 0.." + max + ": " + value.trim());
            }
            return n;
        } catch (NumberFormatException e) {
            throw new HeaderException(file, line, key + " is not a number: '" + value.trim() + "'");
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a {@code .linux} build natively (the host kernel runs static i386 executables). */
    public static Tools.Result runLinux(Path executable) {
        return Tools.run(executable.getParent(), List.of(executable.toString()), RUN_TIMEOUT);
    }

    /** The QEMU command line that boots {@code elf} the way {@code xenoscope run --bare-metal} does. */
    public static List<String> qemuCommand(Path elf) {
        return List.of("qemu-system-i386", "-kernel", elf.toString(), "-display", "none", "-serial", "stdio",
            "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04", "-no-reboot", "-nodefaults", "-m", "64");
    }

    /** Runs {@code elf} on QEMU: stdout is exactly what the guest wrote to COM1. */
    public static Tools.Result runQemu(Path elf) {
        Tools.require("qemu-system-i386");
        return Tools.run(elf.getParent(), qemuCommand(elf), RUN_TIMEOUT);
    }
}
