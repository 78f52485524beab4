package org.xenoscope.guests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenoscope.asm.elf.ElfImage;
import org.xenoscope.testutil.Tools;

/**
 * The guest-side ABI headers of sample-guests/include/xen: their _Static_assert checks of the i386 struct layouts
 * (xen-abi.md 3.4) are live, and the C form of the ELF-note macro emits notes the ELF reader finds.
 */
class XenHeadersTest {
    private static final long TIMEOUT = 60;

    @TempDir
    Path dir;

    @BeforeEach
    void tools() {
        Tools.require("gcc", "ld");
    }

    private static Path include() {
        return Tools.projectRoot().resolve("sample-guests").resolve("include").toAbsolutePath();
    }

    /** Compiles {@code source} (in the temp dir) with gcc, -I{@code includeDir}, and the given extra flags. */
    private Tools.Result compile(Path includeDir, String source, String... flags) throws IOException {
        Path c = Files.writeString(dir.resolve("t.c"), source);
        List<String> cmd = new ArrayList<>(List.of("gcc", "-ffreestanding", "-fno-pic", "-nostdlib", "-Wall",
            "-Wextra", "-Werror", "-I" + includeDir, "-c", "-o", dir.resolve("t.o").toString()));
        cmd.addAll(List.of(flags));
        cmd.add(c.toString());
        return Tools.run(dir, cmd, TIMEOUT);
    }

    @Test
    void layoutChecksHoldForI386() throws IOException {
        Tools.Result r = compile(include(), "#include <xen/hypercall.h>\n#include <xen/elfnote.h>\n", "-m32");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
    }

    @Test
    void layoutChecksRejectAnotherAbi() throws IOException {
        // On x86-64 pointers are 8 bytes: the structs that hold one (guest handles) no longer have their i386
        // layout, and the checks must say so. (The others use fixed-width types and keep their layout.)
        Tools.Result r = compile(include(), "#include <xen/xen.h>\n", "-m64");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr()).contains("struct sched_poll.nr_ports must be at offset 4")
            .contains("struct xen_memory_reservation.nr_extents must be at offset 4");
    }

    @Test
    void layoutChecksCatchAChangedStruct() throws IOException {
        Path copy = dir.resolve("include");
        Files.createDirectories(copy.resolve("xen"));
        String xen = Files.readString(include().resolve("xen/xen.h"));
        String broken = xen.replace("    uint32_t pad0;\n", "");
        assertThat(broken).isNotEqualTo(xen);
        Files.writeString(copy.resolve("xen/xen.h"), broken);
        Tools.Result r = compile(copy, "#include <xen/xen.h>\n", "-m32");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr()).contains("vcpu_time_info_t.tsc_timestamp must be at offset 8");
    }

    @Test
    void cNoteMacrosEmitXenNotes() throws IOException {
        Tools.Result r = compile(include(), """
            #include <xen/elfnote.h>
            XEN_ELFNOTE_STR(XEN_ELFNOTE_GUEST_OS, "from C");
            XEN_ELFNOTE_LONG(XEN_ELFNOTE_HYPERCALL_PAGE, hypercall_page);
            XEN_ELFNOTE_LONG(XEN_ELFNOTE_VIRT_BASE, 0xC0000000);
            void _start(void);
            char hypercall_page[4096] __attribute__((aligned(4096), section(".text.hypercall_page")));
            void _start(void) {}
            """, "-m32");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        Path ld = PvGuests.sourceDir().resolve("c/pv.ld").toAbsolutePath();
        Path elf = dir.resolve("t.elf");
        Tools.check(dir, List.of("ld", "-m", "elf_i386", "-T", ld.toString(), "-o", elf.toString(), "t.o"), TIMEOUT);

        ElfImage img = ElfImage.parse(elf.toString(), Files.readAllBytes(elf));
        assertThat(img.notes()).hasSize(3).allSatisfy(n -> assertThat(n.name()).isEqualTo("Xen"));
        assertThat(img.note("Xen", 6).orElseThrow().descString()).isEqualTo("from C");
        assertThat(img.note("Xen", 6).orElseThrow().desc()).hasSize(7);
        assertThat(img.note("Xen", 2).orElseThrow().descNumber())
            .isEqualTo(img.symbol("hypercall_page").orElseThrow().value());
        assertThat(img.note("Xen", 3).orElseThrow().descNumber()).isEqualTo(0xC0000000L);
    }
}
