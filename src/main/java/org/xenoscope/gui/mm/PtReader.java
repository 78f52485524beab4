package org.xenoscope.gui.mm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xenoscope.machine.mem.PhysicalMemory;
import org.xenoscope.xen.Domain;
import org.xenoscope.xen.GuestFlavour;
import org.xenoscope.xen.Hypervisor;
import org.xenoscope.xen.PageTables;
import org.xenoscope.xen.mm.FrameTable;
import org.xenoscope.xen.mm.PagingMode;

/**
 * Reads the current address space's page tables for the page-table view. Runs on the simulation thread (inside a
 * {@code SessionController.query}); reads machine memory and the frame table only, with no side effects.
 *
 * <pre>
 *  PAE:     CR3 -> PDPT (4 entries, 32-byte aligned) -> PD (512) -> PT (512) -> frame
 *  2-level: CR3 -> PD (1024) -> PT (1024) -> frame
 * </pre>
 */
public final class PtReader {
    private PtReader() {
    }

    /**
     * The answer to one read: the address space (or why there is none) and the tables asked for.
     *
     * @param error empty, or why nothing can be shown ("no hypervisor", "no domain is running")
     * @param tables the top table (key: empty path) and each requested table still reachable, by path
     */
    public record Space(String error, String flavour, int domain, String domainName, int cr3,
                        Map<List<Integer>, PtTable> tables) {
        public Space {
            tables = Map.copyOf(tables);
        }

        static Space none(String why) {
            return new Space(why, "", -1, "", 0, Map.of());
        }

        public PtTable top() {
            return tables.get(List.of());
        }
    }

    /**
     * Contract: reads the top table of the current CR3 and every table in {@code paths} (slot indices from the top
     * table down) that is still reachable through present, non-Xen entries; paths that lead nowhere are left out.
     * Never throws for a bare machine or a domain without page tables: the answer carries the reason instead.
     */
    public static Space read(Hypervisor hv, Collection<List<Integer>> paths) {
        if (hv == null) {
            return Space.none("no hypervisor (bare-metal machine): no PV page tables to show");
        }
        Domain d = hv.current();
        if (d == null) {
            return Space.none("no domain is running");
        }
        GuestFlavour f = d.flavour();
        int cr3 = hv.cpu().cr(3);
        Map<List<Integer>, PtTable> tables = new LinkedHashMap<>();
        PtTable top = f == GuestFlavour.PAE ? pdpt(hv, cr3) : table(hv, f, 2, cr3 >>> 12, List.of(), 0, false);
        tables.put(List.of(), top);
        for (List<Integer> p : paths) {
            walk(hv, f, tables, p);
        }
        return new Space("", f.name(), d.id(), d.name(), cr3, tables);
    }

    /** Reads the tables along {@code path} (memoised in {@code tables}); stops where the path leads nowhere. */
    private static void walk(Hypervisor hv, GuestFlavour f, Map<List<Integer>, PtTable> tables, List<Integer> path) {
        PtTable t = tables.get(List.of());
        for (int depth = 1; depth <= path.size(); depth++) {
            List<Integer> prefix = List.copyOf(path.subList(0, depth));
            PtTable known = tables.get(prefix);
            if (known == null) {
                int slot = path.get(depth - 1);
                if (slot < 0 || slot >= t.entries().size() || !t.entries().get(slot).table()) {
                    return;
                }
                PtEntry e = t.entries().get(slot);
                boolean xenL2 = f == GuestFlavour.PAE && t.level() == 3 && slot == 3;
                known = table(hv, f, t.level() - 1, e.mfn(), prefix, e.va(), xenL2);
                tables.put(prefix, known);
            }
            t = known;
        }
    }

    /** The 4 PDPT entries at CR3 (PAE: CR3 bits 31..5 are the PDPT's machine address). */
    private static PtTable pdpt(Hypervisor hv, int cr3) {
        long base = cr3 & 0xFFFFFFE0L;
        PhysicalMemory mem = hv.machine().memory();
        List<PtEntry> es = new ArrayList<>(4);
        for (int i = 0; i < 4; i++) {
            long raw = mem.readQword(base + 8L * i);
            es.add(entry(hv.frames(), 3, i, raw, base + 8L * i, i << 30, false));
        }
        return new PtTable(List.of(), 3, cr3 >>> 12, es);
    }

    /**
     * Contract: every entry of the level-{@code level} table in frame {@code mfn}, which maps linear addresses from
     * {@code vaBase}; {@code holdsXenSlots} marks the PAE L2 under PDPT slot 3 (2-level: every page directory).
     */
    private static PtTable table(Hypervisor hv, GuestFlavour f, int level, int mfn, List<Integer> path, int vaBase,
                                 boolean holdsXenSlots) {
        FrameTable ft = hv.frames();
        PagingMode pm = f.pagingMode();
        int n = pm.entries();
        List<PtEntry> es = new ArrayList<>(n);
        if (!ft.valid(mfn)) {
            return new PtTable(path, level, mfn, es);
        }
        PhysicalMemory mem = hv.machine().memory();
        int shift = level == 2 ? (f == GuestFlavour.PAE ? 21 : 22) : 12;
        boolean xenTable = level == 2 && (holdsXenSlots || f != GuestFlavour.PAE);
        for (int i = 0; i < n; i++) {
            long raw = PageTables.read(mem, f, mfn, i);
            boolean xen = xenTable && i >= pm.firstXenL2Slot();
            es.add(entry(ft, level, i, raw, ((long) mfn << 12) + (long) i * pm.pteSize(), vaBase + (i << shift), xen));
        }
        return new PtTable(path, level, mfn, es);
    }

    private static PtEntry entry(FrameTable ft, int level, int index, long raw, long ma, int va, boolean xen) {
        int mfn = PageTables.frame(raw);
        if ((raw & PageTables.P) == 0 || !ft.valid(mfn)) {
            return new PtEntry(level, index, raw, ma, va, xen, mfn, -1, "", "");
        }
        int m2p = ft.m2p(mfn);
        return new PtEntry(level, index, raw, ma, va, xen, mfn, m2p == FrameTable.INVALID_M2P ? -1 : m2p,
            owner(ft, mfn), ft.type(mfn).name());
    }

    /** Who owns {@code mfn}, as a short label. */
    public static String owner(FrameTable ft, int mfn) {
        int o = ft.owner(mfn);
        if (o == FrameTable.OWNER_FREE) {
            return "free";
        }
        if (o == FrameTable.OWNER_XEN) {
            return ft.shared(mfn) ? "Xen (shared)" : "Xen";
        }
        return "d" + o;
    }
}
