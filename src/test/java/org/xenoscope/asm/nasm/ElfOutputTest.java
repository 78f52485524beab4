package org.xenoscope.asm.nasm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenoscope.asm.elf.Elf32;
import org.xenoscope.asm.elf.ElfImage;
import org.xenoscope.testutil.Tools;

/** The ELF executable output: it parses with Xenoscope's own loader and runs natively on Linux. */
class ElfOutputTest {
    @TempDir
    Path dir;

    /** A Linux i386 program written with db bytes, so it does not depend on the instruction encoder. */
    static final String HELLO_LINUX = """
        bits 32
        section .text
        global _start
        _start:
            db 0xB8
            dd 4                ; mov eax, 4 (write)
            db 0xBB
            dd 1                ; mov ebx, 1 (stdout)
            db 0xB9
            dd msg              ; mov ecx, msg
            db 0xBA
            dd len              ; mov edx, len
            db 0xCD, 0x80       ; int 0x80
            db 0xB8
            dd 1                ; mov eax, 1 (exit)
            db 0xBB
            dd 42               ; mov ebx, 42
            db 0xCD, 0x80       ; int 0x80
        section .data
        msg: db "hello from xenoscope asm", 10
        len equ $ - msg
        section .bss
        scratch: resb 8192
        """;

    /** The same program written with instructions. */
    static final String HELLO_LINUX_MNEMONICS = """
        bits 32
        section .text
        global _start
        _start:
            mov eax, 4              ; write
            mov ebx, 1              ; stdout
            mov ecx, msg
            mov edx, len
            int 0x80
            mov eax, 1              ; exit
            mov ebx, 42
            int 0x80
        section .data
        msg: db "hello from xenoscope asm", 10
        len equ $ - msg
        """;

    private static Path includeDir() {
        return Tools.projectRoot().resolve("sample-guests/include");
    }

    @Test
    void segmentsEntrySymbolsAndXenNotesReadBackWithElfImage() {
        String src = """
            %include "xen-elfnote.inc"
            bits 32
            org 0x100000
            section .text
            global _start
            _start: db 0x90, 0xF4
            align 4096, db 0
            hypercall_page: times 4096 db 0xC3
            section .data
            counter: dd 7
            section .bss
            stack: resb 4096
            stack_top:
            section .note.Xen
                ELFNOTE "Xen", XEN_ELFNOTE_GUEST_OS,       db "Xenoscope", 0
                ELFNOTE "Xen", XEN_ELFNOTE_XEN_VERSION,    db "xen-3.0", 0
                ELFNOTE "Xen", XEN_ELFNOTE_HYPERCALL_PAGE, dd hypercall_page
                ELFNOTE "Xen", XEN_ELFNOTE_PAE_MODE,       db "yes", 0
            """;
        Assembly a = Assembler.assemble("guest.asm", src, Assembler.Options.elf().withIncludeDirs(
            List.of(includeDir())));
        ElfImage img = ElfImage.parse("guest.elf", a.image());
        assertThat(img.entry()).isEqualTo(0x100000);
        assertThat(a.entry()).isEqualTo(0x100000L);
        assertThat(img.segments()).hasSize(2);
        ElfImage.Segment text = img.segments().get(0);
        assertThat(text.vaddr()).isEqualTo(0x100000);
        assertThat(text.executable()).isTrue();
        assertThat(text.writable()).isFalse();
        assertThat(text.fileSize()).isEqualTo(0x2000);
        assertThat(text.data()[0x1000]).isEqualTo((byte) 0xC3);
        ElfImage.Segment data = img.segments().get(1);
        assertThat(data.vaddr()).isEqualTo(0x102000);
        assertThat(data.writable()).isTrue();
        assertThat(data.fileSize()).isEqualTo(4);
        assertThat(data.memSize()).isEqualTo(0x1000 + 4);
        assertThat(img.note("Xen", 6)).get().extracting(ElfImage.Note::descString).isEqualTo("Xenoscope");
        assertThat(img.note("Xen", 5)).get().extracting(ElfImage.Note::descString).isEqualTo("xen-3.0");
        assertThat(img.note("Xen", 2)).get().extracting(ElfImage.Note::descNumber).isEqualTo(0x101000L);
        assertThat(img.note("Xen", 9)).get().extracting(ElfImage.Note::descString).isEqualTo("yes");
        assertThat(img.symbol("_start")).get().satisfies(s -> assertThat(s.bind()).isEqualTo(Elf32.STB_GLOBAL));
        assertThat(img.symbol("stack_top")).get().extracting(ElfImage.Symbol::value).isEqualTo(0x102000 + 4 + 0x1000);
        assertThat(img.symbol("XEN_ELFNOTE_GUEST_OS")).get().extracting(ElfImage.Symbol::shndx)
            .isEqualTo(Elf32.SHN_ABS);
        assertThat(img.symbolAt(0x100001)).get().asString().isEqualTo("_start+0x1");
    }

    @Test
    void malformedNotesAreAnErrorAtTheLineThatWroteThem() {
        AsmErrors e = org.junit.jupiter.api.Assertions.assertThrows(AsmErrors.class, () -> Assembler.assemble(
            "n.asm", "section .note.Xen\n  dd 4, 100, 6\n  db \"Xen\", 0\n", Assembler.Options.elf()));
        assertThat(e.errors()).singleElement().extracting(AsmError::headline).isEqualTo("n.asm:2:3: malformed ELF "
            + "note in section `.note.Xen': namesz 4 and descsz 100 run past the end of the section (write notes "
            + "with the ELFNOTE macro of xen-elfnote.inc)");
        assertThat(Assembler.assemble("n.asm", "section .note.Xen\n  dd 4, 100, 6\n", Assembler.Options.bin())
            .image()).hasSize(12);
    }

    @Test
    void entryFallsBackToStartThenToText() {
        Assembly a = Assembler.assemble("e.asm", "bits 32\ndb 0\nstart: db 0\n", Assembler.Options.elf());
        assertThat(ElfImage.parse("e", a.image()).entry()).isEqualTo((int) Layout.ELF_DEFAULT_BASE + 1);
        Assembly b = Assembler.assemble("e.asm", "bits 32\ndb 0\n", Assembler.Options.elf());
        assertThat(ElfImage.parse("e", b.image()).entry()).isEqualTo((int) Layout.ELF_DEFAULT_BASE);
    }

    @Test
    void sectionsKeepTheirSourceOrderSoAHeaderWrittenFirstComesFirst() {
        Assembly a = Assembler.assemble("mb.asm", """
            section .multiboot
            header: dd 0x1BADB002
            section .bss
            stack: resb 64
            section .text
            code: db 0x90
            section .data
            data: db 1
            """, Assembler.Options.elf());
        assertThat(a.symbols()).containsEntry("header", 0x100000L).containsEntry("code", 0x100004L)
            .containsEntry("data", 0x101000L).containsEntry("stack", 0x101004L);
        ElfImage img = ElfImage.parse("mb", a.image());
        assertThat(img.segments()).extracting(ElfImage.Segment::vaddr).containsExactly(0x100000, 0x101000);
        assertThat(img.segments().get(0).executable()).isTrue();
        assertThat(img.segments().get(1).executable()).isFalse();
        assertThat(img.segments().get(1).memSize()).isEqualTo(4 + 64);
        assertThat(java.util.Arrays.copyOf(a.image(), 8192)).as("header in the first 8 KiB")
            .containsSequence(0x02, 0xB0, 0xAD, 0x1B);
    }

    @Test
    void everyLoadSegmentIsPageCongruent() {
        Assembly a = Assembler.assemble("h.asm", HELLO_LINUX, Assembler.Options.elf());
        byte[] f = a.image();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(f).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int phoff = b.getInt(28);
        int phnum = b.getShort(44);
        for (int i = 0; i < phnum; i++) {
            int p = phoff + 32 * i;
            if (b.getInt(p) == Elf32.PT_LOAD) {
                assertThat(Integer.remainderUnsigned(b.getInt(p + 4), 4096))
                    .isEqualTo(Integer.remainderUnsigned(b.getInt(p + 8), 4096));
            }
        }
    }

    @Test
    void instructionsRunNativelyOnLinuxToo() throws Exception {
        Assembly a = Assembler.assemble("hello2.asm", HELLO_LINUX_MNEMONICS, Assembler.Options.elf());
        Path exe = dir.resolve("hello2");
        Files.write(exe, a.image());
        assertThat(exe.toFile().setExecutable(true)).isTrue();
        Tools.Result r = Tools.run(dir, List.of(exe.toString()), 30);
        assertThat(r.stdout()).isEqualTo("hello from xenoscope asm\n");
        assertThat(r.exitCode()).isEqualTo(42);
    }

    @Test
    void runsNativelyOnLinux() throws Exception {
        Tools.require("readelf");
        Assembly a = Assembler.assemble("hello.asm", HELLO_LINUX, Assembler.Options.elf());
        Path exe = dir.resolve("hello");
        Files.write(exe, a.image());
        assertThat(exe.toFile().setExecutable(true)).isTrue();
        Tools.Result r = Tools.run(dir, List.of(exe.toString()), 30);
        assertThat(r.stdout()).isEqualTo("hello from xenoscope asm\n");
        assertThat(r.exitCode()).isEqualTo(42);
        Tools.Result re = Tools.check(dir, List.of("readelf", "-W", "-a", exe.toString()), 30);
        assertThat(re.stderr()).isEmpty();
        assertThat(re.stdout()).contains("EXEC (Executable file)").contains("_start").contains(".bss");
    }
}
