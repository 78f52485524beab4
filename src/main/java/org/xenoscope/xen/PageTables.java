package org.xenoscope.xen;

import org.xenoscope.machine.mem.PhysicalMemory;

/**
 * Page-table entries in machine memory, for both flavours: 4-byte entries (2-level) or 8-byte entries (PAE).
 *
 * <pre>
 *  entry:  frame number << 12 | flags        flags: P 0x001  RW 0x002  US 0x004  A 0x020  D 0x040  PS 0x080
 *  2-level va:  | 10 bits L2 index | 10 bits L1 index | 12 offset |
 *  PAE va:      | 2 bits L3 | 9 bits L2 | 9 bits L1 | 12 offset |
 * </pre>
 */
public final class PageTables {
    public static final int P = 0x001;
    public static final int RW = 0x002;
    public static final int US = 0x004;
    public static final int PWT = 0x008;
    public static final int PCD = 0x010;
    public static final int A = 0x020;
    public static final int D = 0x040;
    public static final int PS = 0x080;
    public static final int G = 0x100;

    private PageTables() {
    }

    /** Entry {@code index} of the table in frame {@code mfn}. */
    public static long read(PhysicalMemory mem, GuestFlavour f, int mfn, int index) {
        long a = ((long) mfn << 12) + (long) index * f.pteSize();
        return f.pteSize() == 8 ? mem.readQword(a) : mem.readDword(a) & 0xFFFFFFFFL;
    }

    /** Writes entry {@code index} of the table in frame {@code mfn}. */
    public static void write(PhysicalMemory mem, GuestFlavour f, int mfn, int index, long entry) {
        long a = ((long) mfn << 12) + (long) index * f.pteSize();
        if (f.pteSize() == 8) {
            mem.writeQword(a, entry);
        } else {
            mem.writeDword(a, (int) entry);
        }
    }

    /** An entry pointing at frame {@code mfn} with {@code flags}. */
    public static long entry(int mfn, int flags) {
        return ((long) mfn << 12) | (flags & 0xFFF);
    }

    /** The frame an entry points at. */
    public static int frame(long entry) {
        return (int) ((entry & 0x000FFFFFFFFFF000L) >>> 12);
    }

    /**
     * Contract: the machine frame of the L1 table that maps {@code va} in the address space whose top table
     * (2-level: page directory; PAE: PDPT) is frame {@code top}, or -1 when a level on the way is not present
     * (or is a large page). Reads machine memory only; no TLB or A/D side effects.
     */
    public static int l1For(PhysicalMemory mem, GuestFlavour f, int top, int topOffset, int va) {
        long l2e;
        if (f == GuestFlavour.PAE) {
            long l3e = mem.readQword(((long) top << 12) + topOffset + 8L * (va >>> 30));
            if ((l3e & P) == 0) {
                return -1;
            }
            l2e = read(mem, f, frame(l3e), (va >>> 21) & 511);
        } else {
            l2e = read(mem, f, top, va >>> 22);
        }
        if ((l2e & P) == 0 || (l2e & PS) != 0) {
            return -1;
        }
        return frame(l2e);
    }

    /** Index of {@code va}'s entry in its L1 table. */
    public static int l1Index(GuestFlavour f, int va) {
        return f == GuestFlavour.PAE ? (va >>> 12) & 511 : (va >>> 12) & 1023;
    }
}
