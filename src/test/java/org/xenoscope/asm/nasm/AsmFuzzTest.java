package org.xenoscope.asm.nasm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.xenoscope.asm.BadInputException;
import org.xenoscope.asm.elf.ElfImage;

/**
 * Thousands of mutated sources (random character, line and token mutations of the sample and test sources, fixed
 * seed): each either assembles or fails with {@link AsmErrors} whose errors all have positions in the input; no
 * other exception escapes, no "internal error" is reported, and no case runs longer than {@link #CASE_SECONDS}.
 */
class AsmFuzzTest {
    static final int CASES = Integer.getInteger("asm.fuzz.cases", 3000);
    static final long SEED = Long.getLong("asm.fuzz.seed", 20240607L);
    static final int CASE_SECONDS = 20;

    private static final String[] TOKENS = {"%macro m 1", "%endmacro", "%if 1", "%if 0", "%else", "%endif", "%rep 3",
        "%endrep", "%define X", "%assign i i+1", "%include \"xen-elfnote.inc\"", "times 4", "times", "db", "dw",
        "dd", "dq", "resb", "equ", "align 16", "alignb", "$", "$$", "[", "]", "(", ")", ",", ":", "0x7fffffff",
        "-1", "struc s", "endstruc", "istruc s", "at", "iend", "%%x", "%1", "%0", "\\", "`", "'", "\"", ";", "..@",
        ".local", "section .data", "section .bss", "section .note.Xen", "org 0x100000", "bits 32", "bits 16",
        "incbin \"blob.bin\"", "absolute 0", "eax", "[eax+ebx*4+8]", "byte", "dword", "strict", "short", "near",
        "far", "fs:", "rep", "lock", "o16", "a16", "jmp", "call", "mov", "push", "1.5", "0b102", "1/0", "%+",
        "__FILE__", "%error", "%warning", "{", "}", "?"};

    record Source(String name, String text) {
    }

    private static List<Source> corpus() throws IOException {
        List<Source> out = new ArrayList<>();
        List<Path> files = new ArrayList<>(NasmCompatTest.sampleGuests());
        files.addAll(NasmCompatTest.compatSources());
        files.add(NasmCompatTest.includeDir().resolve("xen-elfnote.inc"));
        for (Path p : files) {
            out.add(new Source(p.getFileName().toString(), Files.readString(p, StandardCharsets.ISO_8859_1)));
        }
        out.add(new Source("macros.asm", """
            %macro pair 2+
            %%a: db %1
                 dw %2
            %endmacro
            %define SQ(x) ((x)*(x))
            %assign n 0
            %rep 5
                pair n, SQ(n), 7
                %assign n n+1
            %endrep
            struc s
            .a: resd 1
            .b: resw 1
            endstruc
            v: istruc s
            at s.b, dw 3
            iend
            """));
        return out;
    }

    @Test
    void mutatedSourcesNeverEscapeAsOtherExceptions() throws Exception {
        List<Source> corpus = corpus();
        assertThat(corpus).hasSizeGreaterThan(3);
        Random rnd = new Random(SEED);
        List<Path> includes = List.of(NasmCompatTest.includeDir(), NasmCompatTest.COMPAT);
        ExecutorService ex = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(null, r, "asm-fuzz", 64L << 20);
            t.setDaemon(true);
            return t;
        });
        int assembled = 0;
        int rejected = 0;
        try {
            for (int i = 0; i < CASES; i++) {
                Source base = corpus.get(rnd.nextInt(corpus.size()));
                String text = mutate(base.text(), rnd, corpus);
                Assembler.Options opts = new Assembler.Options(i % 2 == 0 ? Assembler.Format.BIN
                    : Assembler.Format.ELF, includes, 20);
                Future<Object> f = ex.submit(() -> {
                    try {
                        return Assembler.assemble(base.name(), text, opts);
                    } catch (AsmErrors e) {
                        return e;
                    }
                });
                Object r = run(f, i, base, text);
                if (r instanceof AsmErrors e) {
                    rejected++;
                    check(e, i, base, text);
                } else {
                    assembled++;
                    checkElf((Assembly) r, i, base, text);
                }
            }
        } finally {
            ex.shutdownNow();
        }
        System.out.printf("asm fuzz: %d cases, %d assembled, %d rejected with errors%n", CASES, assembled, rejected);
        assertThat(assembled + rejected).isEqualTo(CASES);
        assertThat(rejected).as("mutations must produce errors").isGreaterThan(CASES / 10);
    }

    private static Object run(Future<Object> f, int i, Source base, String text) throws InterruptedException {
        try {
            return f.get(CASE_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            fail("case " + i + " (" + base.name() + ") took over " + CASE_SECONDS + " s:\n" + text);
        } catch (ExecutionException e) {
            throw new AssertionError("case " + i + " (" + base.name() + ") threw " + e.getCause() + ":\n" + text,
                e.getCause());
        }
        return null;
    }

    /** An ELF that loads something must read back with Xenoscope's own ELF parser. */
    private static void checkElf(Assembly a, int i, Source base, String text) {
        boolean loads = a.sections().stream().anyMatch(s -> !s.note() && s.size() > 0);
        if (a.format() == Assembler.Format.ELF && loads) {
            try {
                ElfImage.parse(base.name(), a.image());
            } catch (BadInputException e) {
                fail("case " + i + " (" + base.name() + "): ELF output rejected: " + e.oneLine() + "\n" + text);
            }
        }
    }

    private static void check(AsmErrors e, int i, Source base, String text) {
        assertThat(e.errors()).as("case %d", i).isNotEmpty();
        for (AsmError x : e.errors()) {
            assertThat(x.message()).as("case %d (%s):%n%s", i, base.name(), text).doesNotContain("internal error");
            assertThat(x.render()).isNotBlank();
        }
    }

    /** One to four random mutations: characters, lines or tokens. */
    static String mutate(String src, Random rnd, List<Source> corpus) {
        List<String> lines = new ArrayList<>(List.of(src.split("\n", -1)));
        int n = 1 + rnd.nextInt(4);
        for (int k = 0; k < n; k++) {
            int li = rnd.nextInt(lines.size());
            String line = lines.get(li);
            switch (rnd.nextInt(7)) {
                case 0 -> lines.set(li, replaceChar(line, rnd));
                case 1 -> lines.set(li, line.isEmpty() ? line : deleteRange(line, rnd));
                case 2 -> lines.remove(li);
                case 3 -> lines.add(li, lines.get(rnd.nextInt(lines.size())));
                case 4 -> lines.add(li, randomLine(rnd, corpus));
                case 5 -> lines.set(li, insertToken(line, rnd));
                default -> lines.set(li, TOKENS[rnd.nextInt(TOKENS.length)] + " " + line);
            }
            if (lines.isEmpty()) {
                lines.add("");
            }
        }
        return String.join("\n", lines);
    }

    private static String replaceChar(String line, Random rnd) {
        String chars = "%$[]():,'\"`;.0123456789abcxyz+-*/<>=&|^~!?{}\\ \t_@#\u00e9\u0000";
        char c = chars.charAt(rnd.nextInt(chars.length()));
        if (line.isEmpty()) {
            return String.valueOf(c);
        }
        int at = rnd.nextInt(line.length());
        return line.substring(0, at) + c + line.substring(at + 1);
    }

    private static String deleteRange(String line, Random rnd) {
        int a = rnd.nextInt(line.length());
        int b = Math.min(line.length(), a + 1 + rnd.nextInt(4));
        return line.substring(0, a) + line.substring(b);
    }

    private static String randomLine(Random rnd, List<Source> corpus) {
        String[] other = corpus.get(rnd.nextInt(corpus.size())).text().split("\n");
        return other[rnd.nextInt(other.length)];
    }

    private static String insertToken(String line, Random rnd) {
        String tok = TOKENS[rnd.nextInt(TOKENS.length)];
        int at = line.isEmpty() ? 0 : rnd.nextInt(line.length() + 1);
        return line.substring(0, at) + " " + tok + " " + line.substring(at);
    }
}
