package org.xenoscope.asm.elf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.xenoscope.asm.elf.ElfBytes.put32;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenoscope.asm.BadInputException;
import org.xenoscope.machine.mem.PhysicalMemory;
import org.xenoscope.testutil.Tools;

/** Multiboot header search, kernel loading (ELF and a.out kludge) and the multiboot_info structure. */
class MultibootTest {
    private static final int MIB = 1 << 20;
    private static final int MAGIC = Multiboot.MULTIBOOT_HEADER_MAGIC;

    @TempDir
    Path dir;
    Toolchain tc;
    PhysicalMemory mem;

    @BeforeEach
    void setUp() {
        Tools.require("nasm", "ld");
        tc = new Toolchain(dir);
        mem = new PhysicalMemory(16 * MIB);
    }

    private String error(String name, byte[] file) {
        BadInputException e = catchThrowableOfType(BadInputException.class,
            () -> Multiboot.loadKernel(name, file, mem));
        assertThat(e).as("expected a BadInputException").isNotNull();
        return e.oneLine();
    }

    @Test
    void headerFoundInLinkedElf() {
        byte[] file = tc.nasmElf("mb", Samples.MULTIBOOT_ASM, "-Ttext", "0x100000");
        MultibootHeader h = Multiboot.findHeader(file).orElseThrow();
        assertThat(h.offset()).isEqualTo(0x1000);                       // .text's file offset
        assertThat(h.magic()).isEqualTo(MAGIC);
        assertThat(h.flags()).isEqualTo(3);
        assertThat(h.checksumValid()).isTrue();
        assertThat(h.hasAddressFields()).isFalse();
        assertThat(Multiboot.findHeader(tc.nasmElf("basic", Samples.BASIC_ASM, Samples.BASIC_LD))).isEmpty();
    }

    @Test
    void searchIsAlignedAndLimitedTo8192Bytes() {
        assertThat(Multiboot.findHeader(header(8192 + 64, 8180, 0)).orElseThrow().offset()).isEqualTo(8180);
        assertThat(Multiboot.findHeader(header(8192 + 64, 8184, 0))).isEmpty();   // ends past byte 8192
        assertThat(Multiboot.findHeader(header(4096, 2, 0))).isEmpty();            // not dword-aligned
        byte[] two = header(4096, 64, 0);
        put32(two, 16, MAGIC);                                                     // magic, bad checksum first
        assertThat(Multiboot.findHeader(two).orElseThrow().offset()).isEqualTo(64);
        put32(two, 64 + 8, 0);
        assertThat(Multiboot.findHeader(two).orElseThrow().offset()).isEqualTo(16);
    }

    @Test
    void loadsElfKernelAtPhysicalAddresses() {
        byte[] file = tc.nasmElf("mb", Samples.MULTIBOOT_ASM, "-Ttext", "0x100000");
        Arrays.fill(mem.array(), (byte) 0xAA);
        BootImage boot = Multiboot.loadKernel("mb.elf", file, mem);
        ElfImage elf = boot.elf().orElseThrow();
        assertThat(boot.entry()).isEqualTo(elf.symbol("_start").orElseThrow().value()).isEqualTo(0x10000C);
        assertThat(mem.readDword(0x100000)).isEqualTo(MAGIC);
        assertThat(mem.readDword(elf.symbol("boot_magic").orElseThrow().value())).isZero();   // bss zeroed
        assertThat(boot.imageEnd()).isEqualTo(elf.symbol("_end").orElseThrow().value());
        assertThat(boot.warnings()).isEmpty();
    }

    @Test
    void higherHalfKernelEntersAtPhysicalEntry() {
        Path lds = tc.write("high.lds", Samples.HIGH_HALF_LDS);
        byte[] file = tc.nasmElf("high", Samples.MULTIBOOT_ASM, "-T", lds.toString());
        BootImage boot = Multiboot.loadKernel("high.elf", file, mem);
        ElfImage elf = boot.elf().orElseThrow();
        assertThat(elf.entry()).isEqualTo(0xC010000C);
        assertThat(boot.entry()).isEqualTo(0x10000C);
        assertThat(boot.imageStart()).isEqualTo(0x100000);
        assertThat(mem.readDword(0x100000)).isEqualTo(MAGIC);
        assertThat(mem.readByte(0x10000C)).isEqualTo(0xBC);                    // mov esp, imm32
        assertThat(mem.readDword(0x10000D)).isEqualTo(elf.symbol("stack_top").orElseThrow().value());
    }

    @Test
    void aoutKludgeLoadsRawBinary() {
        byte[] file = tc.nasmBin("raw", Samples.AOUT_KLUDGE_BIN);
        Arrays.fill(mem.array(), (byte) 0xAA);
        BootImage boot = Multiboot.loadKernel("raw.bin", file, mem);
        assertThat(boot.elf()).isEmpty();
        assertThat(boot.entry()).isEqualTo(0x100020);
        assertThat(mem.read(0x100000, file.length)).isEqualTo(file);
        int loadEnd = 0x100000 + file.length;
        assertThat(mem.read(loadEnd, 0x2000)).isEqualTo(new byte[0x2000]);
        assertThat(mem.readByte(loadEnd + 0x2000)).isEqualTo(0xAA);
        assertThat(boot.imageStart()).isEqualTo(0x100000);
        assertThat(boot.imageEnd()).isEqualTo(loadEnd + 0x2000);
    }

    @Test
    void aoutKludgeInElfMatchesProgramHeaderLoad() {
        byte[] file = tc.nasmElf("kl", Samples.AOUT_KLUDGE_ELF, "-Ttext", "0x100000");
        ElfImage elf = ElfImage.parse("kl.elf", file);
        int end = elf.symbol("_end").orElseThrow().value();
        PhysicalMemory viaHeaders = new PhysicalMemory(16 * MIB);
        ElfLoader.load(elf, viaHeaders, true);

        BootImage boot = Multiboot.loadKernel("kl.elf", file, mem);
        assertThat(boot.header().hasAddressFields()).isTrue();
        assertThat(boot.entry()).isEqualTo(elf.symbol("_start").orElseThrow().value());
        assertThat(boot.imageEnd()).isEqualTo(end);
        assertThat(mem.read(0x100000, end - 0x100000)).isEqualTo(viaHeaders.read(0x100000, end - 0x100000));
        assertThat(mem.readDword(elf.symbol("value").orElseThrow().value())).isEqualTo(0xCAFEF00D);
    }

    @Test
    void headerErrors() {
        byte[] basic = tc.nasmElf("basic", Samples.BASIC_ASM, Samples.BASIC_LD);
        assertThat(error("basic.elf", basic))
            .isEqualTo("basic.elf: no multiboot header (magic 0x1BADB002) in the first 8192 bytes");
        byte[] raw = tc.nasmBin("raw", Samples.AOUT_KLUDGE_BIN);
        assertThat(error("raw.bin", put32(raw.clone(), 8, 0x1234)))
            .isEqualTo("raw.bin: multiboot header at file offset 0x0 has a bad checksum (magic + flags + checksum = "
                + "0x" + Integer.toHexString(MAGIC + 0x00010002 + 0x1234) + ", must be 0)");
        assertThat(error("raw.bin", withFlags(raw, 0x00010002 | 1 << 3)))
            .isEqualTo("raw.bin: multiboot header requires features this loader does not have (flag bits 0x8)");
        assertThat(error("raw.bin", withFlags(raw, 0x2)))
            .isEqualTo("raw.bin: not an ELF file, and the multiboot header has no load addresses (flag bit 16 clear)");
        BootImage video = Multiboot.loadKernel("raw.bin", withFlags(raw, 0x00010006), mem);
        assertThat(video.warnings()).singleElement().asString().contains("video mode");
    }

    @Test
    void addressFieldErrors() {
        byte[] raw = tc.nasmBin("raw", Samples.AOUT_KLUDGE_BIN);
        assertThat(error("raw.bin", put32(raw.clone(), 16, 0x100004)))
            .isEqualTo("raw.bin: multiboot load_addr 0x100004 lies above header_addr 0x100000");
        assertThat(error("raw.bin", put32(raw.clone(), 12, 0x100010)))
            .isEqualTo("raw.bin: multiboot header_addr 0x100010 - load_addr 0x100000 reaches 16 bytes before the "
                + "start of the file");
        assertThat(error("raw.bin", put32(raw.clone(), 20, 0x100400))).isEqualTo(String.format("raw.bin: "
            + "truncated: multiboot load_end_addr 0x100400 needs 0x400 bytes from file offset 0x0, the file has %d "
            + "bytes", raw.length));
        assertThat(error("raw.bin", put32(raw.clone(), 24, 0x100004)))
            .isEqualTo(String.format("raw.bin: multiboot bss_end_addr 0x100004 lies below the end of the loaded "
                + "bytes 0x%x", 0x100000 + raw.length));
        assertThat(error("raw.bin", Arrays.copyOf(raw, 20))).isEqualTo("raw.bin: truncated: the multiboot header's "
            + "address fields (flag bit 16) run past the end of the file");
        assertThat(error("raw.bin", put32(raw.clone(), 24, 0x2000000)))
            .isEqualTo("raw.bin: segment at 0x100000 (size 0x1f00000) lies beyond guest memory (16 MiB)");
        assertThat(Arrays.equals(mem.array(), new byte[mem.size()])).as("nothing written by any failure").isTrue();
    }

    @Test
    void multibootInfoStructure() {
        int info = Multiboot.writeInfo(mem, 0x9000, 16 * MIB, "console=com1 debug");
        assertThat(info).isEqualTo(0x9000);
        assertThat(mem.readDword(info)).isEqualTo(1 | 4 | 0x40);
        assertThat(mem.readDword(info + 4)).isEqualTo(640);
        assertThat(mem.readDword(info + 8)).isEqualTo(15 * 1024);
        int cmd = mem.readDword(info + 16);
        assertThat(cmd).isEqualTo(info + Multiboot.MULTIBOOT_INFO_SIZE);
        assertThat(new String(mem.read(cmd, 19), java.nio.charset.StandardCharsets.US_ASCII))
            .isEqualTo("console=com1 debug\0");
        assertThat(mem.readDword(info + 44)).isEqualTo(48);
        int mmap = mem.readDword(info + 48);
        assertThat(mmap % 4).isZero();
        assertThat(mmap).isGreaterThanOrEqualTo(cmd + 19);
        assertThat(mem.readDword(mmap)).isEqualTo(20);
        assertThat(mem.readQword(mmap + 4)).isZero();
        assertThat(mem.readQword(mmap + 12)).isEqualTo(0x9FC00);
        assertThat(mem.readDword(mmap + 20)).isEqualTo(1);
        assertThat(mem.readDword(mmap + 24)).isEqualTo(20);
        assertThat(mem.readQword(mmap + 28)).isEqualTo(MIB);
        assertThat(mem.readQword(mmap + 36)).isEqualTo(15L * MIB);
        assertThat(mem.readDword(mmap + 44)).isEqualTo(1);
        for (int off = 12; off < Multiboot.MULTIBOOT_INFO_SIZE; off += 4) {
            if (off != 16 && off != 44 && off != 48) {
                assertThat(mem.readDword(info + off)).as("field at %d", off).isZero();
            }
        }
    }

    @Test
    void multibootInfoWithoutCommandLineAndBadArguments() {
        Arrays.fill(mem.array(), (byte) 0xAA);
        Multiboot.writeInfo(mem, 0x10000, 8 * MIB, null);
        assertThat(mem.readDword(0x10000)).isEqualTo(1 | 0x40);
        assertThat(mem.readDword(0x10000 + 16)).isZero();
        assertThat(mem.readDword(0x10000 + 8)).isEqualTo(7 * 1024);
        assertThatThrownBy(() -> Multiboot.writeInfo(mem, 16 * MIB - 8, 16 * MIB, "x"))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Multiboot.writeInfo(mem, 0, MIB, "x")).isInstanceOf(IllegalArgumentException.class);
    }

    /** A file of {@code size} zero bytes with a valid multiboot header (flags {@code flags}) at {@code at}. */
    private static byte[] header(int size, int at, int flags) {
        byte[] f = new byte[size];
        put32(f, at, MAGIC);
        put32(f, at + 4, flags);
        put32(f, at + 8, -(MAGIC + flags));
        return f;
    }

    /** {@code raw} with its header (at offset 0) given new flags and a matching checksum. */
    private static byte[] withFlags(byte[] raw, int flags) {
        byte[] f = raw.clone();
        put32(f, 4, flags);
        put32(f, 8, -(MAGIC + flags));
        return f;
    }
}
