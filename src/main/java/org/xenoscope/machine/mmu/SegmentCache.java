package org.xenoscope.machine.mmu;

/**
 * The hidden part of a segment register: the descriptor the CPU cached when the selector was loaded
 * (SDM Vol. 3 §3.4.3). Accesses check against this cache, never against the table in memory.
 *
 * <pre>
 *  segment descriptor (8 bytes, SDM Vol. 3 Figure 3-8)
 *   63      56 55 54 53 52 51    48 47 46 45 44 43   40 39        32
 *  +----------+--+--+--+--+--------+--+-----+--+-------+------------+
 *  |base 31:24| G|DB| L|AV|lim19:16| P| DPL | S| type  | base 23:16 |
 *  +----------+--+--+--+--+--------+--+-----+--+-------+------------+
 *   31                            16 15                            0
 *  +--------------------------------+-------------------------------+
 *  |          base 15:0             |          limit 15:0           |
 *  +--------------------------------+-------------------------------+
 * </pre>
 */
public final class SegmentCache {
    // access-byte bits (descriptor bits 40..47, kept as bits 0..7 of {@link #access})
    public static final int TYPE_ACCESSED = 0x01;
    public static final int TYPE_RW = 0x02;        // data: writable; code: readable
    public static final int TYPE_EC = 0x04;        // data: expand-down; code: conforming
    public static final int TYPE_CODE = 0x08;
    public static final int S_CODE_DATA = 0x10;    // 0 = system descriptor
    public static final int PRESENT = 0x80;

    public int selector;
    public int base;
    /** Effective limit in bytes (already scaled by G). */
    public int limit;
    /** Access byte: type (4 bits), S, DPL (2 bits), P. */
    public int access;
    /** D/B bit: 32-bit default operand size (code) or 32-bit stack / upper bound (data). */
    public boolean big;
    /** True when the segment is not usable (a null selector was loaded into a data register). */
    public boolean unusable;
    /**
     * The fast path: base 0, limit 4 GiB, present, usable, not expand-down, and readable and writable as data
     * (or readable code). When set, an access needs no segment check at all.
     */
    public boolean flatRead;
    public boolean flatWrite;

    public int dpl() {
        return (access >> 5) & 3;
    }

    public boolean present() {
        return (access & PRESENT) != 0;
    }

    public boolean isCode() {
        return (access & (S_CODE_DATA | TYPE_CODE)) == (S_CODE_DATA | TYPE_CODE);
    }

    public boolean isData() {
        return (access & (S_CODE_DATA | TYPE_CODE)) == S_CODE_DATA;
    }

    public boolean readable() {
        return isData() || (isCode() && (access & TYPE_RW) != 0);
    }

    public boolean writable() {
        return isData() && (access & TYPE_RW) != 0;
    }

    public boolean expandDown() {
        return isData() && (access & TYPE_EC) != 0;
    }

    public boolean conforming() {
        return isCode() && (access & TYPE_EC) != 0;
    }

    /** Loads the cache from raw descriptor words (low = bytes 0..3, high = bytes 4..7). */
    public void load(int sel, int low, int high) {
        selector = sel & 0xFFFF;
        base = (low >>> 16) | ((high & 0xFF) << 16) | (high & 0xFF000000);
        int rawLimit = (low & 0xFFFF) | (high & 0x000F0000);
        boolean gran = (high & (1 << 23)) != 0;
        limit = gran ? (rawLimit << 12) | 0xFFF : rawLimit;
        access = (high >>> 8) & 0xFF;
        big = (high & (1 << 22)) != 0;
        unusable = false;
        refresh();
    }

    /** Sets the cache directly (used by boot code that enters protected mode the way a loader does). */
    public void set(int sel, int base, int limit, int access, boolean big) {
        this.selector = sel & 0xFFFF;
        this.base = base;
        this.limit = limit;
        this.access = access & 0xFF;
        this.big = big;
        this.unusable = false;
        refresh();
    }

    /** Marks the register as holding a null selector (data registers only). */
    public void loadNull(int sel) {
        selector = sel & 0xFFFF;
        base = 0;
        limit = 0;
        access = 0;
        big = false;
        unusable = true;
        refresh();
    }

    /** Recomputes the fast-path bits after any field changed. */
    public void refresh() {
        boolean flat = !unusable && base == 0 && limit == -1 && present() && !expandDown();
        flatRead = flat && readable();
        flatWrite = flat && writable();
    }

    public void copyFrom(SegmentCache o) {
        selector = o.selector;
        base = o.base;
        limit = o.limit;
        access = o.access;
        big = o.big;
        unusable = o.unusable;
        flatRead = o.flatRead;
        flatWrite = o.flatWrite;
    }

    @Override
    public String toString() {
        return String.format("%04x base=%08x limit=%08x access=%02x %s", selector, base, limit, access,
            big ? "32" : "16");
    }
}
