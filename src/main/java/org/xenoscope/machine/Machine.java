package org.xenoscope.machine;

import org.xenoscope.machine.clock.VirtualClock;
import org.xenoscope.machine.cpu.Core;
import org.xenoscope.machine.cpu.Cpu;
import org.xenoscope.machine.mem.IoBus;
import org.xenoscope.machine.mem.PhysicalMemory;
import org.xenoscope.machine.mmu.Mmu;

/**
 * The bare 32-bit PC: RAM, one CPU, the I/O-port bus and virtual time. It knows nothing of Xen.
 * Devices are attached by {@link PcMachine}. Owned by one simulation thread; only {@link #requestStop()} may be
 * called from elsewhere.
 */
public class Machine {
    private final PhysicalMemory memory;
    private final Mmu mmu;
    private final IoBus io = new IoBus();
    private final VirtualClock clock = new VirtualClock();
    private final Cpu cpu;
    private int exitStatus;

    /** A machine with {@code memoryBytes} of RAM and no devices. */
    public Machine(int memoryBytes) {
        this.memory = new PhysicalMemory(memoryBytes);
        this.mmu = new Mmu(memory);
        this.cpu = new Cpu(memory, mmu, io, clock);
    }

    public PhysicalMemory memory() {
        return memory;
    }

    public Cpu cpu() {
        return cpu;
    }

    public Mmu mmu() {
        return mmu;
    }

    public IoBus io() {
        return io;
    }

    public VirtualClock clock() {
        return clock;
    }

    /** Ends the current run with DEBUG_EXIT and {@code status} (called by the debug-exit device). */
    public void exit(int status) {
        exitStatus = status;
        cpu.core().requestExit();
    }

    /** Leaves the halted state, so the next {@link #run} continues after the HLT. */
    public void wake() {
        cpu.core().wake();
    }

    /** Thread-safe: asks a running {@link #run} to return STOP_REQUESTED soon. */
    public void requestStop() {
        cpu.core().requestStop();
    }

    /**
     * Runs until HLT with IF=0, a debug exit, a triple fault, {@link #requestStop()}, or {@code maxInstructions}
     * cycles. Calling it again continues where it stopped; a CPU halted with IF=0 stays halted until
     * {@link #wake()}.
     */
    public RunResult run(long maxInstructions) {
        long start = cpu.cycles();
        Core.Exit e = cpu.core().run(maxInstructions);
        long n = cpu.cycles() - start;
        switch (e) {
            case HALTED:
                return new RunResult(StopReason.HALTED, 0, n,
                    String.format("hlt with interrupts disabled at eip=0x%08x", cpu.eip()));
            case EXIT_REQUESTED:
                return new RunResult(StopReason.DEBUG_EXIT, exitStatus, n, "debug-exit port written");
            case TRIPLE_FAULT:
                return new RunResult(StopReason.TRIPLE_FAULT, 0, n, cpu.core().tripleFaultReport());
            case STOP:
                return new RunResult(StopReason.STOP_REQUESTED, 0, n, "stop requested");
            default:
                return new RunResult(StopReason.INSTRUCTION_LIMIT, 0, n, "instruction limit reached");
        }
    }
}
