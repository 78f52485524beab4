package org.xenoscope.xen;

import org.xenoscope.xen.abi.DomId;
import org.xenoscope.xen.abi.Errno;
import org.xenoscope.xen.abi.MemoryOp;
import org.xenoscope.xen.abi.OpStructs;
import org.xenoscope.xen.abi.StructLayout;
import org.xenoscope.xen.mm.FrameTable;

/**
 * {@code memory_op(cmd, arg)}: the balloon of the paper's §3.3.4 — a domain gives frames back to Xen and takes
 * fresh ones, up to its maximum reservation — and the queries about reservations and the M2P.
 *
 * <pre>
 *  cmd:  bits 5..0 the XENMEM_* command, bits 31..6 the extent a preempted reservation call resumes at
 *  xen_memory_reservation (20 bytes)            xen_machphys_mfn_list (12 bytes)
 *    @0  extent_start  pointer to u32[]            @0 max_extents
 *    @4  nr_extents                                @4 extent_start  pointer to u32[] (OUT)
 *    @8  extent_order  (must be 0 here)            @8 nr_extents    (OUT)
 *    @12 mem_flags / address_bits (ignored)
 *    @16 domid u16     DOMID_SELF, or the caller's own id (others: -EPERM unless privileged)
 *
 *  increase_reservation  allocate nr_extents frames; extent_start (may be NULL) receives their mfns; M2P invalid
 *  populate_physmap      extent_start holds gpfns; each gets a fresh frame, M2P[mfn] = gpfn, and the array
 *                        receives the mfn in place of the gpfn (what Xen does for PV guests)
 *  decrease_reservation  extent_start holds mfns (gmfn = mfn for PV): each must be the domain's; it is unpinned
 *                        if pinned, its allocation reference dropped, and it is freed once nothing references it
 *  all three             return the number of extents done: a frame that is not the domain's, the maximum
 *                        reservation or an empty pool, or a fault on the array stop the call early
 *  maximum_ram_page      returns the number of machine frames (Xen's max_page)
 *  current_reservation,  arg points at a domid_t; returns the frames the domain owns (tot_pages: frames given
 *  maximum_reservation   back but still referenced count until freed) or its maximum (max_pages)
 *  machphys_mfn_list     the M2P's frames, one extent per 2 MiB of it (the mfn of its first frame); returns 0
 * </pre>
 *
 * Errors: -EFAULT when the argument struct cannot be read (or a machphys list written), -EINVAL for a
 * non-zero extent order or a resume point past nr_extents, -EPERM for another domain without privilege, -ESRCH
 * for a domain that does not exist, -ENOSYS for any other command. SIMPLIFICATION: extents are single frames
 * (Xen allows higher orders to privileged domains), and mem_flags (address_bits for DMA-able memory) is ignored:
 * all of this machine's memory is addressable.
 */
final class MemoryReservationOps {
    private static final StructLayout RES = OpStructs.XEN_MEMORY_RESERVATION;
    private static final int EXTENT_START = RES.offsetOf("extent_start");
    private static final int NR_EXTENTS = RES.offsetOf("nr_extents");
    private static final int EXTENT_ORDER = RES.offsetOf("extent_order");
    private static final int DOMID = RES.offsetOf("domid");
    private static final StructLayout MML = OpStructs.XEN_MACHPHYS_MFN_LIST;
    /** Frames of M2P per machphys_mfn_list extent (2 MiB, a PAE superpage). */
    static final int M2P_EXTENT_FRAMES = 512;

    private MemoryReservationOps() {
    }

    static void register(Hypercalls h) {
        h.register("memory_op", MemoryReservationOps::memoryOp);
    }

    /** Contract: see the class comment. */
    static int memoryOp(Call c) {
        int cmd = c.arg(0);
        int op = cmd & MemoryOp.MEMOP_CMD_MASK;
        int start = cmd >>> MemoryOp.MEMOP_EXTENT_SHIFT;
        switch (op) {
            case MemoryOp.XENMEM_INCREASE_RESERVATION, MemoryOp.XENMEM_DECREASE_RESERVATION,
                MemoryOp.XENMEM_POPULATE_PHYSMAP -> {
                return reservation(c, op, start, c.arg(1));
            }
            case MemoryOp.XENMEM_MAXIMUM_RAM_PAGE -> {
                noResume(start);
                return c.hv().frames().frames();
            }
            case MemoryOp.XENMEM_CURRENT_RESERVATION, MemoryOp.XENMEM_MAXIMUM_RESERVATION -> {
                noResume(start);
                Domain t = target(c, c.mem().read16(c.arg(1)));
                return op == MemoryOp.XENMEM_MAXIMUM_RESERVATION ? t.maxPages() : c.hv().frames().pages(t.id());
            }
            case MemoryOp.XENMEM_MACHPHYS_MFN_LIST -> {
                noResume(start);
                return machphysMfnList(c, c.arg(1));
            }
            default -> throw new HypercallError(Errno.ENOSYS, "memory_op command "
                + MemoryOp.NAMES.nameOrNumber(op) + " is not available");
        }
    }

    private static void noResume(int start) {
        if (start != 0) {
            throw new HypercallError(Errno.EINVAL, "only reservation commands resume at an extent");
        }
    }

    /** DOMID_SELF or the caller's own id; another domain only for a privileged caller (-EPERM, -ESRCH). */
    private static Domain target(Call c, int domid) {
        if (domid == DomId.DOMID_SELF || domid == c.domain().id()) {
            return c.domain();
        }
        if (!c.domain().privileged()) {
            throw new HypercallError(Errno.EPERM, "d" + c.domain().id() + " may not change d" + domid
                + "'s reservation");
        }
        Domain t = c.hv().domain(domid);
        if (t == null) {
            throw new HypercallError(Errno.ESRCH, "no domain " + domid);
        }
        return t;
    }

    /** Contract: increase/decrease_reservation and populate_physmap; returns the extents done (from 0). */
    private static int reservation(Call c, int op, int start, int arg) {
        GuestMemory m = c.mem();
        int list = m.read32(arg + EXTENT_START);
        int nr = m.read32(arg + NR_EXTENTS);
        int order = m.read32(arg + EXTENT_ORDER);
        int domid = m.read16(arg + DOMID);
        if (Integer.compareUnsigned(start, nr) > 0) {
            throw new HypercallError(Errno.EINVAL, "resume point " + start + " is past nr_extents " + nr);
        }
        if (order != 0) {
            throw new HypercallError(Errno.EINVAL, "extent order " + order + ": only single frames here");
        }
        Domain t = target(c, domid);
        int i = start;
        boolean allocated = false;
        try {
            for (; Integer.compareUnsigned(i, nr) < 0; i++) {
                int slot = list + 4 * i;
                if (op == MemoryOp.XENMEM_DECREASE_RESERVATION) {
                    if (!remove(c, t, m.read32(slot))) {
                        break;
                    }
                } else if (!give(c, t, op, list == 0 && op == MemoryOp.XENMEM_INCREASE_RESERVATION ? 0 : slot)) {
                    break;
                } else {
                    allocated = true;
                }
            }
        } catch (HypercallError fault) {
            // a fault on the extent array stops the call: the extents before it stay done (Xen returns i)
        }
        if (allocated) {
            c.cpu().mmu().flushAll(); // a reused frame may still sit in the TLB under a translation torn down lazily
        }
        return i;
    }

    /**
     * Contract: gives domain {@code t} one fresh frame (false when it is at its maximum or the pool is empty).
     * {@code slot} (0: none) receives the mfn; for populate_physmap it holds the gpfn first. The slot is written
     * before the frame is taken, so a fault (EFAULT, thrown) loses no frame.
     */
    private static boolean give(Call c, Domain t, int op, int slot) {
        FrameTable ft = c.hv().frames();
        int gpfn = FrameTable.INVALID_M2P;
        if (op == MemoryOp.XENMEM_POPULATE_PHYSMAP) {
            gpfn = c.mem().read32(slot);
        }
        if (ft.pages(t.id()) >= t.maxPages() || ft.freeFrames() == 0) {
            return false;
        }
        if (slot != 0) {
            c.mem().write32(slot, gpfn); // probe: the array is writable
        }
        int mfn = ft.allocDomain(t.id(), gpfn);
        if (op == MemoryOp.XENMEM_POPULATE_PHYSMAP) {
            t.setP2m(gpfn, mfn);
        }
        if (slot != 0) {
            c.mem().write32(slot, mfn);
        }
        return true;
    }

    /**
     * Contract: gives frame {@code mfn} of {@code t} back (PageRefs.guestRemovePage): false, with a "refused"
     * trace event, when it is not t's. Its M2P entry and t's p2m entry for it become invalid.
     */
    private static boolean remove(Call c, Domain t, int mfn) {
        FrameTable ft = c.hv().frames();
        int pfn = ft.valid(mfn) && ft.owner(mfn) == t.id() ? ft.m2p(mfn) : -1;
        try {
            MmuOps.decide(c, "decrease_reservation", mfn, "mfn 0x" + Integer.toHexString(mfn),
                () -> c.hv().refs().guestRemovePage(mfn, t));
        } catch (HypercallError refused) {
            return false;
        }
        if (ft.owner(mfn) == t.id()) {
            ft.setM2p(mfn, FrameTable.INVALID_M2P); // freed frames were invalidated by the frame table
        }
        if (pfn >= 0 && pfn < t.nrPages() && t.mfn(pfn) == mfn) {
            t.setP2m(pfn, Domain.INVALID_P2M);
        }
        return true;
    }

    /** Contract: XENMEM_machphys_mfn_list: writes up to max_extents M2P extents and their number; returns 0. */
    private static int machphysMfnList(Call c, int arg) {
        GuestMemory m = c.mem();
        FrameTable ft = c.hv().frames();
        int max = m.read32(arg + MML.offsetOf("max_extents"));
        int list = m.read32(arg + MML.offsetOf("extent_start"));
        int extents = (ft.m2pFrames() + M2P_EXTENT_FRAMES - 1) / M2P_EXTENT_FRAMES;
        int i = 0;
        for (; i < extents && Integer.compareUnsigned(i, max) < 0; i++) {
            m.write32(list + 4 * i, ft.m2pFirstMfn() + M2P_EXTENT_FRAMES * i);
        }
        m.write32(arg + MML.offsetOf("nr_extents"), i);
        return 0;
    }
}
