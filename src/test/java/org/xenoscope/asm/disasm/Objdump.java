package org.xenoscope.asm.disasm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xenoscope.testutil.Tools;

/**
 * Test helper: runs GNU objdump in Intel syntax and reads its instruction lines, and puts Xenoscope's disassembly
 * in the same form, so that the two can be compared line by line.
 *
 * <p>Normalisation (the same on both sides): runs of white space become one space, and leading and trailing
 * space is removed. Nothing else is rewritten, so a different register, size marker, number or prefix word is a
 * difference.
 */
final class Objdump {
    /** "  100010:\t55                   \tpush   ebp", and continuation lines of bytes only. */
    private static final Pattern INSN = Pattern.compile("^ *([0-9a-f]+):\t((?:[0-9a-f]{2} )+) *(?:\t(.*))?$");

    /** One instruction: address, bytes as "55 8b ec", text after normalisation. */
    record Line(long address, String bytes, String text) {
        @Override
        public String toString() {
            return String.format("%8x: %-24s %s", address, bytes, text);
        }
    }

    private Objdump() {
    }

    /** objdump's instructions for the flat binary {@code code} loaded at {@code org} (zeroes not skipped). */
    static Map<Long, Line> flat(byte[] code, int org, Path dir) {
        Tools.require("objdump");
        try {
            Path bin = Files.createTempFile(dir, "code", ".bin");
            Files.write(bin, code);
            Tools.Result r = Tools.check(dir, List.of("objdump", "-D", "-z", "-b", "binary", "-m", "i386", "-M",
                "intel", "--adjust-vma=0x" + Integer.toHexString(org), bin.toString()), 60);
            return parse(r.stdout());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The instruction lines of an objdump listing by address; continuation lines add their bytes. */
    static Map<Long, Line> parse(String listing) {
        Map<Long, Line> out = new LinkedHashMap<>();
        Line last = null;
        for (String s : listing.split("\n")) {
            Matcher m = INSN.matcher(s);
            if (!m.matches()) {
                continue;
            }
            String bytes = m.group(2).trim();
            if (m.group(3) == null && last != null) {
                last = new Line(last.address(), last.bytes() + " " + bytes, last.text());
                out.put(last.address(), last);
                continue;
            }
            last = new Line(Long.parseLong(m.group(1), 16), bytes, normalise(m.group(3) == null ? "" : m.group(3)));
            out.put(last.address(), last);
        }
        return out;
    }

    /** Xenoscope's disassembly of {@code code} at {@code org}, by address. */
    static Map<Long, Line> ours(byte[] code, int org) {
        Map<Long, Line> out = new LinkedHashMap<>();
        for (DisasmInsn in : new Disassembler().disassemble(code, org)) {
            long a = Integer.toUnsignedLong(in.address());
            out.put(a, new Line(a, in.hexBytes(), normalise(in.text())));
        }
        return out;
    }

    static String normalise(String text) {
        return text.trim().replaceAll("\\s+", " ");
    }

    /** Lines of a whole listing after normalisation, empty lines dropped. */
    static List<String> normalisedLines(String listing) {
        List<String> out = new ArrayList<>();
        for (String s : listing.split("\n")) {
            String n = normalise(s);
            if (!n.isEmpty()) {
                out.add(n);
            }
        }
        return out;
    }
}
