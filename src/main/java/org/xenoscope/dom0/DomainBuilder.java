package org.xenoscope.dom0;

import java.util.ArrayList;
import java.util.List;
import org.xenoscope.asm.BadInputException;
import org.xenoscope.asm.elf.ElfImage;
import org.xenoscope.machine.mem.PhysicalMemory;
import org.xenoscope.xen.Domain;
import org.xenoscope.xen.mm.FrameType;
import org.xenoscope.xen.GuestFlavour;
import org.xenoscope.xen.HypercallPage;
import org.xenoscope.xen.Hypervisor;
import org.xenoscope.xen.PageTables;
import org.xenoscope.xen.XenArea;
import org.xenoscope.xen.mm.MmRefused;
import org.xenoscope.xen.abi.StartInfo;
import org.xenoscope.xen.abi.StartInfoFlags;

/**
 * The domain builder (libxc's xc_dom_* for a 32-bit PV guest): creates the domain, loads the ELF image at its
 * virtual addresses (virtual = VIRT_BASE + pseudo-physical), writes the P2M list, start_info, the console ring and
 * store pages, builds the bootstrap page tables (mapped read-only, top table pinned), fills the hypercall page,
 * connects the console to Domain 0's back-end and starts the guest in ring 1 with ESI = start_info. Pinning the
 * top-level table makes the hypervisor validate the whole bootstrap tree (every frame gets its type and counts).
 *
 * <pre>
 *  bootstrap page-table flags (libxc x86_32 params):   L3 (PAE): P      L2: P|RW|A|D|US      L1: P|RW|A
 *  L1 entries that map the page tables themselves: RW cleared
 * </pre>
 */
public final class DomainBuilder {
    /** Pages in a domain per MiB. */
    public static final int PAGES_PER_MB = 256;
    static final int L1_PROT = PageTables.P | PageTables.RW | PageTables.A;
    static final int L2_PROT = PageTables.P | PageTables.RW | PageTables.A | PageTables.D | PageTables.US;

    private final Hypervisor hv;
    private final ConsoleDaemon console;

    public DomainBuilder(Hypervisor hv, ConsoleDaemon console) {
        this.hv = hv;
        this.console = console;
    }

    /** What was built: the domain and where its boot data went. */
    public record Built(Domain domain, BootLayout layout, int consolePort) {
    }

    /**
     * Contract: builds and starts a domain named {@code name} from {@code img} with {@code memoryMb} MiB and
     * command line {@code cmdline} (at most 1023 bytes). Throws BadInputException (nothing created) for a kernel
     * that cannot be laid out or a command line that is too long.
     */
    public Built build(String name, GuestImage img, int memoryMb, String cmdline) {
        int nrPages = memoryMb * PAGES_PER_MB;
        if (cmdline.length() >= StartInfoFlags.MAX_GUEST_CMDLINE) {
            throw new BadInputException("--cmdline", "longer than " + (StartInfoFlags.MAX_GUEST_CMDLINE - 1)
                + " bytes");
        }
        BootLayout lay = BootLayout.of(img, nrPages);
        if (img.hypercallPage() != -1 && (img.hypercallPage() < lay.kernelStart()
            || img.hypercallPage() >= lay.kernelEnd())) {
            throw new BadInputException(img.elf().fileName(), String.format(
                "XEN_ELFNOTE_HYPERCALL_PAGE 0x%08x is not inside the image", img.hypercallPage()));
        }
        Domain d = hv.createDomain(name, img.flavour(), nrPages);
        PhysicalMemory mem = hv.machine().memory();
        GuestWriter w = new GuestWriter(mem, d, lay);
        for (ElfImage.Segment s : img.elf().segments()) {
            w.write((int) BootLayout.virt(img, s), s.data());
        }
        for (int pfn = 0; pfn < nrPages; pfn++) {
            w.write32(lay.p2m() + 4 * pfn, d.mfn(pfn));
        }
        int top = buildPageTables(d, lay);
        if (img.hypercallPage() != -1) {
            w.write(img.hypercallPage(), HypercallPage.bytes());
        }
        int port = hv.events().allocUnbound(d, Hypervisor.DOM0);
        StartInfo si = StartInfo.at(mem, (long) d.mfn(lay.pfn(lay.startInfo())) << 12);
        si.setMagic(img.flavour().magic());
        si.setNrPages(nrPages);
        si.setSharedInfo(d.sharedInfoMfn() << 12);
        si.setFlags(0);
        si.setStoreMfn(d.mfn(lay.pfn(lay.store())));
        si.setStoreEvtchn(0);
        si.setConsoleMfn(d.mfn(lay.pfn(lay.console())));
        si.setConsoleEvtchn(port);
        si.setPtBase(lay.pageTables());
        si.setNrPtFrames(lay.nrPtFrames());
        si.setMfnList(lay.p2m());
        si.setCmdLine(cmdline);
        console.attach(d, d.mfn(lay.pfn(lay.console())), port);
        hv.start(d, top << 12, img.entry(), lay.stack() + BootLayout.PAGE, lay.startInfo());
        return new Built(d, lay, port);
    }


    /** Builds the bootstrap tables in the layout's page-table frames; returns the top table's machine frame. */
    private int buildPageTables(Domain d, BootLayout lay) {
        GuestFlavour f = d.flavour();
        PhysicalMemory mem = hv.machine().memory();
        List<Integer> frames = new ArrayList<>();
        for (int i = 0; i < lay.nrPtFrames(); i++) {
            frames.add(d.mfn(lay.pfn(lay.pageTables()) + i));
        }
        TableAllocator t = new TableAllocator(mem, f, frames, hv);
        int ptFirst = lay.pfn(lay.pageTables());
        for (long va = lay.virtBase() & 0xFFFFFFFFL; va < (lay.mappedEnd() & 0xFFFFFFFFL); va += BootLayout.PAGE) {
            int pfn = lay.pfn((int) va);
            if (pfn >= lay.nrPages()) {
                break;
            }
            boolean isTable = pfn >= ptFirst && pfn < ptFirst + lay.nrPtFrames();
            int prot = isTable ? L1_PROT & ~PageTables.RW : L1_PROT;
            int l1 = t.l1For((int) va);
            PageTables.write(mem, f, l1, PageTables.l1Index(f, (int) va), PageTables.entry(d.mfn(pfn), prot));
        }
        for (XenArea.XenSlot s : hv.area().slots(d)) {
            t.plugXenSlot(s);
        }
        t.checkAllUsed(lay.nrPtFrames());
        try {
            hv.pageTables().pin(t.top(), d.pagingMode().topType(), d); // Xen validates the whole tree here
            hv.newBaseptr(d, t.top());
        } catch (MmRefused e) {
            throw new IllegalStateException("the builder's bootstrap tables were refused: " + e.getMessage());
        }
        return t.top();
    }

    /** Hands out the page-table frames in order (top table first) and links the levels as va needs them. */
    private static final class TableAllocator {
        private final PhysicalMemory mem;
        private final GuestFlavour f;
        private final List<Integer> frames;
        private final Hypervisor hv;
        private int used;
        private final int top;
        private final int[] l2 = new int[4];
        private final java.util.Map<Integer, Integer> l1s = new java.util.HashMap<>();

        TableAllocator(PhysicalMemory mem, GuestFlavour f, List<Integer> frames, Hypervisor hv) {
            this.mem = mem;
            this.f = f;
            this.frames = frames;
            this.hv = hv;
            this.top = next(f == GuestFlavour.PAE ? FrameType.L3 : FrameType.L2);
            if (f == GuestFlavour.PAE) {
                l2[3] = 0; // allocated in order when first needed; Xen's slots always need it
            }
        }

        int top() {
            return top;
        }

        /** The next page-table frame; its type comes from validation when the tree is pinned. */
        private int next(FrameType type) {
            return frames.get(used++);
        }

        /** The L2 (PAE: of l3 slot {@code slot}) that maps {@code va}. */
        private int l2For(int va) {
            if (f == GuestFlavour.NONPAE) {
                return top;
            }
            int slot = va >>> 30;
            if (l2[slot] == 0) {
                l2[slot] = next(FrameType.L2);
                PageTables.write(mem, f, top, slot, PageTables.entry(l2[slot], PageTables.P));
            }
            return l2[slot];
        }

        private int l2Index(int va) {
            return f == GuestFlavour.PAE ? (va >>> 21) & 511 : va >>> 22;
        }

        int l1For(int va) {
            int key = va / f.l1Span();
            Integer l1 = l1s.get(key);
            if (l1 == null) {
                int dir = l2For(va);
                l1 = next(FrameType.L1);
                PageTables.write(mem, f, dir, l2Index(va), PageTables.entry(l1, L2_PROT));
                l1s.put(key, l1);
            }
            return l1;
        }

        void plugXenSlot(XenArea.XenSlot s) {
            PageTables.write(mem, f, l2For(s.va()), l2Index(s.va()), PageTables.entry(s.l1Mfn(), s.flags()));
        }

        void checkAllUsed(int n) {
            if (used != n) {
                throw new IllegalStateException("page-table count " + n + " but used " + used);
            }
        }
    }

    /** Writes into the new domain's memory by virtual address (va = virtBase + pfn * 4096). */
    private static final class GuestWriter {
        private final PhysicalMemory mem;
        private final Domain d;
        private final BootLayout lay;

        GuestWriter(PhysicalMemory mem, Domain d, BootLayout lay) {
            this.mem = mem;
            this.d = d;
            this.lay = lay;
        }

        private long phys(int va) {
            return ((long) d.mfn(lay.pfn(va)) << 12) + (va & 0xFFF);
        }

        void write(int va, byte[] b) {
            for (int i = 0; i < b.length; i++) {
                mem.writeByte(phys(va + i), b[i]);
            }
        }

        void write32(int va, int v) {
            mem.writeDword(phys(va), v);
        }
    }
}
