package org.xenoscope.testutil;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * External tools used by cross-check tests (nasm, gcc, ld, objdump, gdb, Xvfb, qemu-system-i386).
 *
 * <p>A test calls {@link #require(String)} first. When the tool is missing the test is skipped with a printed
 * reason, unless the environment sets {@code XENOSCOPE_REQUIRE_TOOLS=1} (CI does), in which case it fails.
 */
public final class Tools {
    private Tools() {
    }

    /** True when {@code XENOSCOPE_REQUIRE_TOOLS=1}: a missing tool is a failure, not a skip. */
    public static boolean required() {
        return "1".equals(System.getenv("XENOSCOPE_REQUIRE_TOOLS"));
    }

    /** True when {@code tool} is on the PATH. */
    public static boolean available(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Path.of(dir, tool).toFile().canExecute()) {
                return true;
            }
        }
        return false;
    }

    /** Skips (or, with XENOSCOPE_REQUIRE_TOOLS=1, fails) the calling test unless every tool is on the PATH. */
    public static void require(String... tools) {
        for (String t : tools) {
            if (!available(t)) {
                String why = "external tool '" + t + "' is not installed (apt-get install -y nasm gcc gdb xvfb "
                    + "qemu-system-x86)";
                if (required()) {
                    fail(why + " and XENOSCOPE_REQUIRE_TOOLS=1");
                }
                System.out.println("SKIPPED: " + why);
                Assumptions.abort(why);
            }
        }
    }

    /** Result of a finished process. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    /** Runs a command in {@code dir} with no input and a time limit; fails the test on timeout. */
    public static Result run(Path dir, List<String> cmd, long timeoutSeconds) {
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd);
            if (dir != null) {
                pb.directory(dir.toFile());
            }
            pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Process p = pb.start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread to = pump(p.getInputStream(), out);
            Thread te = pump(p.getErrorStream(), err);
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("timed out after " + timeoutSeconds + " s: " + String.join(" ", cmd));
            }
            to.join();
            te.join();
            return new Result(p.exitValue(), out.toString(StandardCharsets.ISO_8859_1),
                err.toString(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + cmd.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Like {@link #run} but fails the test unless the command exits 0. */
    public static Result check(Path dir, List<String> cmd, long timeoutSeconds) {
        Result r = run(dir, cmd, timeoutSeconds);
        if (r.exitCode() != 0) {
            fail(String.join(" ", cmd) + " exited " + r.exitCode() + "\n" + r.stdout() + r.stderr());
        }
        return r;
    }

    private static Thread pump(InputStream in, ByteArrayOutputStream sink) {
        Thread t = new Thread(() -> {
            try (in) {
                in.transferTo(sink);
            } catch (IOException ignored) {
                // the process went away; what we have is what it wrote
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** The project's top directory (set by Surefire, falls back to the working directory). */
    public static Path projectRoot() {
        return Path.of(System.getProperty("xenoscope.root", System.getProperty("user.dir")));
    }
}
