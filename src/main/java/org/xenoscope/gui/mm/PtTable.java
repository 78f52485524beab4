package org.xenoscope.gui.mm;

import java.util.List;

/**
 * One page table read from machine memory: where it sits in the tree (the slot indices from the top table down)
 * and all its entries (every slot, present or not).
 *
 * @param path slot indices from the top table to this table (empty for the top table)
 * @param level 3 (PDPT), 2 (page directory) or 1 (page table)
 * @param mfn the machine frame holding the table
 * @param entries every entry, index order
 */
public record PtTable(List<Integer> path, int level, int mfn, List<PtEntry> entries) {
    public PtTable {
        path = List.copyOf(path);
        entries = List.copyOf(entries);
    }
}
