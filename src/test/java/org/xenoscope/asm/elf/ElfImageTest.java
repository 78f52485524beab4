package org.xenoscope.asm.elf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenoscope.asm.elf.ElfImage.Note;
import org.xenoscope.asm.elf.ElfImage.Segment;
import org.xenoscope.asm.elf.ElfImage.Symbol;
import org.xenoscope.machine.mem.PhysicalMemory;
import org.xenoscope.testutil.Tools;

/** Parsing and loading ELF files built by the real toolchain, checked against nm and the source. */
class ElfImageTest {
    private static final int MIB = 1 << 20;

    @TempDir
    Path dir;
    Toolchain tc;

    @BeforeEach
    void needTools() {
        Tools.require("nasm", "ld", "nm");
        tc = new Toolchain(dir);
    }

    @Test
    void segmentsEntryAndLoadWithBssZeroed() {
        byte[] file = tc.nasmElf("basic", Samples.BASIC_ASM, Samples.BASIC_LD);
        ElfImage img = ElfImage.parse("basic.elf", file);

        assertThat(img.entry()).isEqualTo(0x100000);
        Segment text = segmentAt(img, 0x100000);
        assertThat(text.executable()).isTrue();
        assertThat(text.writable()).isFalse();
        assertThat(text.data()[0] & 0xFF).isEqualTo(0xA1);            // mov eax, [moffs32]
        Segment data = img.segments().stream().filter(Segment::writable).findFirst().orElseThrow();
        assertThat(data.fileSize()).isEqualTo(4);
        assertThat(data.memSize()).isGreaterThanOrEqualTo(4 + 5000);
        assertThat(PhysicalMemory.getDword(data.data(), 0)).isEqualTo(42);

        PhysicalMemory mem = new PhysicalMemory(16 * MIB);
        Arrays.fill(mem.array(), (byte) 0xAA);
        ElfLoader.load(img, mem, true);
        for (Segment s : img.segments()) {
            assertThat(mem.read(s.paddr(), s.fileSize())).isEqualTo(s.data());
            byte[] bss = mem.read(s.paddr() + s.fileSize(), s.memSize() - s.fileSize());
            assertThat(bss).isEqualTo(new byte[s.memSize() - s.fileSize()]);
        }
        assertThat(data.memSize() - data.fileSize()).isGreaterThanOrEqualTo(5000);
        int end = data.vaddr() + data.memSize();
        assertThat(mem.readByte(end)).isEqualTo(0xAA);                   // nothing written past the bss
        assertThat(mem.readDword(img.symbol("counter").orElseThrow().value())).isEqualTo(42);
    }

    @Test
    void symbolsMatchNm() {
        byte[] file = tc.nasmElf("basic", Samples.BASIC_ASM, Samples.BASIC_LD);
        assertSymbolsMatchNm(ElfImage.parse("basic.elf", file), tc.nm("basic"));

        ElfImage img = ElfImage.parse("basic.elf", file);
        Symbol helper = img.symbol("helper").orElseThrow();
        assertThat(helper.type()).isEqualTo(Elf32.STT_FUNC);
        assertThat(helper.bind()).isEqualTo(Elf32.STB_GLOBAL);
        assertThat(helper.size()).isEqualTo(4);                          // add eax, 1 (3) + ret (1)
        assertThat(img.symbol("buf").orElseThrow().bind()).isEqualTo(Elf32.STB_LOCAL);
    }

    @Test
    void cSymbolsMatchNm() {
        Tools.require("gcc");
        byte[] file = tc.gccElf("prog", Samples.C_SOURCE, "-Ttext", "0x100000");
        ElfImage img = ElfImage.parse("prog.elf", file);
        assertSymbolsMatchNm(img, tc.nm("prog"));
        assertThat(img.symbol("twice").orElseThrow().type()).isEqualTo(Elf32.STT_FUNC);
        assertThat(img.symbol("table").orElseThrow().size()).isEqualTo(400);

        PhysicalMemory mem = new PhysicalMemory(16 * MIB);
        ElfLoader.load(img, mem, false);
        assertThat(mem.readDword(img.symbol("counter").orElseThrow().value())).isEqualTo(7);
    }

    @Test
    void symbolAtNamesNearestPrecedingLabel() {
        ElfImage img = ElfImage.parse("basic.elf", tc.nasmElf("basic", Samples.BASIC_ASM, Samples.BASIC_LD));
        int helper = img.symbol("helper").orElseThrow().value();

        assertThat(img.symbolAt(0x100000).orElseThrow().toString()).isEqualTo("_start");
        assertThat(img.symbolAt(0x100005).orElseThrow().toString()).isEqualTo("_start+0x5");
        assertThat(img.symbolAt(helper).orElseThrow().toString()).isEqualTo("helper");
        assertThat(img.symbolAt(helper + 3).orElseThrow().offset()).isEqualTo(3);
        // helper.end and local_label share an address after helper: a NOTYPE label wins over nothing
        assertThat(img.symbolAt(helper + 4).orElseThrow().symbol().name()).isIn("helper.end", "local_label");
        assertThat(img.symbolAt(0xFFFFF)).isEmpty();
        assertThat(img.symbolAt(0xF0000000).orElseThrow().symbol().name()).isEqualTo("_end");
    }

    @Test
    void xenNotesFromPtNote() {
        ElfImage img = ElfImage.parse("basic.elf", tc.nasmElf("basic", Samples.BASIC_ASM, Samples.BASIC_LD));
        assertThat(img.notes()).hasSize(2);
        Note os = img.note("Xen", 6).orElseThrow();
        assertThat(os.descString()).isEqualTo("linux");
        assertThat(os.desc()).hasSize(6);
        assertThat(img.note("Xen", 1).orElseThrow().descNumber()).isEqualTo(0x100000);
        assertThat(img.note("GNU", 1)).isEmpty();
    }

    @Test
    void xenNotesFromSectionWhenNoPtNote() {
        ElfImage img = ElfImage.parse("na.elf", tc.nasmElf("na", Samples.NOALLOC_NOTE_ASM, "-Ttext", "0x100000"));
        assertThat(img.notes()).extracting(Note::name, Note::type).containsExactly(
            org.assertj.core.groups.Tuple.tuple("Xen", 6));
        assertThat(img.notes().get(0).descString()).isEqualTo("linux");
    }

    @Test
    void imageIsImmutable() {
        ElfImage img = ElfImage.parse("basic.elf", tc.nasmElf("basic", Samples.BASIC_ASM, Samples.BASIC_LD));
        Segment s = img.segments().get(0);
        s.data()[0] ^= 0x55;
        assertThat(img.segments().get(0).data()).isEqualTo(s.data());
        assertThat(img.segments()).isUnmodifiable();
        assertThat(img.symbols()).isUnmodifiable();
    }

    private static Segment segmentAt(ElfImage img, int vaddr) {
        return img.segments().stream().filter(s -> s.vaddr() == vaddr).findFirst().orElseThrow();
    }

    /** nm lists every symbol except FILE/SECTION ones as "value letter name"; upper case letter = global. */
    private static void assertSymbolsMatchNm(ElfImage img, String nm) {
        Set<String> expected = new HashSet<>();
        for (String line : nm.strip().split("\n")) {
            String[] f = line.trim().split("\\s+");
            char letter = f[1].charAt(0);
            expected.add(f[0] + " " + (Character.isUpperCase(letter) ? "G" : "L") + " " + f[2]);
        }
        Set<String> actual = new HashSet<>();
        for (Symbol s : img.symbols()) {
            if (s.type() != Elf32.STT_FILE && s.type() != Elf32.STT_SECTION && !s.name().isEmpty()) {
                actual.add(String.format("%08x %s %s", s.value(), s.bind() == Elf32.STB_LOCAL ? "L" : "G", s.name()));
            }
        }
        assertThat(actual).isEqualTo(expected).hasSizeGreaterThan(3);
    }
}
