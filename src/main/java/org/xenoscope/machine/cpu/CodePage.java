package org.xenoscope.machine.cpu;

/**
 * Decoded instructions of one physical page frame, indexed by the offset of their first byte. A page stays
 * valid until a write touches a byte covered by one of its instructions; then the whole page is dropped and
 * re-decoded on the next fetch (self-modifying code stays correct). Instructions that cross into the next page
 * are never cached here.
 */
final class CodePage {
    final int pfn;
    /** The CS D bit the instructions were decoded with (32-bit or 16-bit default sizes). */
    final boolean code32;
    final Insn[] slots = new Insn[4096];
    /** One bit per byte of the page: covered by a cached instruction. */
    final long[] covered = new long[64];
    boolean valid = true;

    CodePage(int pfn, boolean code32) {
        this.pfn = pfn;
        this.code32 = code32;
    }

    void put(int off, Insn i) {
        slots[off] = i;
        for (int b = off; b < off + i.len; b++) {
            covered[b >>> 6] |= 1L << b;
        }
    }

    /** True when any byte of [off, off+len) (clipped to the page) is covered. */
    boolean overlaps(int off, int len) {
        int end = Math.min(4096, off + len);
        for (int b = Math.max(0, off); b < end; b++) {
            if ((covered[b >>> 6] & (1L << b)) != 0) {
                return true;
            }
        }
        return false;
    }
}
