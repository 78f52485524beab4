package org.xenoscope.xen.mm;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Recomputes every frame's general and type counts from what actually references it — allocations, the entries
 * of every validated page table, pins, each domain's base pointer and GDT frames — and compares them with the
 * frame table. Run in tests after every hypercall, and on demand in the debugger. An empty result means the
 * frame table tells the truth.
 */
public final class InvariantChecker {
    /** What references a domain holds outside its page tables: its current top-level table and GDT frames. */
    public record Roots(MmDomain domain, int baseMfn, int[] gdtFrames, int[] ldtFrames) {
        public Roots {
            gdtFrames = gdtFrames.clone();
            ldtFrames = ldtFrames.clone();
        }
    }

    private InvariantChecker() {
    }

    /** Contract: the violations found (empty when every count and type agrees). */
    public static List<String> check(PageRefs refs, List<Roots> roots) {
        FrameTable ft = refs.frames();
        int n = ft.frames();
        int[] g = new int[n];
        int[] t = new int[n];
        FrameType[] want = new FrameType[n];
        List<String> bad = new ArrayList<>();
        for (int f = 0; f < n; f++) {
            if (ft.allocated(f)) {
                g[f]++;
            }
            if (ft.owner(f) == FrameTable.OWNER_FREE ? ft.count(f) != 0 || ft.allocated(f) : ft.count(f) == 0) {
                bad.add(String.format("mfn 0x%x: %s with general count %d (a frame is free exactly when no "
                    + "reference is left)", f, ft.owner(f) == FrameTable.OWNER_FREE ? "free" : "owned",
                    ft.count(f)));
            }
            if (ft.pinned(f)) {
                hold(g, t, want, f, ft.type(f), bad, () -> "pin");
            }
            if (ft.shared(f)) {
                int sharer = ft.sharedWith[f];
                hold(g, t, want, f, FrameType.WRITABLE, bad, () -> "shared with d" + sharer);
            }
        }
        for (Roots r : roots) {
            if (r.baseMfn() >= 0) {
                hold(g, t, want, r.baseMfn(), r.domain().pagingMode().topType(), bad, () -> "base pointer of d"
                    + r.domain().id());
            }
            for (int gdt : r.gdtFrames()) {
                hold(g, t, want, gdt, FrameType.GDT, bad, () -> "GDT of d" + r.domain().id());
            }
            for (int ldt : r.ldtFrames()) {
                hold(g, t, want, ldt, FrameType.LDT, bad, () -> "LDT of d" + r.domain().id());
            }
        }
        for (int f = 0; f < n; f++) {
            if (ft.validated(f) && ft.type(f).isPageTable()) {
                entries(refs, f, g, t, want, bad);
            }
            if (ft.validated(f) && ft.typeCount(f) == 0) {
                bad.add(String.format("mfn 0x%x is validated with type count 0", f));
            }
        }
        for (int f = 0; f < n; f++) {
            if (g[f] != ft.count(f) || t[f] != ft.typeCount(f)) {
                bad.add(String.format("mfn 0x%x: counts general %d type %d, but %d and %d are held (%s)", f,
                    ft.count(f), ft.typeCount(f), g[f], t[f], Describe.frame(ft, f)));
            } else if (t[f] > 0 && want[f] != ft.type(f)) {
                bad.add(String.format("mfn 0x%x has type %s but is held as %s", f, ft.type(f), want[f]));
            }
        }
        return bad;
    }

    /** Counts one general and one type reference on {@code f} as {@code type}; {@code why} names the holder. */
    private static void hold(int[] g, int[] t, FrameType[] want, int f, FrameType type, List<String> bad,
                             Supplier<String> why) {
        if (f < 0 || f >= g.length) {
            bad.add(why.get() + ": no frame 0x" + Integer.toHexString(f));
            return;
        }
        g[f]++;
        t[f]++;
        if (want[f] != null && want[f] != type) {
            bad.add(String.format("mfn 0x%x held both as %s and as %s (%s)", f, want[f], type, why.get()));
        }
        want[f] = type;
    }

    private static void entries(PageRefs refs, int f, int[] g, int[] t, FrameType[] want, List<String> bad) {
        FrameTable ft = refs.frames();
        PagingMode m = ft.modeOf(f);
        FrameType type = ft.type(f);
        int count = switch (type) {
            case L1 -> m.entries();
            case L2 -> m.pae() && !ft.xenL2[f] ? m.entries() : m.firstXenL2Slot();
            default -> 4;
        };
        for (int i = 0; i < count; i++) {
            long e = refs.entry(m, f, i);
            if ((e & EntryRules.P) == 0) {
                continue;
            }
            int target = EntryRules.frame(e);
            int index = i;
            Supplier<String> why = () -> String.format("%s entry %d of mfn 0x%x", type, index, f); // on failure
            if (type == FrameType.L1) {
                if (target >= g.length) {
                    bad.add(why.get() + " maps a frame that does not exist");
                    continue;
                }
                g[target]++;
                if ((e & EntryRules.RW) != 0) {
                    t[target]++;
                    if (want[target] != null && want[target] != FrameType.WRITABLE) {
                        bad.add(String.format("mfn 0x%x is mapped writable by %s but held as %s", target,
                            why.get(), want[target]));
                    }
                    want[target] = FrameType.WRITABLE;
                }
            } else if (!(type == FrameType.L2 && target == f)) {
                FrameType as = type == FrameType.L3 ? FrameType.L2 : ft.type(target) == FrameType.L2
                    ? FrameType.L2 : FrameType.L1;
                hold(g, t, want, target, as, bad, why);
            }
        }
    }
}
