package org.xenoscope.gui.panels;

import java.util.ArrayList;
import java.util.List;
import org.xenoscope.gui.RowsModel;
import org.xenoscope.asm.elf.ElfImage;
import org.xenoscope.debug.Engine;

/** The stack panel's rows: address, offset from ESP, the dword there (or "--"), and its symbol if it is code. */
final class StackRows extends RowsModel<String[]> {
    private static final long serialVersionUID = 1L;
    private static final String[] COLUMNS = {"Address", "Offset", "Value", "Symbol"};

    StackRows() {
        super(COLUMNS);
    }

    /**
     * Contract (simulation thread): reads {@code n} dwords from virtual {@code esp} up through the current page
     * tables; an unmapped dword is "--"; a value inside an executable segment of the guest image is named by its
     * nearest symbol ("func+0x5").
     */
    static List<String[]> read(Engine e, int esp, int n) {
        ElfImage elf = GuestReads.image(e);
        List<String[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int a = esp + 4 * i;
            Integer v = GuestReads.dword(e, a);
            String sym = "";
            if (v != null && elf != null && GuestReads.isCode(elf, v)) {
                sym = elf.symbolAt(v).map(Object::toString).orElse("");
            }
            out.add(new String[] {Hex.h8(a), i == 0 ? "esp" : "esp+0x" + Integer.toHexString(4 * i),
                v == null ? "--" : Hex.h8(v), sym});
        }
        return out;
    }

    @Override
    protected Object cell(String[] row, int c) {
        return row[c];
    }
}
