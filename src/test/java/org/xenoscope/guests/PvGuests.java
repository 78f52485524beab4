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
import org.xenoscope.guests.GuestBuilds.Expectation;
import org.xenoscope.testutil.Tools;

/**
 * The paravirtualised sample guests of {@code sample-guests/pv}: finding them, building them with the real
 * toolchain and reading their expected outcome (the header format of {@link GuestBuilds#expectation}).
 *
 * <p>Each guest has two builds (sample-guests/pv/README.md): {@code NAME.elf}, the kernel the hypervisor loads,
 * and {@code NAME.linux}, the same objects and layout run as a Linux process under the hostxen stand-in.
 * An assembly guest {@code NAME.asm} is named {@code NAME-asm}, so that it may share a name with a C guest. Only the
 * guests of {@link #linuxGuests()} have the Linux build.
 */
public final class PvGuests {
    private PvGuests() {
    }

    /** A PV guest: its name, main source file, and expectation (exit 0 = poweroff, 1 = crash). */
    public record PvGuest(String name, Path source, Expectation expected) {
        /** True for a guest written in assembly (NASM). */
        public boolean assembly() {
            return source.getFileName().toString().endsWith(".asm");
        }

        /** The kernel for the hypervisor in {@code buildDir}. */
        public Path elf(Path buildDir) {
            return buildDir.resolve(name + ".elf");
        }

        /** True if the guest has a {@code .linux} build: the Makefile lists it in LINUX_GUESTS. */
        public boolean hasLinuxBuild() {
            return makefileList("LINUX_GUESTS").contains(name);
        }

        /** The Linux executable (guest plus hostxen) in {@code buildDir}. */
        public Path linux(Path buildDir) {
            return buildDir.resolve(name + ".linux");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** {@code sample-guests/pv} in the project. */
    public static Path sourceDir() {
        return Tools.projectRoot().resolve("sample-guests").resolve("pv");
    }

    /** Where the tests build the PV guests. */
    public static Path buildDir() {
        return Tools.projectRoot().resolve("target").resolve("guests").resolve("pv");
    }

    /**
     * Builds every PV guest with {@code make BUILD=...} into {@link #buildDir()} and returns that directory.
     * Skips the calling test (or fails it under XENOSCOPE_REQUIRE_TOOLS=1) when a tool is missing.
     */
    public static Path build() {
        Tools.require("make", "gcc", "ld", "nasm");
        Path out = buildDir().toAbsolutePath();
        Tools.check(sourceDir(), List.of("make", "-s", "BUILD=" + out, "all"), GuestBuilds.BUILD_TIMEOUT);
        return out;
    }

    /** Every shipped PV guest, sorted by name: each {@code *.asm} and {@code c/*.c} with an expect-exit header. */
    public static List<PvGuest> guests() {
        List<PvGuest> all = new ArrayList<>();
        add(all, sourceDir(), ".asm", "-asm");
        add(all, sourceDir().resolve("c"), ".c", "");
        all.sort((a, b) -> a.name().compareTo(b.name()));
        return all;
    }

    /**
     * The guests that also get a Linux build under the hostxen stand-in: the names in the Makefile's
     * {@code LINUX_GUESTS} (hostxen only knows console_io, shutdown, xen_version and mapping shared_info).
     */
    public static List<PvGuest> linuxGuests() {
        List<String> names = makefileList("LINUX_GUESTS");
        return guests().stream().filter(g -> names.contains(g.name())).toList();
    }

    /** The words of the Makefile assignment {@code NAME := words}; throws when there is none. */
    static List<String> makefileList(String variable) {
        Pattern p = Pattern.compile("^" + Pattern.quote(variable) + "\\s*:=(.*)$", Pattern.MULTILINE);
        try {
            Matcher m = p.matcher(Files.readString(sourceDir().resolve("Makefile"), StandardCharsets.UTF_8));
            if (!m.find()) {
                throw new IllegalStateException("no " + variable + " := ... in sample-guests/pv/Makefile");
            }
            return List.of(m.group(1).trim().split("\\s+"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void add(List<PvGuest> all, Path dir, String suffix, String nameSuffix) {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                String file = p.getFileName().toString();
                if (file.endsWith(suffix) && Files.readString(p, StandardCharsets.UTF_8).contains("expect-exit:")) {
                    String stem = file.substring(0, file.length() - suffix.length());
                    all.add(new PvGuest(stem + nameSuffix, p, GuestBuilds.expectation(p)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
