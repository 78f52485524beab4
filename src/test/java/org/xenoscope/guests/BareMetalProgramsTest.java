package org.xenoscope.guests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xenoscope.guests.GuestBuilds.Guest;
import org.xenoscope.testutil.Tools;

/**
 * Builds the bare-metal sample guests with the real toolchain, runs the Linux build of every C program on the
 * host, and checks each multiboot image's structure. The host is the first oracle: if a program's Linux build
 * prints what its header says, the header is right and the bare-metal legs can be held to it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BareMetalProgramsTest {
    private static final int MB_MAGIC = 0x1BADB002;
    private static final int MB_SEARCH_BYTES = 8192;

    private Path build;

    @BeforeAll
    void buildGuests() {
        build = GuestBuilds.build();
    }

    static List<Guest> cPrograms() {
        return GuestBuilds.cPrograms();
    }

    static List<Guest> guests() {
        return GuestBuilds.guests();
    }

    @Test
    void everyShippedGuestIsFoundAndBuilt() {
        assertThat(GuestBuilds.guests()).extracting(Guest::name)
            .containsExactly("checksum", "crc32", "hello", "paging", "printf", "sieve", "sort", "timer");
        assertThat(GuestBuilds.cPrograms()).hasSize(5);
        for (Guest g : GuestBuilds.guests()) {
            assertThat(g.elf(build)).isRegularFile();
            if (g.hasLinuxBuild()) {
                assertThat(g.linux(build)).isRegularFile();
            }
        }
    }

    @ParameterizedTest(name = "{0}.linux")
    @MethodSource("cPrograms")
    void linuxBuildPrintsTheExpectedOutput(Guest g) {
        Tools.Result r = GuestBuilds.runLinux(g.linux(build));
        assertThat(r.stdout()).as("stdout of %s.linux", g.name()).isEqualTo(g.expected().output());
        assertThat(r.exitCode()).as("exit status of %s.linux", g.name()).isEqualTo(g.expected().linuxStatus());
        assertThat(r.stderr()).isEmpty();
    }

    /**
     * Checks what a multiboot-1 loader relies on: an ELF32 i386 executable whose header (magic, flags,
     * checksum summing to 0) sits 4-byte aligned in the first 8 KiB, flags without bit 16 (so the loader
     * reads the program headers), and an entry point inside a loadable segment at or above 1 MiB.
     *
     * <pre>
     *   ELF header: e_ident[4]=1 (ELFCLASS32), e_ident[5]=1 (little-endian), e_type@16=2 (EXEC),
     *               e_machine@18=3 (EM_386), e_entry@24, e_phoff@28, e_phentsize@42, e_phnum@44
     *   program header: p_type@0 (1 = PT_LOAD), p_vaddr@8, p_memsz@20
     * </pre>
     */
    @ParameterizedTest(name = "{0}.elf")
    @MethodSource("guests")
    void bareMetalBuildIsAMultibootKernel(Guest g) throws IOException {
        ByteBuffer elf = ByteBuffer.wrap(Files.readAllBytes(g.elf(build))).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(elf.getInt(0)).as("ELF magic").isEqualTo(0x464C457F);
        assertThat(elf.get(4)).as("ELFCLASS32").isEqualTo((byte) 1);
        assertThat(elf.get(5)).as("little-endian").isEqualTo((byte) 1);
        assertThat(elf.getShort(16)).as("ET_EXEC").isEqualTo((short) 2);
        assertThat(elf.getShort(18)).as("EM_386").isEqualTo((short) 3);

        int header = multibootHeader(elf);
        assertThat(header).as("multiboot header in the first 8 KiB").isNotNegative();
        int flags = elf.getInt(header + 4);
        assertThat(flags & (1 << 16)).as("flags bit 16 (address fields)").isZero();
        assertThat(MB_MAGIC + flags + elf.getInt(header + 8)).as("magic + flags + checksum").isZero();

        int entry = elf.getInt(24);
        assertThat(entry).isGreaterThanOrEqualTo(0x100000);
        assertThat(inLoadSegment(elf, entry)).as("entry 0x%x inside a PT_LOAD segment", entry).isTrue();
    }

    /** Offset of the first 4-byte-aligned multiboot magic in the first 8 KiB, or -1. */
    private static int multibootHeader(ByteBuffer elf) {
        for (int off = 0; off + 12 <= Math.min(elf.limit(), MB_SEARCH_BYTES); off += 4) {
            if (elf.getInt(off) == MB_MAGIC) {
                return off;
            }
        }
        return -1;
    }

    private static boolean inLoadSegment(ByteBuffer elf, int address) {
        int phoff = elf.getInt(28);
        int phentsize = Short.toUnsignedInt(elf.getShort(42));
        int phnum = Short.toUnsignedInt(elf.getShort(44));
        for (int i = 0; i < phnum; i++) {
            int ph = phoff + i * phentsize;
            long vaddr = Integer.toUnsignedLong(elf.getInt(ph + 8));
            long memsz = Integer.toUnsignedLong(elf.getInt(ph + 20));
            long a = Integer.toUnsignedLong(address);
            if (elf.getInt(ph) == 1 && a >= vaddr && a < vaddr + memsz) {
                return true;
            }
        }
        return false;
    }
}
