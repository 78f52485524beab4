package org.xenoscope.xen;

import java.nio.file.Files;
import java.nio.file.Path;
import org.xenoscope.asm.nasm.Assembler;
import org.xenoscope.dom0.DomainBuilder;
import org.xenoscope.dom0.XenSystem;
import org.xenoscope.machine.cpu.Cpu;
import org.xenoscope.testutil.Tools;
import org.xenoscope.xen.abi.Hypercall;

/**
 * A booted one-guest Xen system for unit tests of the hypervisor: a tiny guest assembled in-process with
 * Xenoscope's own assembler (no external tools), built by the real domain builder and started in ring 1.
 * Tests call hypercall handlers directly on its behalf ({@link #call}), read and write its memory as Xen sees
 * it ({@link #mem}), or run guest code ({@link #run}).
 *
 * <p>The guest's {@code _start} is {@code body} (default: a {@code jmp $} loop); it has a 16 KiB zeroed
 * {@code scratch} buffer in .bss ({@link #scratch()}), a hypercall page, and the usual notes. {@code pae = false}
 * builds a 2-level guest (no PAE_MODE note).
 */
final class PvFixture {
    final XenSystem sys;
    final Hypervisor hv;
    final Domain d;
    final DomainBuilder.Built built;
    private final int scratch;

    private PvFixture(XenSystem sys, DomainBuilder.Built built, int scratch) {
        this.sys = sys;
        this.hv = sys.hypervisor();
        this.d = built.domain();
        this.built = built;
        this.scratch = scratch;
    }

    /** A PAE guest that loops at {@code _start}. */
    static PvFixture boot() {
        return boot(true, "    jmp $\n");
    }

    /** A guest of the given flavour whose {@code _start} runs {@code body} (NASM source, 32-bit). */
    static PvFixture boot(boolean pae, String body) {
        String src = source(pae, body);
        byte[] elf = Assembler.assemble("fixture.asm", src, Assembler.Options.elf()).image();
        XenSystem sys = new XenSystem(8);
        DomainBuilder.Built b = sys.boot("fixture.elf", elf, 8, "");
        int scratch = (int) org.xenoscope.asm.elf.ElfImage.parse("fixture.elf", elf).symbol("scratch")
            .orElseThrow().value();
        return new PvFixture(sys, b, scratch);
    }

    /** The fixture guest's whole NASM source. */
    static String source(boolean pae, String body) {
        Path inc = Tools.projectRoot().resolve("sample-guests/include/xen-elfnote.inc");
        String notes;
        try {
            notes = Files.readString(inc);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return notes + "\n"
            + "section .text\nglobal _start\n_start:\n" + body + "\n"
            + "section .text.hypercall_page progbits alloc exec nowrite align=4096\n"
            + "global hypercall_page\nhypercall_page:\n    times 4096 db 0xC3\n"
            + "section .note.Xen note alloc noexec nowrite align=4\n"
            + "    ELFNOTE \"Xen\", XEN_ELFNOTE_GUEST_OS, db \"fixture\", 0\n"
            + "    ELFNOTE \"Xen\", XEN_ELFNOTE_HYPERCALL_PAGE, dd hypercall_page\n"
            + (pae ? "    ELFNOTE \"Xen\", XEN_ELFNOTE_PAE_MODE, db \"yes\", 0\n" : "")
            + "section .bss\nalign 4096\nglobal scratch\nscratch: resb 16384\n";
    }

    /** Virtual address of the guest's 16 KiB scratch buffer. */
    int scratch() {
        return scratch;
    }

    Cpu cpu() {
        return hv.cpu();
    }

    /** Xen's view of the guest's memory (copy_from/to_guest semantics). */
    GuestMemory mem() {
        return new GuestMemory(hv.cpu(), d.flavour());
    }

    /** Invokes hypercall {@code name} for the guest with up to five arguments; returns EAX. */
    int call(String name, int... args) {
        return call(Hypercall.number(name), args);
    }

    int call(int nr, int... args) {
        int[] a = java.util.Arrays.copyOf(args, 5);
        return hv.hypercalls().invoke(new Call(hv, d, nr, a, mem()));
    }

    /** Runs the guest for at most {@code n} instructions. */
    Hypervisor.Result run(long n) {
        return sys.run(n);
    }
}
