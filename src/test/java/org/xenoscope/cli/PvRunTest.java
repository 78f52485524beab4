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

/**
 * {@code xenoscope run GUEST}: PV guests written as NASM source (assembled by Xenoscope itself, so no external tool
 * is needed) are built into a domain and run; the console, the exit status, the one-line errors and the JSON trace
 * are checked.
 */
class PvRunTest {
    @TempDir
    Path dir;



    /** A PAE guest whose _start is {@code body}; it has a hypercall page, a message and a shutdown helper. */
    private Path guest(String name, String body) throws IOException {
        String notes = Files.readString(Tools.projectRoot().resolve("sample-guests/include/xen-elfnote.inc"));
        String src = notes + """
            section .text
            global _start
            _start:
                mov esp, stack_top
            """ + body + """

            ; shutdown(reason in EBX)
            shutdown:
                mov [reason], ebx
                mov ebx, 2
                mov ecx, reason
                call hypercall_page + 29 * 32
                ud2
            print:                          ; console_io(write, ECX bytes at EDX)
                mov ebx, 0
                call hypercall_page + 18 * 32
                ret
            section .text.hypercall_page progbits alloc exec nowrite align=4096
            hypercall_page: times 4096 db 0xC3
            section .rodata
            msg: db "hello from the PV test guest", 10
            msg_len equ $ - msg
            section .note.Xen note alloc noexec nowrite align=4
                ELFNOTE "Xen", XEN_ELFNOTE_GUEST_OS, db "pvruntest", 0
                ELFNOTE "Xen", XEN_ELFNOTE_HYPERCALL_PAGE, dd hypercall_page
                ELFNOTE "Xen", XEN_ELFNOTE_PAE_MODE, db "yes", 0
            section .bss
            reason: resd 1
            stack: resb 4096
            stack_top:
            """;
        return Files.writeString(dir.resolve(name + ".asm"), src);
    }

    @Test
    void poweroffGuestPrintsAndExits0() throws IOException {
        Path g = guest("ok", "mov ecx, msg_len\n mov edx, msg\n call print\n mov ebx, 0\n jmp shutdown\n");
        Result r = xenoscope("run", g.toString());
        assertThat(r.out()).isEqualTo("hello from the PV test guest\n");
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
    }

    @Test
    void shutdownCrashExits1WithTheReason() throws IOException {
        Path g = guest("crash", "mov ebx, 3\n jmp shutdown\n");
        Result r = xenoscope("run", g.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("xenoscope: d1 (crash) crashed: SHUTDOWN_crash\n");
    }

    @Test
    void rebootIsNotASuccess() throws IOException {
        Path g = guest("reboot", "mov ebx, 1\n jmp shutdown\n");
        Result r = xenoscope("run", g.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("shut down: SHUTDOWN_reboot");
    }

    @Test
    void anUnhandledFaultKillsTheDomainWithXensReason() throws IOException {
        Path g = guest("fault", "mov eax, [0x00700000]\n");
        Result r = xenoscope("run", g.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).startsWith("xenoscope: d1 (fault) crashed: unhandled #PF page fault(0x0)")
            .contains("cr2=0x00700000").contains("no handler in the trap table");
    }

    @Test
    void instructionLimitExits3() throws IOException {
        Path g = guest("loop", "jmp $\n");
        Result r = xenoscope("run", g.toString(), "--max-instructions", "5000");
        assertThat(r.status()).isEqualTo(3);
        assertThat(r.err()).startsWith("xenoscope: stopped after 5000 instructions");
    }

    @Test
    void traceIsJsonLinesNumberedFromOne() throws IOException {
        Path g = guest("traced", "mov ecx, msg_len\n mov edx, msg\n call print\n mov ebx, 0\n jmp shutdown\n");
        Path trace = dir.resolve("t.jsonl");
        Result r = xenoscope("run", g.toString(), "--trace", trace.toString());
        assertThat(r.status()).isZero();
        List<String> lines = Files.readAllLines(trace);
        assertThat(lines).hasSizeGreaterThanOrEqualTo(3);
        for (int i = 0; i < lines.size(); i++) {
            assertThat(lines.get(i)).startsWith("{\"seq\":" + (i + 1) + ",\"time\":").endsWith("}");
        }
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"type\":\"hypercall\"")
            .contains("\"name\":\"console_io\"").contains("\"call\":\"console_io(cmd=CONSOLEIO_write, count=29, "));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"type\":\"shutdown\"")
            .contains("\"reason\":\"SHUTDOWN_poweroff\""));
    }

    @Test
    void aKernelWithoutXenNotesIsBadInput() throws IOException {
        Path k = Files.writeString(dir.resolve("mb.asm"), "section .text\nglobal _start\n_start: hlt\n");
        Result r = xenoscope("run", k.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(dir.resolve("mb.asm") + ": not a Xen PV kernel: it has no "
            + "\"Xen\" ELF notes (for a multiboot kernel use --bare-metal)\n");
    }

    @Test
    void tooLittleMemoryIsBadInput() throws IOException {
        Path g = guest("big", "jmp $\nsection .bss\nhuge: resb 3 * 1024 * 1024\n");
        Result r = xenoscope("run", g.toString(), "--memory", "2");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).contains("give it more --memory");
    }

    @Test
    void guestAndBareMetalTogetherOrNeitherAreBadInput() throws IOException {
        Path g = guest("two", "jmp $\n");
        Result both = xenoscope("run", g.toString(), "--bare-metal", g.toString());
        assertThat(both.status()).isEqualTo(2);
        assertThat(both.err()).isEqualTo("run: give either a PV guest or --bare-metal KERNEL, not both\n");
        Result none = xenoscope("run");
        assertThat(none.status()).isEqualTo(2);
        assertThat(none.err()).contains("give a guest to run");
    }

    @Test
    void pvOnlyOptionsAreRefusedForBareMetal() throws IOException {
        Path k = Files.writeString(dir.resolve("bm.asm"), "section .text\nglobal _start\n_start: hlt\n");
        Result r = xenoscope("run", "--bare-metal", k.toString(), "--trace", dir.resolve("x").toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("--trace: is for PV guests, not --bare-metal\n");
    }

    @Test
    void unwritableTraceFileIsBadInput() throws IOException {
        Path g = guest("tr", "mov ebx, 0\n jmp shutdown\n");
        Result r = xenoscope("run", g.toString(), "--trace", dir.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).contains("cannot write the trace");
    }

    @Test
    void tooLongCommandLineIsBadInput() throws IOException {
        Path g = guest("cl", "mov ebx, 0\n jmp shutdown\n");
        Result r = xenoscope("run", g.toString(), "--cmdline", "x".repeat(1024));
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("--cmdline: longer than 1023 bytes\n");
    }

    @Test
    void severalGuestsShareTheCpuAndTheirLinesArePrefixed() throws IOException {
        Path a = guest("one", "mov ecx, msg_len\n mov edx, msg\n call print\n mov ebx, 0\n jmp shutdown\n");
        Path b = guest("two", "mov ecx, msg_len\n mov edx, msg\n call print\n mov ebx, 0\n jmp shutdown\n");
        Result r = xenoscope("run", a.toString(), b.toString());
        assertThat(r.status()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out().lines().toList()).containsExactlyInAnyOrder("[d1] hello from the PV test guest",
            "[d2] hello from the PV test guest");
    }

    @Test
    void withSeveralGuestsOneCrashIsReportedAndTheOthersRunToTheEnd() throws IOException {
        Path a = guest("fine", "mov ecx, msg_len\n mov edx, msg\n call print\n mov ebx, 0\n jmp shutdown\n");
        Path b = guest("broken", "mov ebx, 3\n jmp shutdown\n");
        Result r = xenoscope("run", a.toString(), b.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).isEqualTo("[d1] hello from the PV test guest\n");
        assertThat(r.err()).isEqualTo("xenoscope: d2 (broken) crashed: SHUTDOWN_crash\n");
    }
}
