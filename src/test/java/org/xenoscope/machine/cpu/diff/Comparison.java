package org.xenoscope.machine.cpu.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares what the host CPU and Xenoscope left after one case: the eight registers exactly, EFLAGS with the
 * flags undefined at the end of the case masked out, and every byte of the arena (stack area and buffer).
 */
public final class Comparison {
    private Comparison() {
    }

    /** The differing fields as lines of text; empty when the results agree. */
    public static List<String> differences(TestCase tc, Record expected, Record actual) {
        List<String> d = new ArrayList<>();
        for (int r = 0; r < 8; r++) {
            if (expected.regs()[r] != actual.regs()[r]) {
                d.add(String.format("%s: host %08x  xenoscope %08x", Opnd.R32[r], expected.regs()[r],
                    actual.regs()[r]));
            }
        }
        int undefined = tc.undefinedFlags();
        int diff = (expected.eflags() ^ actual.eflags()) & ~undefined;
        if (diff != 0) {
            d.add(String.format("eflags: host %08x  xenoscope %08x  differ in [%s]  (undefined, masked: [%s])",
                expected.eflags(), actual.eflags(), FlagBits.names(diff) + otherBits(diff),
                FlagBits.names(undefined)));
        }
        byte[] e = expected.arena();
        byte[] a = actual.arena();
        for (int i = 0; i < e.length; i++) {
            if (e[i] != a[i]) {
                int j = i;
                while (j + 1 < e.length && j + 1 < i + 16 && e[j + 1] != a[j + 1]) {
                    j++;
                }
                d.add(String.format("memory 0x%08x..0x%08x: host %s  xenoscope %s", Layout.ARENA + i,
                    Layout.ARENA + j, bytes(e, i, j), bytes(a, i, j)));
                i = j;
            }
        }
        return d;
    }

    private static String otherBits(int diff) {
        int rest = diff & ~(FlagBits.ARITH | FlagBits.DF);
        return rest == 0 ? "" : String.format(" other bits %08x", rest);
    }

    private static String bytes(byte[] b, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i <= to; i++) {
            sb.append(String.format("%02x", b[i] & 0xFF));
        }
        return sb.toString();
    }
}
