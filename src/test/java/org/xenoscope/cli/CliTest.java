package org.xenoscope.cli;

import static org.xenoscope.cli.CliRun.xenoscope;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xenoscope.cli.CliRun.Result;
import org.junit.jupiter.api.io.TempDir;
import org.xenoscope.gui.XenoscopeApp;
import org.xenoscope.testutil.Tools;

/** Runs {@link Main} in-process on kernels built with nasm and ld, checking stdout, stderr and the exit status. */
class CliTest {
    /** A multiboot-1 header at the start of .text, then _start (kernels are linked at 1 MiB). */
    private static final String HEADER = """
        section .text
        align 4
            dd 0x1BADB002, 3, -(0x1BADB002 + 3)
        global _start
        _start:
        """;

    @TempDir
    Path dir;



    /** Assembles {@code body} after the multiboot header (nasm -f elf32) and links it at 1 MiB (ld). */
    private Path kernel(String name, String body) {
        Tools.require("nasm", "ld");
        write(name + ".asm", HEADER + body);
        Tools.check(dir, List.of("nasm", "-f", "elf32", name + ".asm", "-o", name + ".o"), 60);
        Tools.check(dir, List.of("ld", "-m", "elf_i386", "-Ttext", "0x100000", "-e", "_start", "-o",
            name + ".elf", name + ".o"), 60);
        return dir.resolve(name + ".elf");
    }

    private Path write(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void noArgumentsWithoutADisplayIsOneLineAndStatus1() {
        String line = XenoscopeApp.noDisplay(true, null);
        assertThat(line).startsWith("xenoscope: no display").contains("./xenoscope run").doesNotContain("\n");
        if (!GraphicsEnvironment.isHeadless()) {
            return; // with a display, no arguments start the GUI (MainWindowTest covers it)
        }
        Result r = xenoscope();
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.errLines()).containsExactly(XenoscopeApp.noDisplay());
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aFileArgumentIsCheckedBeforeTheGuiStarts() {
        Result missing = xenoscope(dir.resolve("nope.asm").toString());
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.errLines()).containsExactly(dir.resolve("nope.asm") + ": no such file");
        Path txt = write("notes.txt", "not a guest\n");
        Result wrong = xenoscope(txt.toString());
        assertThat(wrong.status()).isEqualTo(2);
        assertThat(wrong.errLines()).singleElement().asString().startsWith(txt + ": cannot open this kind of file");
    }

    @Test
    void helpNamesTheGuiFileAndTheScreenshotsCommand() {
        Result r = xenoscope("--help");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("Usage: xenoscope").contains("[FILE]").contains("screenshots").contains("run");
    }

    @Test
    void missingKernelFileIsOneLineAndStatus2() {
        Result r = xenoscope("run", "--bare-metal", dir.resolve("nope.elf").toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly(dir.resolve("nope.elf") + ": no such file");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void textFileIsRejected() {
        Path p = write("notes.txt", "this is not a kernel\n");
        Result r = xenoscope("run", "--bare-metal", p.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).startsWith(p + ": ").contains("no multiboot header");
    }

    @Test
    void multibootBinaryThatIsNotElfIsRejected() {
        Tools.require("nasm");
        write("raw.asm", "bits 32\n" + HEADER + "hlt\n");
        Tools.check(dir, List.of("nasm", "-f", "bin", "raw.asm", "-o", "raw.bin"), 60);
        Result r = xenoscope("run", "--bare-metal", dir.resolve("raw.bin").toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString().startsWith(dir.resolve("raw.bin") + ": not an ELF");
    }

    @Test
    void sixtyFourBitElfIsRejected() {
        Tools.require("nasm", "ld");
        write("k64.asm", HEADER + "hlt\n");
        Tools.check(dir, List.of("nasm", "-f", "elf64", "k64.asm", "-o", "k64.o"), 60);
        Tools.check(dir, List.of("ld", "-m", "elf_x86_64", "-Ttext", "0x100000", "-e", "_start", "-o", "k64.elf",
            "k64.o"), 60);
        Result r = xenoscope("run", "--bare-metal", dir.resolve("k64.elf").toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString().startsWith(dir.resolve("k64.elf") + ": ")
            .contains("64-bit");
    }

    @Test
    void instructionLimitGivesStatus3() {
        Path k = kernel("loop", "jmp $\n");
        Result r = xenoscope("run", "--bare-metal", k.toString(), "--max-instructions", "1000");
        assertThat(r.status()).isEqualTo(3);
        assertThat(r.errLines()).singleElement().asString().contains("1000 instructions");
    }

    @Test
    void debugExitWriteBecomesTheExitStatus() {
        // OUTS sends the byte 42 to port 0xF4: status (42 << 1) | 1 = 85
        Path k = kernel("exit", "mov dx, 0xF4\nmov esi, value\noutsb\njmp $\nvalue: db 42\n");
        Result r = xenoscope("run", "--bare-metal", k.toString(), "--max-instructions", "1000");
        assertThat(r.status()).isEqualTo(85);
        assertThat(r.err()).isEmpty();
    }

    @Test
    void com1OutputGoesToStdoutAndHltEndsWithStatus0() {
        Path k = kernel("hi", "mov dx, 0x3F8\nmov esi, msg\nmov ecx, 9\nrep outsb\nhlt\nmsg: db `hi there\\n`\n");
        Result r = xenoscope("run", "--bare-metal", k.toString(), "--memory", "4");
        assertThat(r.out()).isEqualTo("hi there\n");
        assertThat(r.status()).as(r.err()).isZero();
    }

    @Test
    void tripleFaultIsReportedWithStatus1() {
        Path k = kernel("ud", "ud2\n");
        Result r = xenoscope("run", "--bare-metal", k.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.errLines()).singleElement().asString().startsWith("xenoscope: triple fault");
    }

    @Test
    void badOptionsAreOneLine() {
        Path k = kernel("h", "hlt\n");
        for (String[] args : new String[][] {
            {"run", "--bare-metal", k.toString(), "--memory", "lots"},
            {"run", "--bare-metal", k.toString(), "--memory", "1"},
            {"run", "--bare-metal", k.toString(), "--max-instructions", "-5"},
            {"run"},
            {"run", "--bare-metal", k.toString(), "--frobnicate"},
            {"bench", "--seconds", "0"},
            {"nosuchcommand"}}) {
            Result r = xenoscope(args);
            assertThat(r.status()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.errLines()).as(String.join(" ", args)).hasSize(1);
            assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void directoryIsRejected() {
        Result r = xenoscope("run", "--bare-metal", dir.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly(dir + ": is a directory, not a kernel file");
    }

    @Test
    void benchPrintsMips() {
        Result r = xenoscope("bench", "--seconds", "1");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).matches("\\d+ instructions in \\d+\\.\\d\\d s: \\d+\\.\\d MIPS\\n");
    }

    @Test
    void runAssemblesAndBootsANasmSourceWithoutAnyExternalTool() {
        Path timer = Tools.projectRoot().resolve("sample-guests/bare-metal/timer.asm");
        Result r = xenoscope("run", "--bare-metal", timer.toString());
        assertThat(r.out()).isEqualTo("..........\n10 timer interrupts; handler ran with IF=0\n");
        assertThat(r.status()).isEqualTo((10 << 1) | 1);
    }

    @Test
    void runReportsAssemblyErrorsWithPositionAndCaretAndExits2() {
        Path bad = write("bad.asm", "bits 32\nstart:\n    mov eax, ebx, ecx\n    frob eax\n");
        Result r = xenoscope("run", "--bare-metal", bad.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("bad.asm:3:").contains("bad.asm:4:").contains("^")
            .doesNotContain("Exception").doesNotContain("\tat ");
    }
}
