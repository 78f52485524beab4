package org.xenoscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.xenoscope.cli.CliRun.Result;
import org.junit.jupiter.api.io.TempDir;
import org.xenoscope.asm.elf.ElfImage;

/** {@code xenoscope asm}: outputs, listing, error report and exit status. */
class AsmCommandTest {
    private static Result xenoscope(String... args) {
        return CliRun.xenoscope(StandardCharsets.UTF_8, args);
    }

    @TempDir
    Path dir;



    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void assemblesAFlatBinaryWithAListing() throws IOException {
        Path src = write("data.asm", "bits 32\norg 0x1000\nfirst: db 1, 2\nsecond: dw 0x0403\n");
        Result r = xenoscope("asm", src.toString(), "-l", dir.resolve("data.lst").toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(Files.readAllBytes(dir.resolve("data.bin"))).containsExactly(1, 2, 3, 4);
        String lst = Files.readString(dir.resolve("data.lst"));
        assertThat(lst).contains("     3 00001000 0102                    first: db 1, 2")
            .contains("00001002  .text        second");
    }

    @Test
    void elfFormatWithOutputAndIncludeDir() throws IOException {
        Files.createDirectories(dir.resolve("inc"));
        write("inc/consts.inc", "EXIT equ 7\n");
        Path src = write("prog.asm", "%include \"consts.inc\"\nbits 32\nglobal _start\n_start: db EXIT\n");
        Path out = dir.resolve("prog.out");
        Result r = xenoscope("asm", src.toString(), "-f", "elf", "-o", out.toString(), "-I",
            dir.resolve("inc").toString());
        assertThat(r.status()).as(r.err()).isZero();
        ElfImage img = ElfImage.parse("prog.out", Files.readAllBytes(out));
        assertThat(img.segments().get(0).data()).containsExactly(7);
        assertThat(img.symbol("EXIT")).isPresent();
    }

    @Test
    void errorsAreAllPrintedWithCaretsAndExitTwo() throws IOException {
        Path src = write("bad.asm", "bits 32\ndb nothing\ndw 1 +\n");
        Result r = xenoscope("asm", src.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo(src + ":2:4: symbol `nothing' not defined\n"
            + "    db nothing\n"
            + "       ^\n"
            + src + ":3:7: expression expected at end of line\n"
            + "    dw 1 +\n"
            + "          ^\n");
        assertThat(Files.exists(dir.resolve("bad.bin"))).isFalse();
    }

    @Test
    void theReadmeDemoAssemblesHelloAndBootsIt() {
        Path hello = org.xenoscope.testutil.Tools.projectRoot().resolve("sample-guests/bare-metal/hello.asm");
        Path elf = dir.resolve("hello.elf");
        Result a = xenoscope("asm", "-f", "elf", hello.toString(), "-o", elf.toString());
        assertThat(a.status()).as(a.err()).isZero();
        Result r = xenoscope("run", "--bare-metal", elf.toString());
        assertThat(r.out()).isEqualTo("Hello from bare metal!\nbooted with EAX=0x2BADB002\n");
        assertThat(r.status()).isEqualTo(1);
    }

    @Test
    void warningsDoNotFail() throws IOException {
        Path src = write("w.asm", "%warning \"heads up\"\ndb 1\n");
        Result r = xenoscope("asm", src.toString());
        assertThat(r.status()).isZero();
        assertThat(r.err()).startsWith(src + ":1:1: warning: heads up");
    }

    @Test
    void badOptionsAndMissingFiles() {
        Result f = xenoscope("asm", dir.resolve("x.asm").toString(), "-f", "coff");
        assertThat(f.status()).isEqualTo(2);
        assertThat(f.err()).isEqualTo("-f: unknown output format `coff' (bin or elf)\n");
        Result m = xenoscope("asm", dir.resolve("missing.asm").toString());
        assertThat(m.status()).isEqualTo(2);
        assertThat(m.err()).isEqualTo(dir.resolve("missing.asm") + ": no such file\n");
    }
}
