package org.xenoscope.gui.panels;

import java.util.ArrayList;
import java.util.List;
import org.xenoscope.debug.Snapshot;
import org.xenoscope.gui.RowsModel;
import org.xenoscope.machine.cpu.Cpu;

/**
 * The CPU panel's read-only rows (EFLAGS, CPL, segment registers, control registers, GDTR, IDTR): name, value,
 * meaning, and whether the value changed since the previous snapshot.
 */
final class RegisterRows extends RowsModel<RegisterRows.Row> {
    private static final long serialVersionUID = 1L;
    private static final String[] COLUMNS = {"Register", "Value", "Meaning"};
    private static final int[] SEG_ORDER = {Cpu.CS, Cpu.SS, Cpu.DS, Cpu.ES, Cpu.FS, Cpu.GS};

    /** One row. */
    record Row(String name, String value, String meaning, boolean changed) {
    }

    RegisterRows() {
        super(COLUMNS);
    }

    /** Contract: rebuilds the rows from {@code r}, marking those that differ from {@code prev} (may be null). */
    void show(Snapshot.Registers r, Snapshot.Registers prev, boolean pv) {
        List<String[]> now = rows(r, pv);
        List<String[]> before = prev == null ? null : rows(prev, pv);
        List<Row> out = new ArrayList<>(now.size());
        for (int i = 0; i < now.size(); i++) {
            String[] n = now.get(i);
            boolean changed = before != null && !before.get(i)[1].equals(n[1]);
            out.add(new Row(n[0], n[1], n[2], changed));
        }
        set(out);
    }

    private static List<String[]> rows(Snapshot.Registers r, boolean pv) {
        List<String[]> l = new ArrayList<>();
        l.add(new String[] {"EFLAGS", Hex.h8(r.eflags()), CpuText.eflags(r.eflags())});
        l.add(new String[] {"CPL", Integer.toString(r.cpl()), CpuText.ring(r.cpl(), pv)});
        Snapshot.Segment[] segs = r.segs();
        for (int s : SEG_ORDER) {
            l.add(new String[] {Cpu.SREG[s].toUpperCase(java.util.Locale.ROOT),
                CpuText.selector(segs[s].selector()), CpuText.segment(segs[s])});
        }
        l.add(new String[] {"CR0", Hex.h8(r.cr0()), CpuText.cr0(r.cr0())});
        l.add(new String[] {"CR2", Hex.h8(r.cr2()), "last page-fault address"});
        l.add(new String[] {"CR3", Hex.h8(r.cr3()), "page directory" + ((r.cr4() & Cpu.CR4_PAE) != 0
            ? "-pointer table (PAE)" : "")});
        l.add(new String[] {"CR4", Hex.h8(r.cr4()), CpuText.cr4(r.cr4())});
        l.add(new String[] {"GDTR", Hex.h8(r.gdtBase()), "limit " + Integer.toHexString(r.gdtLimit())});
        l.add(new String[] {"IDTR", Hex.h8(r.idtBase()), "limit " + Integer.toHexString(r.idtLimit())});
        return l;
    }

    /** Row {@code i}. */
    Row row(int i) {
        return rows().get(i);
    }

    /** The names of the rows that changed, for the accessible description. */
    List<String> changedNames() {
        return rows().stream().filter(Row::changed).map(Row::name).toList();
    }

    @Override
    protected Object cell(Row row, int c) {
        return c == 0 ? row.name() : c == 1 ? row.value() : row.meaning();
    }
}
