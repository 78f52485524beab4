package org.xenoscope.guests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
     * What a guest must do, from its header.
     *
     * @param output          the exact output: every {@code expect-output} line followed by a newline
     * @param exitStatus      the status of a bare-metal run (QEMU, Xenoscope): {@code (c << 1) | 1} after the
     *                        guest writes {@code c} to port 0xF4, 0 after {@code cli; hlt}
     * @param maxInstructions an instruction limit the bare-metal run stays under
     */
    public record Expectation(String output, int exitStatus, long maxInstructions) {
        /** The exit status of the Linux build: the code the program passed to exit_. */
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
     * Reads the expectation header of {@code source} (see sample-guests/bare-metal/README.md): any number of
     * {@code expect-output} lines, exactly one {@code expect-exit} and one {@code max-instructions}.
     * Throws {@link HeaderException} on an unknown key, a bad or repeated value, or a missing key.
     */
    public static Expectation expectation(Path source) {
        StringBuilder output = new StringBuilder();
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
                case "expect-output" -> output.append(value).append('\n');
                case "expect-exit" -> exit = once(exit, number(source, i + 1, key, value, 255), source, i + 1, key);
                case "max-instructions" -> limit = once(limit, number(source, i + 1, key, value, Long.MAX_VALUE),
                    source, i + 1, key);
                default -> throw new HeaderException(source, i + 1, "unknown header key '" + key + "'");
            }
        }
        if (exit < 0 || limit < 0) {
            throw new HeaderException(source, 0, "no " + (exit < 0 ? "expect-exit" : "max-instructions") + " header");
        }
        return new Expectation(output.toString(), (int) exit, limit);
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
