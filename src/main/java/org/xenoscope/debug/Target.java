package org.xenoscope.debug;

import java.util.List;
import org.xenoscope.machine.Machine;
import org.xenoscope.machine.cpu.Cpu;
import org.xenoscope.xen.trace.Trace;

/** What the engine debugs: a hypervisor with its domains, or a bare machine. */
public interface Target {
    /** How a run slice ended. */
    enum End { LIMIT, STOPPED, FINISHED }

    Machine machine();

    default Cpu cpu() {
        return machine().cpu();
    }

    /** Cycles (virtual time) since boot: the position in the run. */
    default long cycles() {
        return machine().cpu().cycles();
    }

    /**
     * Contract: runs at most {@code n} cycles (n &gt; 0). FINISHED when the system can run no further (the guest
     * shut down, crashed, blocked forever, halted, or wrote the debug-exit port), STOPPED when the per-instruction
     * hook refused to go on, LIMIT otherwise.
     */
    End run(long n);

    /** True once the system can run no further. */
    boolean finished();

    /** A one-line account of how the system finished (empty while it can run). */
    String finishReason();

    /** The hypervisor (frame table, domains, page-type rules), or null for a bare machine. For views' queries. */
    default org.xenoscope.xen.Hypervisor hypervisor() {
        return null;
    }

    /** The hypervisor's trace, or null for a bare machine. */
    Trace trace();

    /** Machine address of pseudo-physical address {@code pa} of the current domain, or -1 (bare: the same). */
    default long pseudoPhysicalToMachine(long pa) {
        return pa;
    }

    /** Types {@code data} into domain {@code domain}'s console (bare machine: COM1's receiver). */
    void consoleInput(int domain, byte[] data);

    /** Pauses or unpauses domain {@code domain} as the toolstack would (bare machine: nothing). */
    default void setPaused(int domain, boolean paused) {
    }

    /** Kills domain {@code domain} as the toolstack's destroy would (bare machine: nothing). */
    void destroy(int domain);

    /** The domains (for a bare machine: one pseudo-domain, the machine). */
    List<Snapshot.DomainView> domains();
}
