package org.xenoscope.xen;

import org.xenoscope.xen.mm.FrameTable;
import org.xenoscope.xen.mm.FrameType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.xenoscope.machine.mem.PhysicalMemory;
import org.xenoscope.xen.abi.Hypercall;
import org.xenoscope.xen.abi.Selectors;

/**
 * What the hypervisor maps into the top of every guest address space: the read-only M2P table (shared by all
 * domains of a flavour) and each domain's per-domain area, which holds the GDT the CPU uses (the guest's frames
 * plus Xen's reserved page), the real IDT and the TSS.
 *
 * <pre>
 *  per-domain area (one L1 table per domain, supervisor-only, unreachable through guest segments):
 *    GDT_VIRT_START + page 0..13   the guest's GDT frames (set_gdt), else Xen's zero page
 *                     page 14      Xen's reserved GDT page (entries 7168..: 0xe008 Xen CS, 0xe010 Xen DS,
 *                                  0xe019/0xe021 ring-1 flat CS/DS, 0xe02b/0xe033 ring-3 flat CS/DS, 0xe038 TSS)
 *                     page 15      zero page
 *    IDT_VIRT_START                the real IDT: ring-0 gates into Xen for all 256 vectors (int3/into DPL 3,
 *                                  int 0x82 DPL 1), plus the guest's direct fast system-call gate when it has one
 *    TSS_VIRT_START                the TSS: SS1:ESP1 = the guest's kernel stack (stack_switch); no I/O bitmap
 * </pre>
 */
public final class XenArea {
    /** The TSS selector in Xen's reserved GDT page. */
    public static final int TSS_SELECTOR = 0xE038;
    /** The LDT selector in Xen's reserved GDT page (its descriptor points at the shadow LDT pages). */
    public static final int LDT_SELECTOR = 0xE040;
    /** GDTR limit: the guest's 14 pages and Xen's entries up to the LDT descriptor. */
    public static final int GDT_LIMIT = LDT_SELECTOR + 7;
    /** Where Xen's (never executed) ring-0 entry points would be; the IDT gates point there. */
    static final int XEN_ENTRY_BASE = 0xFF100000;

    private final PhysicalMemory mem;
    private final FrameTable frames;
    private final int zeroMfn;
    private final Map<GuestFlavour, List<Integer>> m2pL1 = new EnumMap<>(GuestFlavour.class);

    XenArea(PhysicalMemory mem, FrameTable frames) {
        this.mem = mem;
        this.frames = frames;
        this.zeroMfn = frames.allocXen();
    }

    /** Xen's zero page (mapped where the guest has no GDT frame). */
    public int zeroMfn() {
        return zeroMfn;
    }

    /** An L2 slot the hypervisor owns in every address space: linear base, L1 frame, entry flags. */
    public record XenSlot(int va, int l1Mfn, int flags) {
    }

    /**
     * Contract: the Xen slots of domain {@code d}'s address spaces, ascending by address: the M2P tables
     * (read-only to the guest, user-readable) and the per-domain L1 (supervisor). The builder copies them into the
     * guest's top-level page directory; the guest can never write them.
     */
    public List<XenSlot> slots(Domain d) {
        List<XenSlot> s = new ArrayList<>();
        GuestFlavour f = d.flavour();
        List<Integer> l1s = m2pTables(f);
        for (int i = 0; i < l1s.size(); i++) {
            s.add(new XenSlot(f.m2pStart() + i * f.l1Span(), l1s.get(i), PageTables.P | PageTables.RW
                | PageTables.US | PageTables.A));
        }
        s.add(new XenSlot(GuestFlavour.PERDOMAIN_VIRT_START, d.perDomainL1Mfn,
            PageTables.P | PageTables.RW | PageTables.A | PageTables.D));
        return s;
    }

    /** The L1 tables mapping the M2P read-only at MACH2PHYS_VIRT_START for flavour {@code f} (built once). */
    private List<Integer> m2pTables(GuestFlavour f) {
        return m2pL1.computeIfAbsent(f, k -> {
            List<Integer> l1s = new ArrayList<>();
            int perL1 = 4096 / f.pteSize();
            int pages = frames.m2pFrames();
            int span = (f.m2pEnd() - f.m2pStart()) / f.l1Span();
            for (int t = 0; t < span; t++) {
                int l1 = frames.allocXen();
                frames.setType(l1, FrameType.L1);
                for (int i = 0; i < perL1; i++) {
                    int page = t * perL1 + i;
                    if (page < pages) {
                        PageTables.write(mem, f, l1, i, PageTables.entry(frames.m2pFirstMfn() + page,
                            PageTables.P | PageTables.US | PageTables.A));
                    }
                }
                l1s.add(l1);
            }
            return l1s;
        });
    }

    /** Contract: builds domain {@code d}'s per-domain area (GDT page of Xen, IDT, TSS, their L1) in Xen's heap. */
    void setupDomain(Domain d) {
        GuestFlavour f = d.flavour();
        d.perDomainL1Mfn = frames.allocXen();
        frames.setType(d.perDomainL1Mfn, FrameType.L1);
        d.xenGdtMfn = frames.allocXen();
        d.idtMfn = frames.allocXen();
        d.tssMfn = frames.allocXen();
        for (int page = 0; page < GuestFlavour.GDT_PAGES; page++) {
            mapGdtPage(d, page, page == Selectors.FIRST_RESERVED_GDT_PAGE ? d.xenGdtMfn : zeroMfn);
        }
        mapPerDomain(d, GuestFlavour.IDT_VIRT_START, d.idtMfn);
        mapPerDomain(d, GuestFlavour.TSS_VIRT_START, d.tssMfn);
        mapLdt(d, new int[0], 0);
        writeXenGdt(d);
        writeIdt(d);
        d.xenL2Entries = new long[4096 / f.pteSize()];
        for (XenSlot s : slots(d)) {
            int index = f == GuestFlavour.PAE ? (s.va() >>> 21) & 511 : s.va() >>> 22;
            d.xenL2Entries[index] = PageTables.entry(s.l1Mfn(), s.flags());
        }
        long tss = (long) d.tssMfn << 12;
        mem.writeDword(tss + 4, XEN_ENTRY_BASE);           // ESP0: unused, Xen's entries never run on it
        mem.writeDword(tss + 8, Selectors.HYPERVISOR_DS);  // SS0
        mem.writeWord(tss + 0x66, 104);                   // I/O map base past the limit: no bitmap, IOPL rules
    }

    /** Maps GDT page {@code page} (0..15) of domain {@code d} to machine frame {@code mfn}. */
    void mapGdtPage(Domain d, int page, int mfn) {
        mapPerDomain(d, GuestFlavour.GDT_VIRT_START + page * 4096, mfn);
    }

    /** Maps the per-domain page at {@code va} of domain {@code d} to {@code mfn} (supervisor, writable). */
    private void mapPerDomain(Domain d, int va, int mfn) {
        PageTables.write(mem, d.flavour(), d.perDomainL1Mfn, (va - GuestFlavour.PERDOMAIN_VIRT_START) >>> 12,
            PageTables.entry(mfn, PageTables.P | PageTables.RW | PageTables.A | PageTables.D));
    }

    /**
     * Maps the LDT pages of domain {@code d} to {@code frames} (Xen's zero page beyond them) and writes the LDT
     * descriptor for {@code entries} entries (a not-present one for 0).
     */
    void mapLdt(Domain d, int[] frames, int entries) {
        for (int page = 0; page < GuestFlavour.LDT_PAGES; page++) {
            mapPerDomain(d, GuestFlavour.LDT_VIRT_START + page * 4096, page < frames.length ? frames[page] : zeroMfn);
        }
        long desc = entries == 0 ? 0 : Descriptors.system(GuestFlavour.LDT_VIRT_START, entries * 8 - 1, 0x82);
        put((long) d.xenGdtMfn << 12, LDT_SELECTOR, desc);
    }

    /** Sets the TSS's ring-1 stack (stack_switch). */
    void setRing1Stack(Domain d, int ss, int esp) {
        long tss = (long) d.tssMfn << 12;
        mem.writeDword(tss + 12, esp);
        mem.writeDword(tss + 16, ss);
    }

    private void writeXenGdt(Domain d) {
        long page = (long) d.xenGdtMfn << 12;
        int segPages = (d.flavour().segmentMax() >>> 12) - 1; // limit in 4 KiB units: the last reachable page
        put(page, Selectors.HYPERVISOR_CS, Descriptors.flat(0xFFFFF, 0x9A));
        put(page, Selectors.HYPERVISOR_DS, Descriptors.flat(0xFFFFF, 0x92));
        put(page, Selectors.FLAT_RING1_CS, Descriptors.flat(segPages, 0xBA));
        put(page, Selectors.FLAT_RING1_DS, Descriptors.flat(segPages, 0xB2));
        put(page, Selectors.FLAT_RING3_CS, Descriptors.flat(segPages, 0xFA));
        put(page, Selectors.FLAT_RING3_DS, Descriptors.flat(segPages, 0xF2));
        put(page, TSS_SELECTOR, Descriptors.system(GuestFlavour.TSS_VIRT_START, 103, 0x89));
    }

    private void put(long page, int selector, long desc) {
        mem.writeQword(page + (selector & 0xFF8), desc);
    }

    /**
     * The real IDT: every vector enters Xen through a ring-0 interrupt gate with DPL 0, so INT n from the guest
     * raises #GP((n&lt;&lt;3)|2) that Xen then examines; #BP and #OF are DPL 3 (int3/into work from every ring);
     * the hypercall vector 0x82 is a DPL-1 trap gate (ring 3 gets #GP).
     */
    private void writeIdt(Domain d) {
        for (int v = 0; v < 256; v++) {
            int dpl = v == 3 || v == 4 ? 3 : v == Hypercall.XEN_HYPERCALL_VECTOR ? 1 : 0;
            int type = v == Hypercall.XEN_HYPERCALL_VECTOR ? 0xF : 0xE;
            setGate(d, v, Selectors.HYPERVISOR_CS, XEN_ENTRY_BASE + v * 16, type, dpl);
        }
    }

    /** Writes IDT gate {@code v} of domain {@code d}: {@code type} 0xE interrupt gate, 0xF trap gate. */
    void setGate(Domain d, int v, int sel, int offset, int type, int dpl) {
        long a = ((long) d.idtMfn << 12) + v * 8L;
        mem.writeDword(a, (sel << 16) | (offset & 0xFFFF));
        mem.writeDword(a + 4, (offset & 0xFFFF0000) | 0x8000 | (dpl << 13) | (type << 8));
    }

    /** Restores gate {@code v} to Xen's default (used when the guest drops its fast system-call gate). */
    void resetGate(Domain d, int v) {
        setGate(d, v, Selectors.HYPERVISOR_CS, XEN_ENTRY_BASE + v * 16, 0xE, v == 3 || v == 4 ? 3 : 0);
    }
}
