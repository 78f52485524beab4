package org.xenoscope.xen;

/**
 * Segment descriptors as 64-bit values.
 *
 * <pre>
 *  63    56 55 54 53 52 51  48 47 46 45 44 43  40 39     16 15      0
 *  +-------+--+--+--+--+------+--+-----+--+------+---------+---------+
 *  |base hi| G|DB| L|AV|lim hi| P| DPL | S| type | base lo | limit lo|
 *  +-------+--+--+--+--+------+--+-----+--+------+---------+---------+
 * </pre>
 */
public final class Descriptors {
    private Descriptors() {
    }

    /** A 32-bit, 4 KiB-granular segment with base 0, {@code limitPages} (20 bits) and access byte {@code access}. */
    public static long flat(int limitPages, int access) {
        return segment(0, limitPages, access, 0xC);
    }

    /** A byte-granular system segment (TSS, LDT) with {@code base}, {@code limit} and access byte. */
    public static long system(int base, int limit, int access) {
        return segment(base, limit, access, 0x0);
    }

    /** Assembles a descriptor; {@code flags} is the G/DB/L/AVL nibble. */
    public static long segment(int base, int limit, int access, int flags) {
        long d = limit & 0xFFFFL;
        d |= (long) (base & 0xFFFFFF) << 16;
        d |= (long) (access & 0xFF) << 40;
        d |= (long) ((limit >>> 16) & 0xF) << 48;
        d |= (long) (flags & 0xF) << 52;
        d |= (long) ((base >>> 24) & 0xFF) << 56;
        return d;
    }

    public static int base(long d) {
        return (int) (((d >>> 16) & 0xFFFFFF) | ((d >>> 32) & 0xFF000000L));
    }

    /** The raw 20-bit limit field. */
    public static int limitField(long d) {
        return (int) ((d & 0xFFFF) | ((d >>> 32) & 0xF0000));
    }

    /** The byte limit (the field scaled by the G bit). */
    public static int limit(long d) {
        int l = limitField(d);
        return granular(d) ? (l << 12) | 0xFFF : l;
    }

    public static boolean granular(long d) {
        return (d & (1L << 55)) != 0;
    }

    public static int access(long d) {
        return (int) ((d >>> 40) & 0xFF);
    }

    public static int dpl(long d) {
        return (access(d) >>> 5) & 3;
    }

    public static boolean present(long d) {
        return (access(d) & 0x80) != 0;
    }

    /** S bit: code/data (true) or system (false). */
    public static boolean codeOrData(long d) {
        return (access(d) & 0x10) != 0;
    }
}
