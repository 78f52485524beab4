package org.xenoscope.xen;

import org.xenoscope.xen.mm.FrameTable;
import org.xenoscope.xen.mm.FrameType;
import org.xenoscope.xen.mm.MmRefused;
import org.xenoscope.xen.mm.PageRefs;
import java.util.Arrays;
import org.xenoscope.machine.mem.PhysicalMemory;
import org.xenoscope.xen.abi.Errno;
import org.xenoscope.xen.abi.Selectors;

/**
 * {@code set_gdt} and {@code update_descriptor}: the guest's descriptor tables, checked as Xen checks them
 * ({@link DescriptorCheck}). The guest's GDT frames are mapped into pages 0..13 of the per-domain GDT area that
 * the real GDTR points at; Xen's own page (14) follows.
 *
 * <pre>
 *  GDT_VIRT_START  page 0 .. nr-1     the guest's frames (set_gdt), type GDT
 *                  page nr .. 13      Xen's zero page (every descriptor there is "not present")
 *                  page 14            Xen's reserved entries (flat selectors, TSS)
 * </pre>
 *
 * GDT frames go through the page-type rules ({@link org.xenoscope.xen.mm.PageRefs}): a frame still mapped
 * writable anywhere (type "writable", count above 0) cannot become a GDT frame, and a GDT frame cannot be mapped
 * writable (XTF makes its GDT page read-only with update_va_mapping first, as real Xen requires).
 */
final class DescriptorOps {
    /** Descriptors in one 4 KiB frame. */
    static final int DESCRIPTORS_PER_FRAME = 512;

    private DescriptorOps() {
    }

    static void register(Hypercalls h) {
        h.register("set_gdt", DescriptorOps::setGdt);
        h.register("update_descriptor", DescriptorOps::updateDescriptor);
    }

    /**
     * Contract: {@code set_gdt(frame_list, entries)}. entries &gt; 7168: -EINVAL; the ceil(entries/512) machine
     * frame numbers (32-bit words) at {@code frame_list} unreadable: -EFAULT; a frame that is not the caller's,
     * is a page table or LDT, or holds any descriptor (of all 512) that {@link DescriptorCheck} refuses: -EINVAL,
     * and nothing changes. On success the frames' descriptors are stored as checked (clipped limits), the frames
     * become type GDT and are mapped at GDT pages 0..nr-1 (the rest of pages 0..13: the zero page), frames of the
     * old GDT no longer used become type NONE, the VCPU records frames and entries, and the TLB is flushed.
     */
    static int setGdt(Call c) {
        int entries = c.arg(1);
        if (Integer.compareUnsigned(entries, Selectors.FIRST_RESERVED_GDT_ENTRY) > 0) {
            throw new HypercallError(Errno.EINVAL, "GDT of " + Integer.toUnsignedString(entries)
                + " entries: at most " + Selectors.FIRST_RESERVED_GDT_ENTRY + " are the guest's");
        }
        int nr = (entries + DESCRIPTORS_PER_FRAME - 1) / DESCRIPTORS_PER_FRAME;
        int[] frames = new int[nr];
        for (int i = 0; i < nr; i++) {
            frames[i] = c.mem().read32(c.arg(0) + 4 * i);
        }
        install(c, frames, entries);
        return 0;
    }

    /**
     * Everything that could refuse frame {@code i} ({@code mfn}), checked before anything changes: the caller's
     * frame, free for the GDT role (type count 0, or already a GDT frame), every descriptor acceptable.
     */
    private static void precheck(Call c, int mfn, int i) {
        FrameTable ft = c.hv().frames();
        if (!ft.valid(mfn) || ft.owner(mfn) != c.domain().id()) {
            throw new HypercallError(Errno.EINVAL, String.format("GDT frame %d (0x%x) is not d%d's frame", i, mfn,
                c.domain().id()));
        }
        if (ft.typeCount(mfn) > 0 && ft.type(mfn) != FrameType.GDT) {
            throw new HypercallError(Errno.EINVAL, String.format("GDT frame %d (0x%x) is in use as %s (type count "
                + "%d): %s", i, mfn, ft.type(mfn), ft.typeCount(mfn), ft.type(mfn) == FrameType.WRITABLE
                ? "it is still mapped writable" : "a frame has one role at a time"));
        }
        for (int e = 0; e < DESCRIPTORS_PER_FRAME; e++) {
            long desc = c.cpu().memory().readQword(((long) mfn << 12) + 8L * e);
            try {
                DescriptorCheck.check(c.domain().flavour(), desc);
            } catch (HypercallError err) {
                throw new HypercallError(Errno.EINVAL, String.format("GDT frame %d (0x%x) entry %d: %s", i, mfn, e,
                    err.getMessage()));
            }
        }
    }

    /**
     * The success half of set_gdt: takes every new frame as a GDT frame (+1 general, +1 type; validating all its
     * descriptors and storing the clipped ones), releasing the ones taken when one is refused; then drops the old
     * GDT's references, maps the new frames and flushes the TLB.
     */
    private static void install(Call c, int[] frames, int entries) {
        PageRefs refs = c.hv().refs();
        Domain d = c.domain();
        Vcpu v = c.vcpu();
        for (int i = 0; i < frames.length; i++) {
            precheck(c, frames[i], i);
        }
        int taken = 0;
        try {
            for (; taken < frames.length; taken++) {
                refs.getPageAndType(frames[taken], FrameType.GDT, d, String.format("GDT frame %d", taken));
            }
        } catch (MmRefused r) {
            for (int i = 0; i < taken; i++) {
                refs.putPageAndType(frames[i]);
            }
            throw new HypercallError(Errno.EINVAL, r.getMessage());
        }
        for (int old : v.gdtFrames) {
            refs.putPageAndType(old);
        }
        for (int page = 0; page < Selectors.FIRST_RESERVED_GDT_PAGE; page++) {
            c.hv().area().mapGdtPage(d, page, page < frames.length ? frames[page] : c.hv().area().zeroMfn());
        }
        v.gdtFrames = frames.clone();
        v.gdtEntries = entries;
        c.cpu().mmu().flushAll();
    }

    /**
     * Contract: {@code update_descriptor(ma_lo, ma_hi, desc_lo, desc_hi)}: stores the 64-bit descriptor at the
     * 64-bit machine address ma, as {@link DescriptorCheck} leaves it. -EINVAL when ma is not 8-byte aligned, is
     * not in a frame the caller owns (ma_hi != 0 never is), the frame is a page table, or the descriptor is
     * refused. GDT and LDT frames keep their type; other frames are plain data to Xen (it would take them as
     * writable, which only page-table frames refuse).
     */
    static int updateDescriptor(Call c) {
        long ma = (c.arg(0) & 0xFFFFFFFFL) | ((long) c.arg(1) << 32);
        long desc = (c.arg(2) & 0xFFFFFFFFL) | ((long) c.arg(3) << 32);
        if ((ma & 7) != 0) {
            throw new HypercallError(Errno.EINVAL, String.format("machine address 0x%x is not 8-byte aligned", ma));
        }
        long mfn = ma >>> 12;
        if (mfn > Integer.MAX_VALUE) {
            throw new HypercallError(Errno.EINVAL, String.format("machine address 0x%x is beyond memory", ma));
        }
        long stored = DescriptorCheck.check(c.domain().flavour(), desc);
        int frame = (int) mfn;
        FrameTable ft = c.hv().frames();
        if (!ft.valid(frame) || ft.owner(frame) != c.domain().id()) {
            throw new HypercallError(Errno.EINVAL, String.format("descriptor at 0x%x: frame 0x%x is not d%d's", ma,
                frame, c.domain().id()));
        }
        boolean table = (ft.type(frame) == FrameType.GDT || ft.type(frame) == FrameType.LDT) && ft.typeCount(frame) > 0;
        if (table) {
            c.cpu().memory().writeQword(ma, stored); // a descriptor table keeps its type: the entry was checked
            return 0;
        }
        PageRefs refs = c.hv().refs();
        try {
            refs.getPageType(frame, FrameType.WRITABLE, c.domain(), String.format("descriptor at 0x%x", ma));
        } catch (MmRefused r) {
            throw new HypercallError(Errno.EINVAL, r.getMessage());
        }
        c.cpu().memory().writeQword(ma, stored);
        refs.putPageType(frame);
        return 0;
    }
}
