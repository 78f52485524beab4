package org.xenoscope.gui.mm;

import org.xenoscope.xen.Domain;
import org.xenoscope.xen.Hypervisor;
import org.xenoscope.xen.mm.FrameTable;
import org.xenoscope.xen.mm.FrameType;

/**
 * A copy of the frame table for the frame grid, made on the simulation thread: per machine frame its kind
 * (colour), owner, type, counts, marks and M2P entry. Immutable once made (the arrays are never handed out).
 */
public final class FrameMap {
    private static final byte PINNED = 1;
    private static final byte VALIDATED = 2;
    private static final FrameType[] TYPES = FrameType.values();

    private final String error;
    private final int domain;
    private final FrameKind[] kind;
    private final int[] owner;
    private final byte[] type;
    private final int[] count;
    private final int[] typeCount;
    private final int[] m2p;
    private final byte[] marks;

    private FrameMap(String error, int domain, int n) {
        this.error = error;
        this.domain = domain;
        kind = new FrameKind[n];
        owner = new int[n];
        type = new byte[n];
        count = new int[n];
        typeCount = new int[n];
        m2p = new int[n];
        marks = new byte[n];
    }

    /** An empty map explaining why there are no frames to show. */
    public static FrameMap none(String why) {
        return new FrameMap(why, -1, 0);
    }

    /**
     * Contract: copies {@code hv}'s frame table (simulation thread); a bare machine (null) gives an empty map with
     * the reason. Frames of the current domain are kinded by type, the others by owner.
     */
    public static FrameMap of(Hypervisor hv) {
        if (hv == null) {
            return none("no hypervisor (bare-metal machine): no frame table to show");
        }
        Domain cur = hv.current();
        FrameTable ft = hv.frames();
        FrameMap m = new FrameMap("", cur == null ? -1 : cur.id(), ft.frames());
        for (int f = 0; f < ft.frames(); f++) {
            int o = ft.owner(f);
            FrameType t = ft.type(f);
            m.owner[f] = o;
            m.type[f] = (byte) t.ordinal();
            m.count[f] = ft.count(f);
            m.typeCount[f] = ft.typeCount(f);
            m.m2p[f] = ft.m2p(f);
            m.marks[f] = (byte) ((ft.pinned(f) ? PINNED : 0) | (ft.validated(f) ? VALIDATED : 0));
            m.kind[f] = o == FrameTable.OWNER_FREE ? FrameKind.FREE
                : o == FrameTable.OWNER_XEN ? (ft.shared(f) ? FrameKind.XEN_SHARED : FrameKind.XEN)
                : o == m.domain ? FrameKind.ofType(t.name()) : FrameKind.OTHER_DOMAIN;
        }
        return m;
    }

    /** Empty, or why there is nothing to show. */
    public String error() {
        return error;
    }

    /** The current domain's id, or -1. */
    public int domain() {
        return domain;
    }

    public int frames() {
        return kind.length;
    }

    public FrameKind kind(int mfn) {
        return kind[mfn];
    }

    public boolean pinned(int mfn) {
        return (marks[mfn] & PINNED) != 0;
    }

    public boolean validated(int mfn) {
        return (marks[mfn] & VALIDATED) != 0;
    }

    /** Number of frames of each kind (indexed by ordinal). */
    public int[] census() {
        int[] c = new int[FrameKind.values().length];
        for (FrameKind k : kind) {
            c[k.ordinal()]++;
        }
        return c;
    }

    /** One line for the tooltip: owner, type, counts, marks, M2P. */
    public String summary(int mfn) {
        int o = owner[mfn];
        String who = o == FrameTable.OWNER_FREE ? "free" : o == FrameTable.OWNER_XEN ? "Xen" : "d" + o;
        return String.format("mfn 0x%x: %s, %s, count %d, type count %d%s%s, M2P %s", mfn, who, TYPES[type[mfn]],
            count[mfn], typeCount[mfn], pinned(mfn) ? ", pinned" : "", validated(mfn) ? ", validated" : "",
            m2p[mfn] == FrameTable.INVALID_M2P ? "none" : String.format("0x%x", m2p[mfn]));
    }
}
