package org.xenoscope.cli;

import org.xenoscope.asm.elf.ElfImage;
import org.xenoscope.asm.nasm.Assembler;
import org.xenoscope.dom0.DomainBuilder;
import org.xenoscope.dom0.XenSystem;
import org.xenoscope.machine.cpu.Cpu;
import org.xenoscope.machine.mem.PhysicalMemory;
import org.xenoscope.xen.Domain;
import org.xenoscope.xen.GuestFlavour;
import org.xenoscope.xen.Hypervisor;
import org.xenoscope.xen.PageTables;

/**
 * The workload of {@code xenoscope bench --pte-updates}: validated page-table updates per second. A PV guest
 * (built by the real domain builder) issues {@code mmu_update} of a batch of {@link #BATCH} requests in a loop,
 * through {@code int $0x82}. Each request rewrites one of {@link #PTES} entries of an L1 in the current address
 * space (the slack pages at the top of the boot mapping) to map one of two data frames writable, alternating, so
 * every request goes the whole way: the new frame is taken (general + writable type reference), the entry
 * written, the old frame released. The guest counts its batches in EBP and stops on any failure.
 *
 * <pre>
 *  loop: mov ebx, reqs ; mov ecx, BATCH ; xor edx, edx ; mov esi, DOMID_SELF ; mov eax, __HYPERVISOR_mmu_update
 *        int 0x82 ; test eax, eax ; jnz fail ; inc ebp ; jmp loop
 * </pre>
 */
public final class PteUpdateBench {
    /** Requests per mmu_update. */
    public static final int BATCH = 1024;
    /** Distinct entries the batch rewrites (each flips between the two data frames). */
    public static final int PTES = 16;
    /** Guest instructions per batch (the loop above). */
    static final int LOOP_INSTRUCTIONS = 10;

    private static final String SOURCE = """
        %%macro ELFNOTE 3+
            align 4, db 0
            dd %%%%name_end - %%%%name
            dd %%%%desc_end - %%%%desc
            dd %%2
        %%%%name:
            db %%1, 0
        %%%%name_end:
            align 4, db 0
        %%%%desc:
            %%3
        %%%%desc_end:
            align 4, db 0
        %%endmacro
        section .text
        global _start
        _start:
            xor ebp, ebp
        again:
            mov ebx, reqs
            mov ecx, %d
            xor edx, edx
            mov esi, 0x7FF0
            mov eax, 1
            int 0x82
            test eax, eax
            jnz fail
            inc ebp
            jmp again
        fail:
            ud2
        section .text.hypercall_page progbits alloc exec nowrite align=4096
        global hypercall_page
        hypercall_page:
            times 4096 db 0xC3
        section .note.Xen note alloc noexec nowrite align=4
            ELFNOTE "Xen", 6, db "pte-bench", 0
            ELFNOTE "Xen", 2, dd hypercall_page
            %s
        section .bss
        align 4096
        global reqs
        reqs: resb %d
        """;

    private final XenSystem sys;
    private final Hypervisor hv;

    /**
     * Contract: boots the benchmark guest ({@code pae} or 2-level) in an 8 MiB domain and fills its request
     * buffer; the invariant check after every hypercall is off (it would measure the checker).
     */
    public PteUpdateBench(boolean pae) {
        String src = String.format(SOURCE, BATCH, pae ? "ELFNOTE \"Xen\", 9, db \"yes\", 0" : "", 16 * BATCH);
        byte[] elf = Assembler.assemble("pte-bench.asm", src, Assembler.Options.elf()).image();
        sys = new XenSystem(8);
        DomainBuilder.Built b = sys.boot("pte-bench.elf", elf, 8, "");
        hv = sys.hypervisor();
        hv.setCheckInvariants(false);
        int reqs = (int) ElfImage.parse("pte-bench.elf", elf).symbol("reqs").orElseThrow().value();
        fill(b, reqs);
    }

    /** Writes the BATCH requests: entry i % PTES of the window, frame A or B by (i / PTES) % 2. */
    private void fill(DomainBuilder.Built b, int reqs) {
        Domain d = b.domain();
        GuestFlavour f = d.flavour();
        Cpu cpu = hv.cpu();
        PhysicalMemory mem = hv.machine().memory();
        int end = b.layout().mappedEnd();
        int[] data = {d.mfn((end >>> 12) + 1), d.mfn((end >>> 12) + 2)};
        int cr3 = cpu.cr(3);
        for (int i = 0; i < BATCH; i++) {
            int va = end - 4096 * (1 + i % PTES);
            int l1 = PageTables.l1For(mem, f, cr3 >>> 12, f == GuestFlavour.PAE ? cr3 & 0xFE0 : 0, va);
            long ptr = ((long) l1 << 12) + (long) PageTables.l1Index(f, va) * f.pteSize();
            long val = ((long) data[(i / PTES) % 2] << 12) | 0x63; // P | RW | A | D
            long pa = cpu.mmu().peek(reqs + 16 * i);
            mem.writeQword(pa, ptr);
            mem.writeQword(pa + 8, val);
        }
    }

    /** The hypervisor the guest runs on (tests check its frame table). */
    public Hypervisor hypervisor() {
        return hv;
    }

    /**
     * Contract: runs the guest for {@code batches} more mmu_update batches (about) and returns the validated
     * updates done; throws IllegalStateException if the guest stopped (a refused update ends it).
     */
    public long run(long batches) {
        int before = hv.cpu().reg(Cpu.EBP);
        Hypervisor.Result r = sys.run(batches * LOOP_INSTRUCTIONS);
        if (r.outcome() != Hypervisor.Outcome.LIMIT) {
            throw new IllegalStateException("the benchmark guest stopped: " + r.outcome() + ": " + r.detail());
        }
        return (long) (hv.cpu().reg(Cpu.EBP) - before) * BATCH;
    }
}
