package org.xenoscope.asm.disasm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.xenoscope.asm.elf.ElfImage;

/**
 * Names addresses the way objdump annotates them: {@code main}, {@code main+0x1c}, and before the first label
 * {@code main-0x10}. Built from the address labels of an ELF file ({@link ElfImage#labels()}: FUNC and NOTYPE
 * symbols, one per address) or from any address-to-name map. Immutable.
 */
public final class SymbolTable {
    /** No symbols: branch targets print as {@code 0x1234}. */
    public static final SymbolTable NONE = new SymbolTable(new TreeMap<>());

    /** Labels keyed by address as an unsigned value. */
    private final TreeMap<Long, String> labels;

    private SymbolTable(TreeMap<Long, String> labels) {
        this.labels = labels;
    }

    /** The labels of {@code elf} (empty for a stripped file). */
    public static SymbolTable of(ElfImage elf) {
        TreeMap<Long, String> m = new TreeMap<>();
        for (ElfImage.Symbol s : elf.labels()) {
            m.put(Integer.toUnsignedLong(s.value()), s.name());
        }
        return new SymbolTable(m);
    }

    /** Labels from a map of address to name (an assembler's symbols, say). */
    public static SymbolTable of(Map<Integer, String> names) {
        TreeMap<Long, String> m = new TreeMap<>();
        names.forEach((a, n) -> m.put(Integer.toUnsignedLong(a), n));
        return new SymbolTable(m);
    }

    public boolean isEmpty() {
        return labels.isEmpty();
    }

    /** The label exactly at {@code addr}, or null. */
    public String labelAt(int addr) {
        return labels.get(Integer.toUnsignedLong(addr));
    }

    /**
     * {@code name}, {@code name+0xN} after the nearest label at or below {@code addr}, or {@code name-0xN} before
     * the first label; null when there are no labels.
     */
    public String describe(int addr) {
        long a = Integer.toUnsignedLong(addr);
        Map.Entry<Long, String> e = labels.floorEntry(a);
        if (e == null) {
            e = labels.ceilingEntry(a);
        }
        if (e == null) {
            return null;
        }
        long off = a - e.getKey();
        return off == 0 ? e.getValue() : off > 0 ? e.getValue() + "+0x" + Long.toHexString(off)
            : e.getValue() + "-0x" + Long.toHexString(-off);
    }

    /** A branch target as objdump prints it: {@code 0x1234} without symbols, {@code 1234 <name+0x4>} with. */
    public String formatAddress(int addr) {
        String hex = Integer.toHexString(addr);
        return labels.isEmpty() ? "0x" + hex : hex + " <" + describe(addr) + ">";
    }

    /** The label addresses in {@code [from, to)} (unsigned bounds), ascending. */
    public List<Long> labelsIn(long from, long to) {
        return new ArrayList<>(labels.subMap(from, true, to, false).keySet());
    }
}
