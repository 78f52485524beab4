package org.xenoscope.xen.mm;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xenoscope.machine.mem.PhysicalMemory;

/**
 * Xen's per-machine-frame bookkeeping (the frame table) and the machine-to-physical table (M2P).
 *
 * <p>Invariants: every frame is free, owned by Xen ({@link #OWNER_XEN}) or owned by exactly one domain; the M2P
 * entry of a domain frame holds its pseudo-physical frame number (written by the hypervisor when it gives the
 * frame to a domain), others hold {@link #INVALID_M2P}. The M2P lives in Xen-owned machine frames so that guests
 * can read it through the read-only mapping at MACH2PHYS_VIRT_START.
 *
 * <p>Domain frames are handed out <em>discontiguously on purpose</em> (the paper: "a domain's machine pages may be
 * discontiguous"): the free pool is walked with a fixed stride, so pfn n and n+1 of a domain land far apart and
 * a guest that confuses pseudo-physical and machine addresses fails visibly. The order is fixed, so runs are
 * reproducible.
 *
 * <p>Allocation and freeing (Xen's PGC_allocated): a frame given to a domain is <em>allocated</em>, and its
 * allocation holds one general reference. The balloon ({@code decrease_reservation}) drops the allocation; the
 * frame goes back to the pool only when its general count reaches 0 ({@link #release}), so a frame still mapped
 * or used as a table stays its owner's until the last reference goes. Freed frames are handed out again before
 * the rest of the pool.
 */
public final class FrameTable {
    /** Owner id of frames that belong to the hypervisor. */
    public static final int OWNER_XEN = 0x7FF2; // DOMID_XEN
    /** Owner id of free frames. */
    public static final int OWNER_FREE = -1;
    /** M2P value of frames no domain owns (Xen: INVALID_M2P_ENTRY). */
    public static final int INVALID_M2P = 0xFFFFFFFF;
    /** Stride of the walk over the free pool (prime, so it visits every frame of any pool not a multiple of it). */
    static final int STRIDE = 1021;

    private final PhysicalMemory mem;
    private final int[] owner;
    private final FrameType[] type;
    private final boolean[] pinned;
    /** General reference count (Xen: count_info); an allocated frame holds one for its allocation. */
    final int[] count;
    /** References in the current role (Xen: the type count in type_info). */
    final int[] typeCount;
    /** The frame's contents were checked for its current page-table, GDT or LDT role. */
    final boolean[] validated;
    /** Domain a Xen-owned frame is shared with (shared_info, grant frames), or -1. */
    final int[] sharedWith;
    /** PAE: this L2 is (or is being validated as) the one in L3 slot 3, which holds Xen's slots. */
    final boolean[] xenL2;
    /** The owner's allocation holds one general reference (Xen: PGC_allocated). */
    private final boolean[] allocated;
    /** Frames each domain owns (Xen: tot_pages), allocated or still referenced after their allocation went. */
    private final Map<Integer, Integer> owned = new HashMap<>();
    /** Frames given back (freed), handed out again first. */
    private final ArrayDeque<Integer> returned = new ArrayDeque<>();
    /** The paging geometry a page table was validated with (for its teardown). */
    private final PagingMode[] modeOf;
    private final int xenFrames;
    private int nextXen = 1; // frame 0 stays unused: a machine address of 0 is never valid
    private final List<Integer> pool = new ArrayList<>();
    private int poolCursor;
    private final long m2pBase;

    /**
     * Contract: manages all frames of {@code mem}; the first {@code xenFrames} are Xen's heap, the rest the
     * domain pool. Allocates the M2P (one 32-bit entry per machine frame) from Xen's heap.
     */
    public FrameTable(PhysicalMemory mem, int xenFrames) {
        this.mem = mem;
        int n = mem.frames();
        if (xenFrames >= n) {
            throw new IllegalArgumentException("no memory left for domains");
        }
        this.xenFrames = xenFrames;
        owner = new int[n];
        type = new FrameType[n];
        pinned = new boolean[n];
        count = new int[n];
        typeCount = new int[n];
        validated = new boolean[n];
        sharedWith = new int[n];
        xenL2 = new boolean[n];
        modeOf = new PagingMode[n];
        allocated = new boolean[n];
        java.util.Arrays.fill(sharedWith, -1);
        for (int f = 0; f < n; f++) {
            owner[f] = OWNER_FREE;
            type[f] = FrameType.NONE;
        }
        int poolSize = n - xenFrames;
        int stride = poolSize % STRIDE == 0 ? 1 : STRIDE;
        for (int i = 0; i < poolSize; i++) {
            pool.add(xenFrames + (int) ((long) i * stride % poolSize));
        }
        int m2pFrames = m2pFrames();
        m2pBase = (long) allocXen() << 12;
        for (int i = 1; i < m2pFrames; i++) {
            allocXen(); // the M2P frames are consecutive in Xen's heap
        }
        for (int f = 0; f < n; f++) {
            mem.writeDword(m2pBase + 4L * f, INVALID_M2P);
        }
    }

    /** Number of machine frames. */
    public int frames() {
        return owner.length;
    }

    /** Frames the M2P occupies. */
    public int m2pFrames() {
        return (owner.length * 4 + 4095) / 4096;
    }

    /** Machine frame number of the first M2P frame (the table is contiguous). */
    public int m2pFirstMfn() {
        return (int) (m2pBase >>> 12);
    }

    /** Takes a zeroed frame from Xen's heap. */
    public int allocXen() {
        if (nextXen >= xenFrames) {
            throw new IllegalStateException("hypervisor heap exhausted");
        }
        int f = nextXen++;
        owner[f] = OWNER_XEN;
        allocated[f] = true;
        count[f] = 1;
        mem.zero((long) f << 12, 4096);
        return f;
    }

    /** Frames left in the domain pool. */
    public int freeFrames() {
        return pool.size() - poolCursor + returned.size();
    }

    /**
     * Contract: gives the next pool frame to domain {@code domid} as its pseudo-physical frame {@code pfn}: zeroes
     * it, records the owner and sets M2P[mfn] = pfn. Returns the mfn; throws IllegalStateException when the pool
     * is empty (callers check {@link #freeFrames()} first).
     */
    public int allocDomain(int domid, int pfn) {
        if (freeFrames() == 0) {
            throw new IllegalStateException("out of machine memory");
        }
        int f = returned.isEmpty() ? pool.get(poolCursor++) : returned.poll();
        owner[f] = domid;
        type[f] = FrameType.NONE;
        allocated[f] = true;
        count[f] = 1;
        owned.merge(domid, 1, Integer::sum);
        mem.zero((long) f << 12, 4096);
        setM2p(f, pfn);
        return f;
    }

    /** Frames domain {@code domid} owns (Xen: tot_pages), including ones whose allocation was dropped. */
    public int pages(int domid) {
        return owned.getOrDefault(domid, 0);
    }

    /** True if the owner's allocation still holds a reference on {@code mfn} (Xen: PGC_allocated). */
    public boolean allocated(int mfn) {
        return valid(mfn) && allocated[mfn];
    }

    /** Contract: clears the allocation flag; the caller drops the reference it held (PageRefs). */
    void clearAllocated(int mfn) {
        allocated[mfn] = false;
    }

    /**
     * Contract: frees domain frame {@code mfn}, whose general count just reached 0 (so no type reference, pin or
     * allocation is left): the owner becomes {@link #OWNER_FREE}, the role and marks are cleared, M2P[mfn] becomes
     * invalid, and the frame joins the frames handed out next. Its contents are zeroed when it is handed out.
     */
    void release(int mfn) {
        if (count[mfn] != 0 || typeCount[mfn] != 0 || allocated[mfn] || owner[mfn] < 0 || owner[mfn] == OWNER_XEN) {
            throw new IllegalStateException("mfn 0x" + Integer.toHexString(mfn) + " cannot be freed: "
                + Describe.frame(this, mfn));
        }
        owned.merge(owner[mfn], -1, Integer::sum);
        owner[mfn] = OWNER_FREE;
        type[mfn] = FrameType.NONE;
        validated[mfn] = false;
        pinned[mfn] = false;
        xenL2[mfn] = false;
        modeOf[mfn] = null;
        setM2p(mfn, INVALID_M2P);
        returned.add(mfn);
    }

    public int owner(int mfn) {
        return valid(mfn) ? owner[mfn] : OWNER_FREE;
    }

    public boolean valid(int mfn) {
        return mfn >= 0 && mfn < owner.length;
    }

    public FrameType type(int mfn) {
        return type[mfn];
    }

    public void setType(int mfn, FrameType t) {
        type[mfn] = t;
    }

    /** General references held on {@code mfn} (1 = only its allocation). */
    public int count(int mfn) {
        return count[mfn];
    }

    /** References held on {@code mfn} in its current role. */
    public int typeCount(int mfn) {
        return typeCount[mfn];
    }

    /** True if {@code mfn}'s contents were validated for its current role. */
    public boolean validated(int mfn) {
        return validated[mfn];
    }

    PagingMode modeOf(int mfn) {
        return modeOf[mfn];
    }

    void setModeOf(int mfn, PagingMode m) {
        modeOf[mfn] = m;
    }

    /**
     * Shares Xen-owned frame {@code mfn} with domain {@code domid} (it may map it, like its own). As Xen's
     * share_xen_page_with_guest, the frame is typed writable for good (one type reference that is never
     * dropped), so it can never become a page table or descriptor table.
     */
    public void share(int mfn, int domid) {
        sharedWith[mfn] = domid;
        type[mfn] = FrameType.WRITABLE;
        typeCount[mfn] = 1;
        count[mfn]++;
    }

    /** True if Xen shares {@code mfn} with a domain. */
    public boolean shared(int mfn) {
        return valid(mfn) && sharedWith[mfn] >= 0;
    }

    /** True if domain {@code domid} may reference {@code mfn}: it owns it, or Xen shares it with it. */
    public boolean usableBy(int mfn, int domid) {
        return valid(mfn) && (owner[mfn] == domid || (owner[mfn] == OWNER_XEN && sharedWith[mfn] == domid));
    }

    public boolean pinned(int mfn) {
        return pinned[mfn];
    }

    public void setPinned(int mfn, boolean p) {
        pinned[mfn] = p;
    }

    /** M2P[mfn]. */
    public int m2p(int mfn) {
        return mem.readDword(m2pBase + 4L * mfn);
    }

    public void setM2p(int mfn, int pfn) {
        mem.writeDword(m2pBase + 4L * mfn, pfn);
    }
}
