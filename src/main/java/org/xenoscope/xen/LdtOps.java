package org.xenoscope.xen;

import org.xenoscope.machine.cpu.Cpu;
import org.xenoscope.machine.intr.CpuFault;
import org.xenoscope.xen.abi.Errno;
import org.xenoscope.xen.mm.FrameType;
import org.xenoscope.xen.mm.MmRefused;
import org.xenoscope.xen.mm.PageRefs;

/**
 * {@code MMUEXT_SET_LDT(linear_addr, nr_ents)}: the guest's local descriptor table. The guest names its LDT by
 * virtual address; each page is taken as an LDT frame (+1 general, +1 type "LDT": every descriptor validated as a
 * GDT's are, so never one a guest may not have) and mapped into Xen's per-domain area, which the LDT descriptor
 * Xen keeps at selector {@link XenArea#LDT_SELECTOR} points at; Xen then loads LDTR.
 *
 * <pre>
 *  linear_addr  page aligned, below HYPERVISOR_VIRT_START (with the whole table)     else -EINVAL
 *  nr_ents      0 (no LDT) .. 8192 (16 pages of 512 descriptors)                      else -EINVAL
 *  each page    mapped in the current address space, a frame the guest owns, obtainable as LDT
 * </pre>
 *
 * SIMPLIFICATION: Xen maps LDT pages lazily, on the first fault through its "shadow LDT"; Xenoscope takes them all
 * at once, so a bad page is refused by SET_LDT itself instead of faulting later.
 */
final class LdtOps {
    static final int MAX_ENTRIES = 8192;

    private LdtOps() {
    }

    /** Contract: see the class comment; the old LDT's frames are released after the new ones are taken. */
    static void setLdt(Call c, int base, int entries) {
        Domain d = c.domain();
        Vcpu v = c.vcpu();
        long bytes = (long) entries * 8;
        if (entries < 0 || entries > MAX_ENTRIES || (base & 0xFFF) != 0
            || (base & 0xFFFFFFFFL) + bytes > (d.flavour().hypervisorVirtStart() & 0xFFFFFFFFL)) {
            throw new MmRefused(String.format("SET_LDT(0x%08x, %d): the base must be page aligned, the table at "
                + "most %d entries and below Xen's area", base, entries, MAX_ENTRIES));
        }
        int pages = (int) ((bytes + 4095) / 4096);
        int[] frames = new int[pages];
        PageRefs refs = c.hv().refs();
        int taken = 0;
        try {
            for (; taken < pages; taken++) {
                frames[taken] = frameOf(c, base + taken * 4096);
                refs.getPageAndType(frames[taken], FrameType.LDT, d, String.format("LDT page %d", taken));
            }
        } catch (MmRefused r) {
            for (int i = 0; i < taken; i++) {
                refs.putPageAndType(frames[i]);
            }
            throw r;
        }
        for (int old : v.ldtFrames) {
            refs.putPageAndType(old);
        }
        v.ldtFrames = frames;
        v.ldtBase = base;
        v.ldtEntries = entries;
        c.hv().area().mapLdt(d, frames, entries);
        Cpu cpu = c.cpu();
        cpu.mmu().flushAll();
        try {
            cpu.loadLdt(entries == 0 ? 0 : XenArea.LDT_SELECTOR);
        } catch (CpuFault f) {
            throw new HypercallError(Errno.EINVAL, "the CPU refused the LDT: " + f.getMessage());
        }
    }

    /** The machine frame mapped at {@code va} in the current address space, or refused when none is. */
    private static int frameOf(Call c, int va) {
        Domain d = c.domain();
        GuestFlavour f = d.flavour();
        int l1 = MemoryOps.l1For(c, d, d.vcpu0.baseMfn, va);
        long pte = l1 < 0 ? 0 : PageTables.read(c.cpu().memory(), f, l1, PageTables.l1Index(f, va));
        if ((pte & PageTables.P) == 0) {
            throw new MmRefused(String.format("LDT page at 0x%08x is not mapped", va));
        }
        return PageTables.frame(pte);
    }
}
