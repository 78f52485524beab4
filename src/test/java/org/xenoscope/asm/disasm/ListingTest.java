package org.xenoscope.asm.disasm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenoscope.asm.elf.ElfImage;
import org.xenoscope.testutil.Tools;

/** {@link Listing}: layout, zero runs, start and count, flat binaries, and ELF files without section headers. */
class ListingTest {
    @TempDir
    Path dir;

    private static final Listing.Options ALL = Listing.Options.defaults();

    @Test
    void longInstructionsContinueOnTheNextLineSevenBytesToALine() {
        byte[] code = java.util.HexFormat.of().parseHex("662e0f1f840000000000c3");
        String l = Listing.raw("x.bin", code, 0x1000, SymbolTable.NONE, ALL);
        assertThat(l).contains("    1000:\t66 2e 0f 1f 84 00 00 \tnop    WORD PTR cs:[eax+eax*1+0x0]\n"
            + "    1007:\t00 00 00 \n"
            + "    100a:\tc3                   \tret\n");
    }

    @Test
    void zeroRunsAreSkippedAsObjdumpSkipsThemUnlessAskedNotTo() {
        byte[] code = new byte[1 + 12 + 1 + 2];
        code[0] = (byte) 0x90;
        code[13] = (byte) 0xC3;
        String l = Listing.raw("x.bin", code, 0x1000, SymbolTable.NONE, ALL);
        // 12 zeroes then code: 12 & ~3 = 12 skipped; 2 zeroes at the end (fewer than 3): skipped
        assertThat(l).contains("    1000:\t90 ", "\t...\n    100d:\tc3 ").endsWith("\tret\n\t...\n");
        String all = Listing.raw("x.bin", code, 0x1000, SymbolTable.NONE,
            new Listing.Options(true, false, -1, 0));
        assertThat(all).doesNotContain("...").contains("    100e:\t00 00                \tadd    BYTE PTR [eax],al");
    }

    @Test
    void labelsSplitTheCodeAndStartAndCountSelectAPart() {
        byte[] code = java.util.HexFormat.of().parseHex("b801000000e8000000009090c3");
        SymbolTable syms = SymbolTable.of(Map.of(0x2000, "main", 0x2005, "tail", 0x200a, "end"));
        String l = Listing.raw("x.bin", code, 0x2000, syms, ALL);
        assertThat(l).contains("\n00002000 <main>:\n", "call   200a <end>", "\n0000200a <end>:\n");
        String part = Listing.raw("x.bin", code, 0x2000, syms, new Listing.Options(false, true, 0x2005, 2));
        assertThat(part).contains("\n00002005 <tail>:\n    2005:\tcall   200a <end>\n\n0000200a <end>:\n"
            + "    200a:\tnop\n").doesNotContain("mov").doesNotContain("ret");
    }

    @Test
    void anElfWithoutSectionHeadersIsListedByItsExecutableSegments() throws IOException {
        Tools.require("nasm", "ld");
        Files.writeString(dir.resolve("k.asm"), "section .text\nglobal _start\n_start:\n    mov eax, 1\n    ret\n");
        Tools.check(dir, List.of("nasm", "-f", "elf32", "k.asm", "-o", "k.o"), 60);
        Tools.check(dir, List.of("ld", "-m", "elf_i386", "-Ttext", "0x100000", "-e", "_start", "-o", "k.elf", "k.o"),
            60);
        byte[] elf = Files.readAllBytes(dir.resolve("k.elf"));
        for (int k = 32; k < 36; k++) {
            elf[k] = 0; // e_shoff
        }
        elf[48] = 0; // e_shnum
        elf[49] = 0;
        String l = Listing.of(ElfImage.parse("k.elf", elf), ALL);
        assertThat(l).contains("Disassembly of segment at 0x00100000:", "  100000:\tb8 01 00 00 00       \tmov    "
            + "eax,0x1\n", "  100005:\tc3                   \tret\n");
        assertThat(Listing.inCode(ElfImage.parse("k.elf", elf), 0x100005)).isTrue();
    }
}
