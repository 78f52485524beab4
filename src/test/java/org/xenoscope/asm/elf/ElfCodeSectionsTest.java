package org.xenoscope.asm.elf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenoscope.testutil.Tools;

/** {@link ElfImage#codeSections()} and {@link ElfImage#labels()}: what the disassembler lists, and names. */
class ElfCodeSectionsTest {
    @TempDir
    Path dir;

    @Test
    void onlyAllocatedExecutableProgbitsSectionsAreCode() {
        Tools.require("nasm", "ld");
        byte[] file = new Toolchain(dir).nasmElf("basic", Samples.BASIC_ASM, Samples.BASIC_LD);
        ElfImage elf = ElfImage.parse("basic.elf", file);
        assertThat(elf.codeSections()).extracting(ElfImage.Section::name).containsExactly(".text");
        ElfImage.Section text = elf.codeSections().get(0);
        assertThat(text.addr()).isEqualTo(0x100000);
        assertThat(text.flags() & Elf32.SHF_EXECINSTR).isNotZero();
        // mov eax,[counter]; call helper; hlt; add eax,1; ret; nop
        assertThat(text.size()).isEqualTo(5 + 5 + 1 + 3 + 1 + 1);
        assertThat(text.data()[0] & 0xFF).isEqualTo(0xA1);
        ElfImage.Segment seg = elf.segments().stream().filter(ElfImage.Segment::executable).findFirst().orElseThrow();
        assertThat(Arrays.copyOfRange(seg.data(), 0, text.size())).isEqualTo(text.data());
    }

    @Test
    void labelsAreTheFuncAndNotypeSymbolsOnePerAddressInOrder() {
        Tools.require("nasm", "ld");
        ElfImage elf = ElfImage.parse("basic.elf",
            new Toolchain(dir).nasmElf("basic", Samples.BASIC_ASM, Samples.BASIC_LD));
        assertThat(elf.labels()).extracting(ElfImage.Symbol::name)
            .containsSubsequence("_start", "helper", "helper.end", "counter")
            .doesNotContain("basic.asm")
            .doesNotContain("local_label"); // at helper.end's address: one label per address, the earlier entry
        assertThat(elf.symbolAt(elf.symbol("local_label").orElseThrow().value()).orElseThrow().symbol().name())
            .isEqualTo("helper.end");
        assertThat(elf.labels()).isSortedAccordingTo((a, b) -> Integer.compareUnsigned(a.value(), b.value()));
    }

    @Test
    void aFileWithoutSectionHeadersHasNoCodeSections() {
        ElfImage elf = ElfImage.parse("bare.elf", ElfBytes.twoSegments());
        assertThat(elf.codeSections()).isEmpty();
        assertThat(elf.labels()).isEmpty();
    }
}
