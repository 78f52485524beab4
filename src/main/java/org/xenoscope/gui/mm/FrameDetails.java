package org.xenoscope.gui.mm;

import java.util.ArrayList;
import java.util.List;
import org.xenoscope.machine.mem.PhysicalMemory;
import org.xenoscope.xen.Domain;
import org.xenoscope.xen.GuestFlavour;
import org.xenoscope.xen.Hypervisor;
import org.xenoscope.xen.PageTables;
import org.xenoscope.xen.mm.FrameTable;
import org.xenoscope.xen.mm.FrameType;

/**
 * Everything about one machine frame for the frame view's details pane, read on the simulation thread: its counts
 * and roles, and every page-table entry that maps it.
 *
 * @param mfn the frame
 * @param fields the frame-table fields (owner, type, counts, marks, M2P)
 * @param mappedBy one line per present entry of a validated page table that points at the frame, e.g.
 *                 {@code L1 mfn 0x8dc, entry 258, RW}
 */
public record FrameDetails(int mfn, List<FieldTable.Row> fields, List<String> mappedBy) {
    public FrameDetails {
        fields = List.copyOf(fields);
        mappedBy = List.copyOf(mappedBy);
    }

    /**
     * Contract: reads frame {@code mfn} of {@code hv} (null or an invalid frame: an empty answer). Finds the
     * entries that map it by scanning every validated page table in use (type L1/L2/L3, type count &gt; 0) of
     * every domain, in that domain's paging geometry (PAE L3: its 4 entries).
     */
    public static FrameDetails read(Hypervisor hv, int mfn) {
        if (hv == null || !hv.frames().valid(mfn)) {
            return new FrameDetails(mfn, List.of(), List.of());
        }
        FrameTable ft = hv.frames();
        List<FieldTable.Row> r = new ArrayList<>();
        r.add(new FieldTable.Row("Machine frame", String.format("0x%x", mfn)));
        r.add(new FieldTable.Row("Owner", PtReader.owner(ft, mfn)));
        r.add(new FieldTable.Row("Type", ft.type(mfn).name()));
        r.add(new FieldTable.Row("General count", Integer.toString(ft.count(mfn))));
        r.add(new FieldTable.Row("Type count", Integer.toString(ft.typeCount(mfn))));
        r.add(new FieldTable.Row("Pinned", ft.pinned(mfn) ? "yes" : "no"));
        r.add(new FieldTable.Row("Validated", ft.validated(mfn) ? "yes" : "no"));
        int m2p = ft.m2p(mfn);
        r.add(new FieldTable.Row("M2P (pseudo-physical frame)", m2p == FrameTable.INVALID_M2P ? "none"
            : String.format("0x%x", m2p)));
        List<String> maps = mappedBy(hv, mfn);
        r.add(new FieldTable.Row("Mapped by", maps.size() + (maps.size() == 1 ? " entry" : " entries")));
        return new FrameDetails(mfn, r, maps);
    }

    private static List<String> mappedBy(Hypervisor hv, int target) {
        FrameTable ft = hv.frames();
        PhysicalMemory mem = hv.machine().memory();
        List<String> out = new ArrayList<>();
        for (int t = 0; t < ft.frames(); t++) {
            FrameType type = ft.type(t);
            if (!type.isPageTable() || ft.typeCount(t) == 0 || !ft.validated(t)) {
                continue;
            }
            GuestFlavour f = flavourOf(hv, ft.owner(t));
            int n = type == FrameType.L3 ? 4 : f.pagingMode().entries();
            for (int i = 0; i < n; i++) {
                long e = PageTables.read(mem, f, t, i);
                if ((e & PageTables.P) != 0 && PageTables.frame(e) == target) {
                    String access = type == FrameType.L3 ? "PDPT" : (e & PageTables.RW) != 0 ? "RW" : "RO";
                    out.add(String.format("%s mfn 0x%x, entry %d, %s", type, t, i, access));
                }
            }
        }
        return out;
    }

    /** The paging geometry of domain {@code id}'s tables (Xen's own: the current domain's). */
    private static GuestFlavour flavourOf(Hypervisor hv, int id) {
        for (Domain d : hv.domains()) {
            if (d.id() == id) {
                return d.flavour();
            }
        }
        return hv.current() != null ? hv.current().flavour() : GuestFlavour.PAE;
    }
}
