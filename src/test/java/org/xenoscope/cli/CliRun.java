package org.xenoscope.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs {@link Main} in-process, as the launcher would, and keeps its exit status, stdout and stderr. */
final class CliRun {
    private CliRun() {
    }

    /** How one run ended. */
    record Result(int status, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    /** {@code xenoscope args...}, the streams decoded as ISO-8859-1 (guest output is bytes). */
    static Result xenoscope(String... args) {
        return xenoscope(StandardCharsets.ISO_8859_1, args);
    }

    /** {@code xenoscope args...}, the streams decoded with {@code cs}. */
    static Result xenoscope(Charset cs, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, cs), new PrintStream(err, true, cs));
        return new Result(status, out.toString(cs), err.toString(cs));
    }
}
