package org.xenoscope.xen.mm;

import java.util.function.IntConsumer;
import org.xenoscope.machine.mem.PhysicalMemory;

/**
 * General and type references on machine frames, with validation on first use as a page table or descriptor
 * table and teardown when the last type reference goes (Xen's get_page / put_page / get_page_type /
 * put_page_type; xen-abi.md §4.2-4.5).
 *
 * <pre>
 *  get "X as L1"  = +1 general, +1 type (L1)     validate the frame if its type count was 0
 *  each present L1 entry:  +1 general on the frame it maps, and +1 type (writable) if RW is set
 *  each present L2 entry:  +1 general +1 type (L1) on its L1   (or the linear-page-table rule, §4.4)
 *  each present L3 entry:  +1 general +1 type (L2) on its L2   (PAE; slot 3's L2 gets Xen's slots)
 *  re-typing:  only at type count 0; leaving "writable" for a protected type revokes stale writable TLB entries
 * </pre>
 *
 * Every method leaves the counts as they were when it throws {@link MmRefused}.
 */
public final class PageRefs {
    private final PhysicalMemory mem;
    private final FrameTable ft;
    private final DescriptorRule descriptorRule;
    private final IntConsumer revokeWrites;
    private final Validation validation;

    /**
     * Rules over {@code ft}'s frames in {@code mem}; GDT/LDT frames are checked with {@code rule};
     * {@code revokeWrites} drops cached writable translations of a frame (the TLB's).
     */
    public PageRefs(PhysicalMemory mem, FrameTable ft, DescriptorRule rule, IntConsumer revokeWrites) {
        this.mem = mem;
        this.ft = ft;
        this.descriptorRule = rule;
        this.revokeWrites = revokeWrites;
        this.validation = new Validation(this, mem, ft);
    }

    Validation validationAccess() {
        return validation;
    }

    FrameTable frames() {
        return ft;
    }

    DescriptorRule descriptorRule() {
        return descriptorRule;
    }

    PhysicalMemory memory() {
        return mem;
    }

    /**
     * Contract: +1 general reference on {@code mfn} for domain {@code d}; refused unless d may use the frame.
     * {@code what} (here and below) names the request in a refusal; it is turned into text only then.
     */
    public void getPage(int mfn, MmDomain d, Object what) {
        if (!ft.usableBy(mfn, d.id())) {
            throw new MmRefused(what + ": " + Describe.frame(ft, mfn) + " is not d" + d.id() + "'s");
        }
        ft.count[mfn]++;
    }

    /**
     * Contract: -1 general reference. A frame's allocation keeps one until the balloon drops it
     * ({@link #guestRemovePage}); a frame whose last reference goes is freed (back to the pool).
     */
    public void putPage(int mfn) {
        if (ft.count[mfn] <= 0) {
            throw new IllegalStateException("general count of mfn 0x" + Integer.toHexString(mfn) + " underflows");
        }
        if (--ft.count[mfn] == 0) {
            ft.release(mfn);
        }
    }

    /**
     * Contract: Xen's guest_remove_page, one frame of {@code decrease_reservation}: {@code mfn} must be owned by
     * {@code d} (else refused, nothing changes). Takes a temporary reference, unpins the frame if pinned (which may
     * tear it down), drops the allocation's reference if it still holds one, then the temporary one: the frame is
     * freed now if nothing else references it, else when the last reference goes. Returns true if it was freed.
     */
    public boolean guestRemovePage(int mfn, MmDomain d) {
        if (!ft.valid(mfn) || ft.owner(mfn) != d.id()) {
            throw new MmRefused("decrease_reservation: " + Describe.frame(ft, mfn) + " is not d" + d.id() + "'s");
        }
        ft.count[mfn]++;
        if (ft.pinned(mfn)) {
            ft.setPinned(mfn, false);
            putPageAndType(mfn);
        }
        if (ft.allocated(mfn)) {
            ft.clearAllocated(mfn);
            putPage(mfn);
        }
        putPage(mfn);
        return ft.owner(mfn) == FrameTable.OWNER_FREE;
    }

    /**
     * Contract: +1 type reference on {@code mfn} as {@code t}. At type count 0 the frame takes the new type and,
     * for page tables and descriptor tables, is validated (acquiring what its entries need); at a count above 0 it
     * must already have type {@code t}.
     */
    public void getPageType(int mfn, FrameType t, MmDomain d, Object what) {
        if (ft.typeCount[mfn] > 0) {
            if (ft.type(mfn) != t) {
                throw new MmRefused(what + ": " + Describe.frame(ft, mfn) + " cannot also be " + Describe.type(t));
            }
            ft.typeCount[mfn]++;
            return;
        }
        FrameType old = ft.type(mfn);
        if (old == FrameType.WRITABLE && t.isProtected()) {
            revokeWrites.accept(mfn); // no stale writable TLB entry may outlive the frame's writable role
        }
        ft.setType(mfn, t);
        ft.validated[mfn] = false;
        ft.typeCount[mfn] = 1;
        if (t.isProtected()) {
            try {
                validation.validate(mfn, t, d);
            } catch (MmRefused e) {
                ft.typeCount[mfn] = 0;
                ft.setType(mfn, old);
                throw new MmRefused(what + ": " + e.getMessage());
            }
            ft.validated[mfn] = true;
        }
    }

    /** Contract: -1 type reference; the last one of a validated page table releases what its entries held. */
    public void putPageType(int mfn) {
        if (ft.typeCount[mfn] <= 0) {
            throw new IllegalStateException("type count of mfn 0x" + Integer.toHexString(mfn) + " underflows");
        }
        if (--ft.typeCount[mfn] == 0 && ft.validated[mfn]) {
            ft.validated[mfn] = false;
            if (ft.type(mfn).isPageTable()) {
                validation.teardown(mfn);
            }
        }
    }

    /** Contract: {@link #getPage} then {@link #getPageType}; nothing held if either is refused. */
    public void getPageAndType(int mfn, FrameType t, MmDomain d, Object what) {
        getPage(mfn, d, what);
        try {
            getPageType(mfn, t, d, what);
        } catch (MmRefused e) {
            putPage(mfn);
            throw e;
        }
    }

    /** Contract: releases what {@link #getPageAndType} took. */
    public void putPageAndType(int mfn) {
        putPageType(mfn);
        putPage(mfn);
    }

    /** Reads entry {@code i} of table {@code mfn} (4 or 8 bytes per the mode). */
    long entry(PagingMode m, int mfn, int i) {
        long a = ((long) mfn << 12) + (long) i * m.pteSize();
        return m.pae() ? mem.readQword(a) : mem.readDword(a) & 0xFFFFFFFFL;
    }

    /** Writes entry {@code i} of table {@code mfn}. */
    void setEntry(PagingMode m, int mfn, int i, long e) {
        long a = ((long) mfn << 12) + (long) i * m.pteSize();
        if (m.pae()) {
            mem.writeQword(a, e);
        } else {
            mem.writeDword(a, (int) e);
        }
    }
}
