package org.xenoscope.xen;

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
 * SIMPLIFICATION: frames carry a type but no reference counts: set_gdt does not check that the guest has no
 * writable mapping of a frame left (real Xen refuses such a frame, as its type count is "writable"; XTF makes its
 * GDT read-only with update_va_mapping first). Once a frame is a GDT frame, update_va_mapping refuses new
 * writable mappings of it.
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
        long[][] checked = new long[nr][];
        for (int i = 0; i < nr; i++) {
            checked[i] = validateFrame(c, frames[i], i);
        }
        install(c, frames, checked, entries);
        return 0;
    }

    /** Checks GDT frame {@code i} ({@code mfn}); returns its 512 descriptors as Xen would store them. */
    private static long[] validateFrame(Call c, int mfn, int i) {
        checkFrame(c, mfn, "GDT frame " + i);
        FrameType t = c.hv().frames().type(mfn);
        if (t == FrameType.LDT) {
            throw new HypercallError(Errno.EINVAL, String.format("GDT frame %d (0x%x) is an LDT frame", i, mfn));
        }
        PhysicalMemory mem = c.cpu().memory();
        long[] descs = new long[DESCRIPTORS_PER_FRAME];
        for (int e = 0; e < DESCRIPTORS_PER_FRAME; e++) {
            long desc = mem.readQword(((long) mfn << 12) + 8L * e);
            try {
                descs[e] = DescriptorCheck.check(c.domain().flavour(), desc);
            } catch (HypercallError err) {
                throw new HypercallError(Errno.EINVAL, String.format("GDT frame %d (0x%x) entry %d: %s", i, mfn,
                    e, err.getMessage()));
            }
        }
        return descs;
    }

    /** The checks every descriptor frame passes: a valid machine frame the caller owns, not a page table. */
    private static void checkFrame(Call c, int mfn, String what) {
        FrameTable ft = c.hv().frames();
        if (!ft.valid(mfn) || ft.owner(mfn) != c.domain().id()) {
            throw new HypercallError(Errno.EINVAL, String.format("%s (0x%x) is not d%d's frame", what, mfn,
                c.domain().id()));
        }
        if (ft.type(mfn).isPageTable()) {
            throw new HypercallError(Errno.EINVAL, String.format("%s (0x%x) is a page table (%s)", what, mfn,
                ft.type(mfn)));
        }
    }

    /** The success half of set_gdt (see its contract). */
    private static void install(Call c, int[] frames, long[][] checked, int entries) {
        PhysicalMemory mem = c.cpu().memory();
        FrameTable ft = c.hv().frames();
        Domain d = c.domain();
        Vcpu v = c.vcpu();
        for (int old : v.gdtFrames) {
            if (Arrays.stream(frames).noneMatch(f -> f == old) && ft.type(old) == FrameType.GDT) {
                ft.setType(old, FrameType.NONE);
            }
        }
        for (int i = 0; i < frames.length; i++) {
            for (int e = 0; e < DESCRIPTORS_PER_FRAME; e++) {
                mem.writeQword(((long) frames[i] << 12) + 8L * e, checked[i][e]);
            }
            ft.setType(frames[i], FrameType.GDT);
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
        checkFrame(c, (int) mfn, String.format("descriptor frame of 0x%x", ma));
        c.cpu().memory().writeQword(ma, stored);
        return 0;
    }
}
