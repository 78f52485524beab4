package org.xenoscope.asm.nasm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xenoscope.testutil.Tools;

/**
 * Runs {@code nasm -f bin -l listing} on a source file and splits the output by source line. The listing gives,
 * for each line that produced code, its offset and byte count (a long instruction continues on extra listing
 * lines with the same line number); the bytes are read from the binary, because the listing shows the target of
 * a relative branch in parentheses instead of the displacement.
 *
 * <pre>
 *   listing line:  "    32 0000007F C70578563412443322-     mov dword [0x12345678], 0x11223344"
 *                   line#  offset   bytes (hex, () [] around relocated fields, '-' = continued)  source
 * </pre>
 */
final class NasmOracle {
    /** One source line that produced code. */
    record Line(int number, String source, int offset, byte[] bytes) {
    }

    private static final Pattern CODE = Pattern.compile("^\\s*(\\d+) ([0-9A-F]{8}) ([0-9A-F()\\[\\]-]+)");

    private NasmOracle() {
    }

    /** The text of test resource {@code name} (e.g. {@code /asm/coverage.asm}). */
    static String resource(String name) {
        try (InputStream in = NasmOracle.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Assembles {@code source} in {@code dir} with nasm (failing the test on an error) and splits the result. */
    static List<Line> assemble(Path dir, String source) {
        try {
            Files.writeString(dir.resolve("in.asm"), source);
            Tools.check(dir, List.of("nasm", "-f", "bin", "-w-all", "-l", "in.lst", "in.asm", "-o", "in.bin"), 60);
            byte[] bin = Files.readAllBytes(dir.resolve("in.bin"));
            return split(Files.readAllLines(dir.resolve("in.lst")), source.split("\n", -1), bin);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether nasm rejects {@code source}; returns its first error message, or null when it assembles. */
    static String error(Path dir, String source) {
        try {
            Files.writeString(dir.resolve("bad.asm"), source);
            Tools.Result r = Tools.run(dir, List.of("nasm", "-f", "bin", "-w-all", "bad.asm", "-o", "bad.bin"), 60);
            if (r.exitCode() == 0) {
                return null;
            }
            String first = r.stderr().lines().filter(l -> l.contains("error:")).findFirst().orElse(r.stderr());
            return first.replaceFirst(".*error: ", "").trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Line> split(List<String> listing, String[] src, byte[] bin) {
        Map<Integer, int[]> spans = new LinkedHashMap<>(); // line -> {offset, length}
        for (String l : listing) {
            Matcher m = CODE.matcher(l);
            if (!m.find()) {
                continue;
            }
            int line = Integer.parseInt(m.group(1));
            int offset = Integer.parseInt(m.group(2), 16);
            int len = m.group(3).replaceAll("[^0-9A-F]", "").length() / 2;
            spans.computeIfAbsent(line, k -> new int[] {offset, 0})[1] += len;
        }
        List<Line> out = new ArrayList<>();
        for (Map.Entry<Integer, int[]> e : spans.entrySet()) {
            int[] s = e.getValue();
            out.add(new Line(e.getKey(), src[e.getKey() - 1].trim(), s[0],
                Arrays.copyOfRange(bin, s[0], s[0] + s[1])));
        }
        return out;
    }

    /** Bytes as "0F 84 00 10" for failure messages. */
    static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(sb.length() == 0 ? "" : " ").append(String.format("%02X", x & 0xFF));
        }
        return sb.toString();
    }
}
