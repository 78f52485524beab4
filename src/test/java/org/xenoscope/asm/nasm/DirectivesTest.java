package org.xenoscope.asm.nasm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectivesTest {
    @TempDir
    Path dir;

    private static String hex(String src) {
        return Asm.hex(Asm.bin(src));
    }

    @Test
    void labelsLocalLabelsAndEqu() {
        Assembly a = Asm.bin("""
            org 0x100
            main: db 1
            .loop: db 2
            ..@m.x: db 3
            .end: db 4
            other:
            .loop: equ 9
            K equ main.end - main
            """);
        assertThat(a.symbols()).containsEntry("main", 0x100L).containsEntry("main.loop", 0x101L)
            .containsEntry("..@m.x", 0x102L).containsEntry("main.end", 0x103L).containsEntry("other.loop", 9L)
            .containsEntry("K", 3L);
        assertThat(a.symbolTable()).filteredOn(s -> s.name().equals("K")).first()
            .satisfies(s -> assertThat(s.section()).isNull());
        assertThat(a.symbolTable()).filteredOn(s -> s.name().equals("main")).first()
            .satisfies(s -> assertThat(s.section()).isEqualTo(".text"));
    }

    @Test
    void globalWithTypeAndSizeMarksSymbolsGlobal() {
        Assembly a = Asm.elf("global f:function (f.end - f), data\nf: db 1\n.end:\ndata: db 2\n");
        assertThat(a.symbolTable()).filteredOn(AsmSymbol::global).extracting(AsmSymbol::name)
            .containsExactly("f", "data");
    }

    @Test
    void labelWithoutColon() {
        Assembly a = Asm.bin("bits 32\nfirst db 1\nsecond\nthird times 2 db 3\nret\n");
        assertThat(a.symbols()).containsEntry("first", 0L).containsEntry("second", 1L).containsEntry("third", 1L);
        assertThat(Asm.hex(a)).isEqualTo("01 03 03 c3");
        assertThat(a.warnings()).singleElement().asString()
            .isEqualTo("t.asm:3:1: warning: label `second' alone on a line without a colon might be in error (a "
                + "misspelt instruction?)");
    }

    @Test
    void timesDollarAndSectionStart() {
        assertThat(hex("org 0x7c00\ndb 1, 2\ntimes 8-($-$$) db 0xff\ndw $, $$\n"))
            .isEqualTo("01 02 ff ff ff ff ff ff 08 7c 00 7c");
    }

    @Test
    void alignPadsCodeAndDataWithNops() {
        assertThat(hex("db 1\nalign 4\ndb 2\nalign 4, db 0\ndb 3\nalignb 4\ndb 4\nalign 8, dw 0x1111\n"))
            .isEqualTo("01 90 90 90 02 00 00 00 03 00 00 00 04 11 11 11 11 11 11");
    }

    @Test
    void alignRaisesTheSectionAlignmentInTheLayout() {
        Assembly a = Asm.bin("db 1\nsection .data\nalign 16\nd: db 2\nsection .bss\nb: resd 1\n");
        assertThat(a.symbols()).containsEntry("d", 16L).containsEntry("b", 20L);
        assertThat(a.image()).hasSize(17);
    }

    @Test
    void binSectionOrderTextFirstBssNotWritten() {
        Assembly a = Asm.bin("""
            section .data
            d1: db 1
            section .bss
            b1: resb 3
            section .text
            t1: db 0x90
            section .rodata align=16
            r1: db 3
            section .data
            d2: db 4
            """);
        assertThat(a.symbols()).containsEntry("t1", 0L).containsEntry("d1", 4L).containsEntry("d2", 5L)
            .containsEntry("r1", 16L).containsEntry("b1", 20L);
        assertThat(a.sections()).extracting(AsmSection::name).containsExactly(".text", ".data", ".rodata", ".bss")
            .isNotNull();
        assertThat(Asm.hex(a)).isEqualTo("90 00 00 00 01 04 00 00 00 00 00 00 00 00 00 00 03");
    }

    @Test
    void dataWidthsStringsFloatsAndUninitialised() {
        assertThat(hex("dw 'abc'\ndd 'ab', 1.5\ndq -2\ndb ?, 5\ndt 1\n")).isEqualTo(
            "61 62 63 00 61 62 00 00 00 00 c0 3f fe ff ff ff ff ff ff ff 00 05 01 00 00 00 00 00 00 00 00 00");
    }

    @Test
    void reservationsInProgbitsAreZeros() {
        assertThat(hex("db 1\nresb 2\nresw 1\ndb 2\n")).isEqualTo("01 00 00 00 00 02");
    }

    @Test
    void strucAndIstruc() {
        Assembly a = Asm.bin("""
            struc point
              .x: resd 1
              .y: resw 1
              .z: resb 1
            endstruc
            p: istruc point
              at point.y, dw 0x2222
            iend
            db 0xee
            """);
        assertThat(a.symbols()).containsEntry("point.x", 0L).containsEntry("point.y", 4L)
            .containsEntry("point.z", 6L).containsEntry("point_size", 7L);
        assertThat(Asm.hex(a)).isEqualTo("00 00 00 00 22 22 00 ee");
    }

    @Test
    void absoluteSpaceLabels() {
        Assembly a = Asm.bin("absolute 0x500\nvar1: resd 1\nvar2: resb 2\nsection .text\ndd var2\n");
        assertThat(a.symbols()).containsEntry("var1", 0x500L).containsEntry("var2", 0x504L);
        assertThat(Asm.hex(a)).isEqualTo("04 05 00 00");
    }

    @Test
    void incbinWithSkipAndLength() throws Exception {
        Files.write(dir.resolve("blob.bin"), new byte[] {1, 2, 3, 4, 5, 6});
        Path main = NasmRef.write(dir, "m.asm", "incbin \"blob.bin\"\nincbin \"blob.bin\", 4\n"
            + "incbin \"blob.bin\", 1, 2\n");
        assertThat(Asm.hex(Assembler.assembleFile(main, Assembler.Options.bin())))
            .isEqualTo("01 02 03 04 05 06 05 06 02 03");
    }

    @Test
    void rawBracketDirectivesAndBits() {
        assertThat(hex("[bits 32]\n[section .text]\nnop\n")).isEqualTo("90");
        assertThat(Asm.headlines("bits 16\n")).containsExactly("t.asm:1:1: only 32-bit code is supported: use "
            + "`bits 32'");
    }

    @Test
    void missingBits32IsAWarningInBinFormat() {
        Assembly a = Asm.bin("nop\n");
        assertThat(a.warnings()).singleElement().asString().contains("no `bits 32'");
        assertThat(Asm.elf("nop\n").warnings()).isEmpty();
    }

    @Test
    void dataInBssIsIgnoredWithAWarning() {
        Assembly a = Asm.bin("section .bss\nx: db 5\ny: resb 1\n");
        assertThat(a.symbols()).containsEntry("y", 1L);
        assertThat(a.warnings()).singleElement().asString().contains("nobits section");
    }

    @Test
    void listingHasAddressesBytesAndMacroDepth() {
        Assembly a = Asm.bin("bits 32\norg 0x10\n%macro two 0\n  db 1, 2\n%endmacro\nstart: nop\ntwo\nresb 3\n");
        assertThat(a.listing()).filteredOn(l -> l.length() > 0).extracting(ListingLine::address,
            ListingLine::length, ListingLine::depth).containsExactly(
                org.assertj.core.groups.Tuple.tuple(0x10L, 1L, 0), org.assertj.core.groups.Tuple.tuple(0x11L, 2L, 1),
                org.assertj.core.groups.Tuple.tuple(0x13L, 3L, 0));
        assertThat(a.lineAt(0x12)).get().extracting(ListingLine::source).isEqualTo("  db 1, 2");
        assertThat(a.listingText()).contains("     6 00000010 90                      start: nop")
            .contains("     4 00000011 0102                <1>   db 1, 2");
        assertThat(a.symbolText()).contains("00000010  .text        start");
    }
}
