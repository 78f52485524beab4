package org.xenoscope.asm.elf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenoscope.asm.BadInputException;
import org.xenoscope.machine.Machine;
import org.xenoscope.machine.cpu.Cpu;
import org.xenoscope.machine.mmu.SegmentCache;
import org.xenoscope.testutil.Tools;

/** The hand-over state of {@link BareMetalBoot}, as qemu-system-i386 -kernel leaves it. */
class BareMetalBootTest {
    private static final String KERNEL = """
        section .text
        align 4
            dd 0x1BADB002, 3, -(0x1BADB002 + 3)
        global _start
        _start:
            hlt
        """;

    @TempDir
    Path dir;

    @Test
    void handOverStateMatchesTheMultibootSpecAndTheGdtInMemory() {
        Tools.require("nasm", "ld");
        byte[] file = new Toolchain(dir).nasmElf("k", KERNEL, "-Ttext", "0x100000", "-e", "_start");
        Machine m = new Machine(8 << 20);
        BootImage img = BareMetalBoot.boot(m, "k.elf", file, "k.elf");
        Cpu c = m.cpu();
        assertThat(c.eip()).isEqualTo(img.entry()).isEqualTo(0x10000C);
        assertThat(c.reg(Cpu.EAX)).isEqualTo(0x2BADB002);
        assertThat(c.reg(Cpu.EBX)).isEqualTo(BareMetalBoot.INFO);
        assertThat(m.memory().readDword(BareMetalBoot.INFO + 8)).as("mem_upper in KiB").isEqualTo(7 * 1024);
        assertThat(c.eflags()).isEqualTo(0x2);
        assertThat(c.cpl()).isZero();
        assertThat(c.cr(0) & (Cpu.CR0_PE | Cpu.CR0_PG)).isEqualTo(Cpu.CR0_PE);
        assertThat(c.seg(Cpu.CS).selector).isEqualTo(0x10);
        for (int s : new int[] {Cpu.SS, Cpu.DS, Cpu.ES, Cpu.FS, Cpu.GS}) {
            assertThat(c.seg(s).selector).isEqualTo(0x18);
        }
        // the caches hold exactly what the GDT in memory says
        for (int s = 0; s < 6; s++) {
            SegmentCache cache = c.seg(s);
            int at = BareMetalBoot.GDT + (cache.selector & ~7);
            SegmentCache fromGdt = new SegmentCache();
            fromGdt.load(cache.selector, m.memory().readDword(at), m.memory().readDword(at + 4));
            assertThat(fromGdt).usingRecursiveComparison().isEqualTo(cache);
        }
        assertThat(c.gdtBase).isEqualTo(BareMetalBoot.GDT);
        assertThat(c.gdtLimit).isEqualTo(31);
        c.loadSegment(Cpu.DS, 0x18);
        assertThat(c.seg(Cpu.DS).flatWrite).isTrue();
    }

    @Test
    void kernelInTheBootLoadersLowMemoryIsRejected() {
        Tools.require("nasm", "ld");
        byte[] file = new Toolchain(dir).nasmElf("low", KERNEL, "-Ttext", "0x8000", "-e", "_start");
        assertThatThrownBy(() -> BareMetalBoot.boot(new Machine(8 << 20), "low.elf", file, "low.elf"))
            .isInstanceOf(BadInputException.class)
            .hasMessageMatching("low.elf: the kernel occupies 0x[0-9a-f]+-0x80[0-9a-f]+, which overlaps the boot "
                + "loader's data at 0x500-0x[0-9a-f]+ .*");
    }
}
