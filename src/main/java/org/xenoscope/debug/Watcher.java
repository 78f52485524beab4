package org.xenoscope.debug;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Value-change watchpoints: remembers the watched bytes and reports the first watchpoint whose bytes differ
 * after an instruction. Virtual addresses are translated anew each time (through the current page tables).
 */
final class Watcher {
    private final List<Breakpoint.Watch> watches = new ArrayList<>();
    private final List<byte[]> values = new ArrayList<>();
    private Target target;

    boolean active() {
        return !watches.isEmpty();
    }

    /** Re-reads the watched bytes (after the breakpoints, the target or memory changed). */
    void reset(Engine e) {
        target = e.target();
        watches.clear();
        values.clear();
        for (Breakpoint b : e.breakpoints()) {
            if (b instanceof Breakpoint.Watch w) {
                watches.add(w);
                values.add(read(w));
            }
        }
    }

    /** The first watchpoint whose bytes changed since the last call (its description), or null. */
    String changed() {
        for (int i = 0; i < watches.size(); i++) {
            byte[] now = read(watches.get(i));
            if (!Arrays.equals(now, values.get(i))) {
                String d = String.format("%s 0x%x: %s -> %s", watches.get(i).space().name().toLowerCase(),
                    watches.get(i).address(), hex(values.get(i)), hex(now));
                values.set(i, now);
                return d;
            }
        }
        return null;
    }

    /** The watched bytes now; an unmapped byte reads as -1 (shown as "--"). */
    private byte[] read(Breakpoint.Watch w) {
        byte[] b = new byte[w.length() * 2];
        for (int i = 0; i < w.length(); i++) {
            long ma = machineAddress(w, i);
            boolean ok = ma >= 0 && target.machine().memory().inRam(ma, 1);
            b[2 * i] = (byte) (ok ? target.machine().memory().readByte(ma) : 0);
            b[2 * i + 1] = (byte) (ok ? 1 : 0);
        }
        return b;
    }

    private long machineAddress(Breakpoint.Watch w, int i) {
        long a = w.address() + i;
        return switch (w.space()) {
            case MACHINE -> a;
            case PSEUDO_PHYSICAL -> target.pseudoPhysicalToMachine(a);
            case VIRTUAL -> target.cpu().mmu().peek((int) a);
        };
    }

    private static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < b.length; i += 2) {
            s.append(b[i + 1] == 0 ? "--" : String.format("%02x", b[i] & 0xFF));
        }
        return s.toString();
    }
}
