package org.xenoscope.dom0;

import org.xenoscope.asm.BadInputException;
import org.xenoscope.asm.elf.ElfImage;
import org.xenoscope.xen.GuestFlavour;

/**
 * Where the domain builder puts things in a new PV guest's virtual address space (libxc's xc_dom_build_image,
 * alloc_magic_pages, alloc_pgtables): one contiguous region from VIRT_BASE, every piece page aligned.
 *
 * <pre>
 *  virtBase                   pseudo-physical frame 0 (va = virtBase + pfn * 4096 in the whole region)
 *  kernelStart .. kernelEnd   the ELF image, bss zeroed
 *  p2m                        mfn_list: one 32-bit machine frame number per pseudo-physical frame
 *  startInfo                  start_info page              (ESI at entry)
 *  store, console             xenstore page, console ring page
 *  pageTables                 bootstrap tables, top table first (pt_base): 2-level: PD, L1s;
 *                             PAE: L3, the L2s (always one for l3[3], which holds Xen's slots), L1s
 *  stack                      boot stack page               (ESP at entry = its top)
 *  .. mappedEnd               everything up to here is mapped: the end rounded up to 4 MiB after at least
 *                             512 KiB of slack
 * </pre>
 */
public record BootLayout(GuestFlavour flavour, int virtBase, int kernelStart, int kernelEnd, int p2m, int startInfo,
                         int store, int console, int pageTables, int nrPtFrames, int stack, int mappedEnd,
                         int nrPages) {
    static final int PAGE = 4096;
    static final int SLACK = 512 * 1024;
    static final int FOUR_MB = 4 << 20;

    /**
     * Contract: the layout of {@code img} in a domain of {@code nrPages} pages. Bad input (ELF segments outside the
     * guest's part of the address space, too little memory for the image and its boot data) is reported against
     * the kernel file.
     */
    static BootLayout of(GuestImage img, int nrPages) {
        ElfImage elf = img.elf();
        String file = elf.fileName();
        GuestFlavour f = img.flavour();
        long lo = Long.MAX_VALUE;
        long hi = 0;
        for (ElfImage.Segment s : elf.segments()) {
            if (s.memSize() == 0) {
                continue;
            }
            long va = virt(img, s);
            long end = va + s.memSize();
            if (va < (img.virtBase() & 0xFFFFFFFFL) || end > (f.hypervisorVirtStart() & 0xFFFFFFFFL)) {
                throw new BadInputException(file, String.format("segment at 0x%08x..0x%08x is outside the guest's "
                    + "part of the address space (0x%08x..0x%08x)", va, end, img.virtBase(),
                    f.hypervisorVirtStart()));
            }
            lo = Math.min(lo, va);
            hi = Math.max(hi, end);
        }
        if (hi == 0) {
            throw new BadInputException(file, "has no loadable segment");
        }
        long kstart = lo & ~(PAGE - 1L);
        long next = roundUp(hi, PAGE);
        long p2m = next;
        next += roundUp(4L * nrPages, PAGE);
        long startInfo = next;
        long store = next + PAGE;
        long console = next + 2 * PAGE;
        long pt = next + 3 * PAGE;
        int nrPt = 0;
        while (true) {
            long end = Math.min(roundUp(pt + (long) (nrPt + 1) * PAGE + SLACK, FOUR_MB),
                (img.virtBase() & 0xFFFFFFFFL) + (long) nrPages * PAGE);
            int need = tablesFor(f, img.virtBase() & 0xFFFFFFFFL, end);
            if (need <= nrPt) {
                break;
            }
            nrPt = need;
        }
        long stack = pt + (long) nrPt * PAGE;
        long mappedEnd = roundUp(stack + PAGE + SLACK, FOUR_MB);
        long needPages = (stack + PAGE - (img.virtBase() & 0xFFFFFFFFL)) / PAGE;
        if (needPages > nrPages) {
            throw new BadInputException(file, String.format("needs %d pages (%d KiB) for the image and its boot data, "
                + "the domain has %d: give it more --memory", needPages, needPages * 4, nrPages));
        }
        if (mappedEnd > (f.hypervisorVirtStart() & 0xFFFFFFFFL)) {
            throw new BadInputException(file, "the boot mapping would reach into Xen's part of the address space");
        }
        return new BootLayout(f, img.virtBase(), (int) kstart, (int) roundUp(hi, PAGE), (int) p2m, (int) startInfo,
            (int) store, (int) console, (int) pt, nrPt, (int) stack, (int) mappedEnd, nrPages);
    }

    /** The virtual address of segment {@code s} (libelf: paddr + VIRT_BASE - PADDR_OFFSET). */
    static long virt(GuestImage img, ElfImage.Segment s) {
        return (s.paddr() + (long) img.virtBase() - img.paddrOffset()) & 0xFFFFFFFFL;
    }

    /** Page-table frames needed to map [base, end): 2-level PD + L1s; PAE L3 + L2s (incl. l3[3]) + L1s. */
    static int tablesFor(GuestFlavour f, long base, long end) {
        if (f == GuestFlavour.NONPAE) {
            return 1 + (int) (((end - 1) >>> 22) - (base >>> 22) + 1);
        }
        int l1s = (int) (((end - 1) >>> 21) - (base >>> 21) + 1);
        long firstSlot = base >>> 30;
        long lastSlot = (end - 1) >>> 30;
        int l2s = (int) (lastSlot - firstSlot + 1) + (lastSlot < 3 ? 1 : 0);
        return 1 + l2s + l1s;
    }

    /** Pseudo-physical frame of virtual address {@code va} inside the region. */
    public int pfn(int va) {
        return (va - virtBase) >>> 12;
    }

    private static long roundUp(long v, long to) {
        return (v + to - 1) / to * to;
    }
}
