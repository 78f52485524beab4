package org.xenoscope.debug;

import java.util.List;
import org.xenoscope.machine.cpu.Cpu;
import org.xenoscope.machine.mmu.SegmentCache;

/**
 * An immutable picture of the simulation at a stop, made on the simulation thread and read by any other: the CPU
 * of the running domain, every domain with its console, the trace length and why the engine stopped.
 */
public record Snapshot(long cycles, Registers cpu, List<DomainView> domains, long traceEvents, String stopReason,
                       boolean running, boolean finished, int generation) {
    public Snapshot {
        domains = List.copyOf(domains);
    }

    /**
     * One domain: id, name, state, why it ended, pages of memory, the last {@link #CONSOLE_TAIL} characters it printed
     * ({@code console}) and how many it printed in all ({@code consoleLength}), whether it is current.
     */
    public record DomainView(int id, String name, String state, String endReason, int pages, String console,
                             long consoleLength, boolean current) {
    }

    /** Console characters a snapshot carries per domain (the end of the output; the count says how much came). */
    public static final int CONSOLE_TAIL = 64 * 1024;

    /** The last {@link #CONSOLE_TAIL} characters of {@code all}. */
    static String tail(CharSequence all) {
        int n = all.length();
        return all.subSequence(Math.max(0, n - CONSOLE_TAIL), n).toString();
    }

    /** One segment register: selector and the descriptor cache. */
    public record Segment(int selector, int base, int limit, int access) {
    }

    /** The register file. {@code gpr} is EAX, ECX, EDX, EBX, ESP, EBP, ESI, EDI. */
    public record Registers(int[] gpr, int eip, int eflags, int cpl, Segment[] segs, int cr0, int cr2, int cr3,
                            int cr4, int gdtBase, int gdtLimit, int idtBase, int idtLimit) {
        public Registers {
            gpr = gpr.clone();
            segs = segs.clone();
        }

        @Override
        public int[] gpr() {
            return gpr.clone();
        }

        @Override
        public Segment[] segs() {
            return segs.clone();
        }

        /** General register {@code n} (Cpu.EAX ...). */
        public int reg(int n) {
            return gpr[n];
        }

        /** Contract: copies the CPU's visible state (call on the simulation thread). */
        static Registers of(Cpu c) {
            int[] g = new int[8];
            for (int i = 0; i < 8; i++) {
                g[i] = c.reg(i);
            }
            Segment[] s = new Segment[6];
            for (int i = 0; i < 6; i++) {
                SegmentCache sc = c.seg(i);
                s[i] = new Segment(sc.selector, sc.base, sc.limit, sc.access);
            }
            return new Registers(g, c.eip(), c.eflags(), c.cpl(), s, c.cr(0), c.cr(2), c.cr(3), c.cr(4), c.gdtBase,
                c.gdtLimit, c.idtBase, c.idtLimit);
        }
    }
}
