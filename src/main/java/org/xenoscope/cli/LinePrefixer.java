package org.xenoscope.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.function.IntConsumer;

/** Console bytes of one of several domains, written to stdout a whole line at a time behind a prefix ("[d1] "). */
final class LinePrefixer implements IntConsumer {
    private final PrintStream out;
    private final byte[] prefix;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LinePrefixer(PrintStream out, String prefix) {
        this.out = out;
        this.prefix = prefix.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Override
    public void accept(int c) {
        line.write(c);
        if (c == '\n') {
            flush();
        }
    }

    /** Writes what is buffered (a last line without its newline gets one). */
    void flush() {
        if (line.size() == 0) {
            return;
        }
        out.write(prefix, 0, prefix.length);
        byte[] b = line.toByteArray();
        out.write(b, 0, b.length);
        if (b[b.length - 1] != '\n') {
            out.write('\n');
        }
        out.flush();
        line.reset();
    }
}
