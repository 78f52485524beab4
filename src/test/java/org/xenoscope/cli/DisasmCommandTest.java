package org.xenoscope.cli;

import static org.xenoscope.cli.CliRun.xenoscope;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xenoscope.cli.CliRun.Result;
import org.junit.jupiter.api.io.TempDir;
import org.xenoscope.testutil.Tools;

/** {@code xenoscope disasm}: ELF and flat binaries, --start/--count, and one-line errors with exit status 2. */
class DisasmCommandTest {
    /** Functions separated by runs of zero bytes of every interesting length, and a cut-off instruction. */
    private static final String SOURCE = """
        section .text
        global _start
        _start:
            mov eax, 1
            db 0
        f1: call f2
            db 0, 0
        f2: ret
            db 0, 0, 0
        f3: jne f1
            times 7 db 0
        f4: ret
            times 9 db 0
        f5: db 0x8d, 0x76, 0x00
            times 11 db 0
            nop
            times 16 db 0
            inc eax
            db 0x3d, 1
        f6: ret
            db 0xe8
        """;

    @TempDir
    Path dir;



    private Path elf() {
        Tools.require("nasm", "ld");
        write("k.asm", SOURCE);
        Tools.check(dir, List.of("nasm", "-f", "elf32", "k.asm", "-o", "k.o"), 60);
        Tools.check(dir, List.of("ld", "-m", "elf_i386", "-Ttext", "0x100000", "-e", "_start", "-o", "k.elf",
            "k.o"), 60);
        return dir.resolve("k.elf");
    }

    private Path write(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The listing with objdump's own path argument, to compare whole outputs. */
    private String objdump(String... options) {
        Tools.require("objdump");
        List<String> cmd = new java.util.ArrayList<>(List.of("objdump", "-d", "-M", "intel"));
        cmd.addAll(List.of(options));
        cmd.add("k.elf");
        return Tools.check(dir, cmd, 60).stdout();
    }

    @Test
    void listsAnElfExactlyAsObjdumpDoes() {
        Path k = elf();
        Result r = xenoscope("disasm", k.toString());
        assertThat(r.status()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out().replace(k.toString(), "k.elf")).isEqualTo(objdump());
        assertThat(r.out()).contains("<f2>:", "call   10000d <f2>", "\t...\n", ".byte 0x3d", ".byte 0xe8");
    }

    @Test
    void startsAtAnAddressAndStopsAfterCountInstructions() {
        Path k = elf();
        Result r = xenoscope("disasm", k.toString(), "--start", "0x100003");
        assertThat(r.out().replace(k.toString(), "k.elf")).isEqualTo(objdump("--start-address=0x100003"));
        Result two = xenoscope("disasm", k.toString(), "--start", "0x100006", "--count", "2", "--no-show-raw-insn");
        assertThat(two.status()).isZero();
        assertThat(two.out()).contains("00100006 <f1>:\n  100006:\tcall   10000d <f2>\n\t...\n\n0010000d <f2>:\n"
            + "  10000d:\tret\n");
        assertThat(two.out()).doesNotContain("jne");
    }

    @Test
    void listsAFlatBinaryAtItsOrigin() throws IOException {
        Path bin = dir.resolve("code.bin");
        Files.write(bin, new byte[] {(byte) 0xE8, 0x00, 0x00, 0x00, 0x00, (byte) 0xF3, (byte) 0xA5, (byte) 0xC3});
        Result r = xenoscope("disasm", bin.toString(), "--raw", "--org", "0x7c00");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("    7c00:\te8 00 00 00 00       \tcall   0x7c05\n",
            "    7c05:\tf3 a5                \trep movs DWORD PTR es:[edi],DWORD PTR ds:[esi]\n",
            "    7c07:\tc3                   \tret\n");
    }

    @Test
    void badInputIsOneLineAndStatusTwo() throws IOException {
        Path k = elf();
        Path text = write("notes.txt", "hello\n");
        Path obj = dir.resolve("k.o");
        assertBad(xenoscope("disasm", dir.resolve("missing.elf").toString()), "missing.elf: no such file");
        assertBad(xenoscope("disasm", text.toString()), "notes.txt: not an ELF file (for a flat binary use --raw");
        assertBad(xenoscope("disasm", obj.toString()), "k.o: relocatable object, not an executable");
        assertBad(xenoscope("disasm", text.toString(), "--raw"), "--raw: needs --org ADDR");
        assertBad(xenoscope("disasm", k.toString(), "--org", "0x1000"), "--org: only applies to a --raw binary");
        assertBad(xenoscope("disasm", k.toString(), "--start", "zz"), "--start: not an address: 'zz'");
        assertBad(xenoscope("disasm", k.toString(), "--start", "0x200000"), "--start: 0x200000 is not in the code");
        assertBad(xenoscope("disasm", k.toString(), "--count", "-1"), "--count: must be 0 (all) or positive");
        assertBad(xenoscope("disasm", text.toString(), "--raw", "--org", "0x1ffffffff"),
            "--org: address out of the 32-bit range");
        assertBad(xenoscope("disasm"), "xenoscope: Missing required parameter: 'FILE'");
    }

    private static void assertBad(Result r, String start) {
        assertThat(r.status()).as(r.err()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).hasSize(1);
        assertThat(r.err()).contains(start);
    }
}
