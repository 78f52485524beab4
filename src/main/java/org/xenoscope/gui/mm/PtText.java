package org.xenoscope.gui.mm;

import java.util.ArrayList;
import java.util.List;
import org.xenoscope.xen.PageTables;
import org.xenoscope.xen.trace.TraceEvent;

/** How the page-table view words an entry: its tree row, its tooltip and its details rows. */
public final class PtText {
    private PtText() {
    }

    /**
     * Contract: the one-line row of {@code e}, e.g.
     * {@code 0x0ff  va 0x000ff000  P RW US A D  mfn 0x01234  pfn 0x000ff  d1  WRITABLE  [accepted]}.
     */
    public static String row(PtEntry e, TraceEvent.Validation v) {
        StringBuilder b = new StringBuilder();
        b.append(e.level() == 3 ? "slot " + e.index() : String.format("0x%03x", e.index()));
        b.append(String.format("  va 0x%08x  ", e.va()));
        if (e.xen()) {
            b.append("Xen slot  ");
        }
        if (!e.present()) {
            b.append("not present");
            if (e.raw() != 0) {
                b.append(String.format(" (0x%x)", e.raw()));
            }
        } else {
            b.append(e.flags()).append(String.format("  mfn 0x%05x  ", e.mfn()));
            b.append(e.pfn() < 0 ? "pfn -" : String.format("pfn 0x%05x", e.pfn()));
            b.append("  ").append(e.owner()).append("  ").append(e.type());
        }
        if (v != null) {
            b.append(v.accepted() ? "  [accepted]" : "  [refused]");
        }
        return b.toString();
    }

    /** The tooltip: the decision and its rule when the last batch touched the entry, else the raw entry. */
    public static String tooltip(PtEntry e, TraceEvent.Validation v) {
        String raw = String.format("entry 0x%x at machine address 0x%x", e.raw(), e.entryMa());
        if (v == null) {
            return raw;
        }
        return "<html>" + esc(v.op() + " " + v.request()) + "<br><b>" + (v.accepted() ? "accepted" : "refused")
            + "</b>: " + esc(v.rule()) + "<br>" + esc(raw) + "</html>";
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Every decoded field of {@code e}, then the last batch's decision on it. */
    public static List<FieldTable.Row> details(PtEntry e, TraceEvent.Validation v, int pageSpan) {
        List<FieldTable.Row> r = new ArrayList<>();
        r.add(new FieldTable.Row("Entry", e.levelName() + " " + e.index() + (e.xen() ? " (Xen's slot)" : "")));
        r.add(new FieldTable.Row("Linear addresses", String.format("0x%08x - 0x%08x", e.va(),
            e.va() + pageSpan - 1)));
        r.add(new FieldTable.Row("Raw value", String.format("0x%x", e.raw())));
        r.add(new FieldTable.Row("Entry's machine address", String.format("0x%x", e.entryMa())));
        r.add(new FieldTable.Row("Present (P)", yes(e.present())));
        if (e.level() < 3) {
            r.add(new FieldTable.Row("Writable (RW)", yes(e.flag(PageTables.RW))));
            r.add(new FieldTable.Row("User (US)", yes(e.flag(PageTables.US))));
            r.add(new FieldTable.Row("Accessed (A)", yes(e.flag(PageTables.A))));
            r.add(new FieldTable.Row("Dirty (D)", yes(e.flag(PageTables.D))));
        }
        if (e.present()) {
            r.add(new FieldTable.Row("Machine frame (mfn)", String.format("0x%x", e.mfn())));
            r.add(new FieldTable.Row("Pseudo-physical frame (M2P)", e.pfn() < 0 ? "none"
                : String.format("0x%x", e.pfn())));
            r.add(new FieldTable.Row("Owner", e.owner()));
            r.add(new FieldTable.Row("Type of the frame", e.type()));
        }
        if (v != null) {
            r.add(new FieldTable.Row("Last batch", v.accepted() ? "accepted" : "refused"));
            r.add(new FieldTable.Row("Request", v.op() + " " + v.request()));
            r.add(new FieldTable.Row("Rule", v.rule()));
            r.add(new FieldTable.Row("Table frame before", v.before()));
            r.add(new FieldTable.Row("Table frame after", v.after()));
        }
        return r;
    }

    private static String yes(boolean b) {
        return b ? "yes" : "no";
    }
}
