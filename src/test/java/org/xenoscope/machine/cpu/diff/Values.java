package org.xenoscope.machine.cpu.diff;

import java.util.Random;

/** Random values biased towards the boundaries where flags change: 0, ±1, sign bits, all-ones. */
final class Values {
    private Values() {
    }

    private static final int[] EDGES = {0, 1, -1, 2, 0x7F, 0x80, 0xFF, 0x100, 0x7FFF, 0x8000, 0xFFFF, 0x10000,
        0x7FFFFFFF, 0x80000000, 0xFFFFFF80, 0xFFFF8000, 0x0F, 0x10, 0x8, 0x9};

    /** A 32-bit value: an edge value, a small one, a random one or one with few bits set. */
    static int interesting(Random rnd) {
        switch (rnd.nextInt(6)) {
            case 0:
                return EDGES[rnd.nextInt(EDGES.length)];
            case 1:
                return rnd.nextInt(33) - 16;
            case 2:
                return 1 << rnd.nextInt(32) ^ (rnd.nextBoolean() ? 0 : 1 << rnd.nextInt(32));
            case 3:
                return EDGES[rnd.nextInt(EDGES.length)] + rnd.nextInt(5) - 2;
            default:
                return rnd.nextInt();
        }
    }
}
