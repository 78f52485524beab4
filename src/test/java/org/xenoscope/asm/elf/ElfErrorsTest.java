package org.xenoscope.asm.elf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.xenoscope.asm.elf.ElfBytes.get32;
import static org.xenoscope.asm.elf.ElfBytes.ph;
import static org.xenoscope.asm.elf.ElfBytes.put16;
import static org.xenoscope.asm.elf.ElfBytes.put32;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenoscope.asm.BadInputException;
import org.xenoscope.asm.elf.ElfBytes.Load;
import org.xenoscope.machine.mem.PhysicalMemory;
import org.xenoscope.testutil.Tools;

/** Every malformed input gives one clear line naming the file. */
class ElfErrorsTest {
    @TempDir
    Path dir;

    private static String error(String name, byte[] file) {
        BadInputException e = catchThrowableOfType(BadInputException.class, () -> ElfImage.parse(name, file));
        assertThat(e).as("expected a BadInputException").isNotNull();
        assertThat(e.oneLine()).doesNotContain("\n").startsWith(name + ": ");
        return e.oneLine();
    }

    @Test
    void handMadeFileIsValid() {
        ElfImage img = ElfImage.parse("x.elf", ElfBytes.twoSegments());
        assertThat(img.segments()).hasSize(2);
        assertThat(img.entry()).isEqualTo(0x100000);
        assertThat(img.symbols()).isEmpty();
        assertThat(img.notes()).isEmpty();
    }

    @Test
    void exceptionFormat() {
        BadInputException e = new BadInputException("k.asm", 12, "unknown mnemonic 'movx'");
        assertThat(e.oneLine()).isEqualTo("k.asm:12: unknown mnemonic 'movx'");
        assertThat(e).hasToString("k.asm:12: unknown mnemonic 'movx'");
        assertThat(new BadInputException("k.elf", "not an ELF file").oneLine()).isEqualTo("k.elf: not an ELF file");
        assertThat(e.getStackTrace()).isEmpty();
        assertThat(e.file()).isEqualTo("k.asm");
        assertThat(e.line()).isEqualTo(12);
        assertThat(e.detail()).isEqualTo("unknown mnemonic 'movx'");
    }

    @Test
    void notElf() {
        assertThat(error("a.txt", "hello, world\n".getBytes(StandardCharsets.US_ASCII)))
            .isEqualTo("a.txt: not an ELF file");
        assertThat(error("empty", new byte[0])).isEqualTo("empty: not an ELF file");
    }

    @Test
    void identification() {
        byte[] elf64 = Arrays.copyOf(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1}, 64);
        assertThat(error("k64", elf64)).isEqualTo("k64: 64-bit ELF; Xenoscope runs 32-bit (i386) code");
        byte[] big = ElfBytes.twoSegments();
        big[5] = 2;
        assertThat(error("be.elf", big)).isEqualTo("be.elf: big-endian ELF; Xenoscope runs little-endian i386 code");
        byte[] cls = ElfBytes.twoSegments();
        cls[4] = 7;
        assertThat(error("c.elf", cls)).isEqualTo("c.elf: unknown ELF class 7");
    }

    @Test
    void real64BitExecutable() {
        Tools.require("nasm", "ld");
        Tools.check(dir, List.of("sh", "-c", "printf 'global _start\\n_start: hlt\\n' > k.asm && nasm -f elf64 k.asm "
            + "-o k.o && ld k.o -o k64.elf"), 60);
        byte[] file = readFile("k64.elf");
        assertThat(error("k64.elf", file)).isEqualTo("k64.elf: 64-bit ELF; Xenoscope runs 32-bit (i386) code");
    }

    @Test
    void machineAndType() {
        assertThat(error("arm.elf", put16(ElfBytes.twoSegments(), 18, 40)))
            .isEqualTo("arm.elf: not an i386 ELF (e_machine 40)");
        assertThat(error("so.elf", put16(ElfBytes.twoSegments(), 16, Elf32.ET_DYN)))
            .isEqualTo("so.elf: shared object or PIE, not a static executable: link with -static -no-pie");
        assertThat(error("core", put16(ElfBytes.twoSegments(), 16, Elf32.ET_CORE)))
            .isEqualTo("core: core dump, not an executable");
        assertThat(error("rel.o", put16(ElfBytes.twoSegments(), 16, Elf32.ET_REL)))
            .isEqualTo("rel.o: relocatable object, not an executable: link it first");
    }

    @Test
    void unlinkedNasmObject() {
        Tools.require("nasm");
        byte[] obj = new Toolchain(dir).nasmObject("basic", Samples.BASIC_ASM);
        assertThat(error("basic.o", obj)).isEqualTo("basic.o: relocatable object, not an executable: link it first");
    }

    @Test
    void programHeaderTable() {
        assertThat(error("x.elf", put16(ElfBytes.twoSegments(), 44, 0)))
            .isEqualTo("x.elf: no program headers: nothing to load");
        assertThat(error("x.elf", put16(ElfBytes.twoSegments(), 44, 0xFFFF)))
            .isEqualTo("x.elf: absurd program header count 65535 (e_phnum)");
        assertThat(error("x.elf", put16(ElfBytes.twoSegments(), 42, 40)))
            .isEqualTo("x.elf: e_phentsize is 40, ELF32 program headers are 32 bytes");
        assertThat(error("x.elf", put32(ElfBytes.twoSegments(), 28, 0xFFFFFFF0)))
            .isEqualTo("x.elf: truncated: program header table (file offset 0xfffffff0, size 0x40) extends past the "
                + "end of the file (128 bytes)");
        assertThat(error("x.elf", put32(ElfBytes.twoSegments(), ph(0, 0), Elf32.PT_INTERP)))
            .isEqualTo("x.elf: dynamically linked executable (program header 0): link it with -static");
    }

    @Test
    void segmentFields() {
        assertThat(error("x.elf", put32(ElfBytes.twoSegments(), ph(1, 20), 4)))
            .isEqualTo("x.elf: segment 1: p_filesz 0x8 exceeds p_memsz 0x4");
        assertThat(error("x.elf", put32(ElfBytes.twoSegments(), ph(1, 4), 0x7FFFFFF0)))
            .isEqualTo("x.elf: truncated: segment 1 (file offset 0x7ffffff0, size 0x8) extends past the end of the "
                + "file (128 bytes)");
        byte[] wrap = put32(ElfBytes.twoSegments(), ph(1, 8), 0xFFFFFF80);
        assertThat(error("x.elf", wrap)).isEqualTo("x.elf: segment 1 (vaddr 0xffffff80, p_memsz 0x100) wraps past "
            + "the end of the 4 GiB address space");
        byte[] pwrap = put32(ElfBytes.twoSegments(), ph(1, 12), 0xFFFFFF01);
        assertThat(error("x.elf", pwrap)).isEqualTo("x.elf: segment 1 (paddr 0xffffff01, p_memsz 0x100) wraps past "
            + "the end of the 4 GiB address space");
    }

    @Test
    void overlapsInHandMadeFile() {
        byte[] v = put32(ElfBytes.twoSegments(), ph(1, 8), 0x100002);
        assertThat(error("x.elf", v)).isEqualTo("x.elf: segments 0 and 1 overlap at 0x100002");
        byte[] p = put32(ElfBytes.twoSegments(), ph(0, 12), 0x1010FF);
        assertThat(error("x.elf", p)).isEqualTo("x.elf: segments 0 and 1 overlap at physical address 0x1010ff");
        byte[] empty = put32(put32(ElfBytes.twoSegments(), ph(1, 16), 0), ph(1, 20), 0);
        assertThat(ElfImage.parse("x.elf", put32(empty, ph(1, 8), 0x100000)).segments()).hasSize(2);
    }

    @Test
    void overlapsInLinkedFile() {
        Tools.require("nasm", "ld");
        byte[] file = new Toolchain(dir).nasmElf("basic", Samples.BASIC_ASM, Samples.BASIC_LD);
        int text = loadIndex(file, 0x100000);
        int data = writableLoadIndex(file);
        put32(file, ph(data, 8), 0x100003);
        put32(file, ph(data, 12), 0x100003);
        assertThat(error("basic.elf", file))
            .isEqualTo("basic.elf: segments " + text + " and " + data + " overlap at 0x100003");
    }

    @Test
    void sectionsAndNotes() {
        byte[] sh = put16(put32(ElfBytes.twoSegments(), 32, 100), 48, 3);
        assertThat(error("x.elf", sh)).isEqualTo("x.elf: truncated: section header table (file offset 0x64, size "
            + "0x78) extends past the end of the file (128 bytes)");
        byte[] shent = put16(put16(put32(ElfBytes.twoSegments(), 32, 100), 48, 3), 46, 64);
        assertThat(error("x.elf", shent)).isEqualTo("x.elf: e_shentsize is 64, ELF32 section headers are 40 bytes");

        byte[] stray = put32(ElfBytes.twoSegments(), ph(1, 0), Elf32.PT_NOTE);
        assertThat(error("x.elf", stray)).isEqualTo("x.elf: malformed note in PT_NOTE segment 1: stray bytes at file "
            + "offset 0x78");
        byte[] note = {4, 0, 0, 0, 100, 0, 0, 0, 6, 0, 0, 0, 'X', 'e', 'n', 0};
        byte[] big = put32(ElfBytes.executable(new Load(0x100000, new byte[4], 4), new Load(0x200000, note, 16)),
            ph(1, 0), Elf32.PT_NOTE);
        assertThat(error("x.elf", big)).isEqualTo("x.elf: malformed note in PT_NOTE segment 1 at file offset 0x78: "
            + "namesz 4 and descsz 100 run past its end");
        byte[] ok = {4, 0, 0, 0, 0, 0, 0, 0, 6, 0, 0, 0, 'X', 'e', 'n', 0};
        ElfImage img = ElfImage.parse("x.elf", put32(ElfBytes.executable(new Load(0x100000, new byte[4], 4),
            new Load(0x200000, ok, 16)), ph(1, 0), Elf32.PT_NOTE));
        assertThat(img.notes()).hasSize(1);
        assertThat(img.notes().get(0).name()).isEqualTo("Xen");
    }

    @Test
    void truncationAtEveryCutOfHandMadeFile() {
        byte[] file = ElfBytes.twoSegments();
        for (int cut = 0; cut < file.length; cut++) {
            String expected;
            if (cut < 4) {
                expected = "not an ELF file";
            } else if (cut < 52) {
                expected = "truncated: the ELF header is 52 bytes, the file has " + cut;
            } else if (cut < 116) {
                expected = "truncated: program header table (file offset 0x34, size 0x40) extends past the end of "
                    + "the file (" + cut + " bytes)";
            } else if (cut < 120) {
                expected = "truncated: segment 0 (file offset 0x74, size 0x4) extends past the end of the file ("
                    + cut + " bytes)";
            } else {
                expected = "truncated: segment 1 (file offset 0x78, size 0x8) extends past the end of the file ("
                    + cut + " bytes)";
            }
            assertThat(error("x.elf", Arrays.copyOf(file, cut))).as("cut at %d", cut).isEqualTo("x.elf: " + expected);
        }
    }

    @Test
    void truncationAtEveryCutOfLinkedFiles() {
        Tools.require("nasm", "ld", "gcc");
        Toolchain tc = new Toolchain(dir);
        for (byte[] file : List.of(tc.nasmElf("basic", Samples.BASIC_ASM, Samples.BASIC_LD),
            tc.gccElf("prog", Samples.C_SOURCE, "-Ttext", "0x100000"))) {
            for (int cut = 4; cut < file.length; cut++) {
                assertThat(error("k.elf", Arrays.copyOf(file, cut))).as("cut at %d", cut)
                    .startsWith("k.elf: truncated: ");
            }
        }
    }

    @Test
    void loaderRejectsSegmentsBeyondRamAndWritesNothing() {
        byte[] file = ElfBytes.executable(new Load(0x100000, new byte[] {1, 2, 3, 4}, 4),
            new Load(0xFFF000, new byte[] {5}, 0x2000));
        ElfImage img = ElfImage.parse("big.elf", file);
        PhysicalMemory mem = new PhysicalMemory(16 << 20);
        BadInputException e = catchThrowableOfType(BadInputException.class, () -> ElfLoader.load(img, mem, true));
        assertThat(e.oneLine())
            .isEqualTo("big.elf: segment at 0xfff000 (size 0x2000) lies beyond guest memory (16 MiB)");
        assertThat(mem.read(0x100000, 4)).containsOnly(0);
        assertThat(mem.read(0xFFF000, 1)).containsOnly(0);

        ElfImage high = ElfImage.parse("high.elf", put32(ElfBytes.twoSegments(), ph(1, 8), 0xC0101000));
        assertThat(catchThrowableOfType(BadInputException.class, () -> ElfLoader.load(high, mem, false)).oneLine())
            .isEqualTo("high.elf: segment at 0xc0101000 (size 0x100) lies beyond guest memory (16 MiB)");
        ElfLoader.load(high, mem, true);
        assertThat(mem.read(0x101000, 2)).containsExactly(1, 2);
    }

    private static int loadIndex(byte[] file, int vaddr) {
        for (int i = 0; i < ElfBytes.get16(file, 44); i++) {
            if (get32(file, ph(i, 0)) == Elf32.PT_LOAD && get32(file, ph(i, 8)) == vaddr) {
                return i;
            }
        }
        throw new AssertionError("no PT_LOAD at 0x" + Integer.toHexString(vaddr));
    }

    private static int writableLoadIndex(byte[] file) {
        for (int i = 0; i < ElfBytes.get16(file, 44); i++) {
            if (get32(file, ph(i, 0)) == Elf32.PT_LOAD && (get32(file, ph(i, 24)) & Elf32.PF_W) != 0) {
                return i;
            }
        }
        throw new AssertionError("no writable PT_LOAD");
    }

    private byte[] readFile(String name) {
        try {
            return java.nio.file.Files.readAllBytes(dir.resolve(name));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
