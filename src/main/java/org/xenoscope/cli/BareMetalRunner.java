package org.xenoscope.cli;

import java.io.PrintStream;
import org.xenoscope.asm.BadInputException;
import org.xenoscope.asm.elf.BareMetalBoot;
import org.xenoscope.asm.elf.BootImage;
import org.xenoscope.machine.PcMachine;
import org.xenoscope.machine.RunResult;
import org.xenoscope.machine.StopReason;

/**
 * Boots a multiboot kernel on a fresh {@link PcMachine} and runs it to the end, streaming COM1 to stdout. The
 * run goes in slices of {@link #SLICE} instructions so output is flushed while a long guest runs.
 *
 * <pre>
 *   how the guest stopped          exit status    stderr
 *   wrote v to port 0xF4           (v << 1) | 1   -
 *   HLT with interrupts off        0              -
 *   triple fault                   1              xenoscope: triple fault: ...
 *   --max-instructions reached     3              xenoscope: stopped after N instructions ...
 * </pre>
 */
final class BareMetalRunner {
    /** Instructions per call into the machine between flushes of stdout. */
    static final long SLICE = 20_000_000L;
    private static final int MIB = 1 << 20;

    /** How the run ended. */
    record Outcome(StopReason reason, int exitStatus, long instructions) {
    }

    private final PrintStream out;
    private final PrintStream err;

    BareMetalRunner(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * Boots {@code kernel} (named {@code name} in messages) with {@code memoryMb} MiB of RAM and runs it for at
     * most {@code maxInstructions} (0 = no limit). Bad kernels throw {@link BadInputException}.
     */
    Outcome boot(String name, byte[] kernel, int memoryMb, long maxInstructions) {
        PcMachine m = newMachine(memoryMb);
        m.setConsole(b -> {
            out.write(b);
            if (b == '\n') {
                out.flush();
            }
        });
        // the command line is the kernel's file name, as QEMU passes it without -append
        BootImage img = BareMetalBoot.boot(m, name, kernel, name);
        for (String w : img.warnings()) {
            err.println(name + ": warning: " + w);
        }
        return run(m, maxInstructions);
    }

    private static PcMachine newMachine(int memoryMb) {
        try {
            return new PcMachine(memoryMb * MIB);
        } catch (OutOfMemoryError e) {
            throw new BadInputException("--memory", memoryMb + " MB do not fit in the Java heap (raise java -Xmx)");
        }
    }

    /** Runs slice by slice until the guest stops or the limit is reached; reports on stderr. */
    private Outcome run(PcMachine m, long maxInstructions) {
        long done = 0;
        while (true) {
            long budget = maxInstructions == 0 ? SLICE : Math.min(SLICE, maxInstructions - done);
            RunResult r = m.run(budget);
            done += r.instructions();
            out.flush();
            switch (r.reason()) {
                case DEBUG_EXIT:
                    return new Outcome(r.reason(), r.exitStatus(), done);
                case HALTED:
                    return new Outcome(r.reason(), Main.EXIT_OK, done);
                case TRIPLE_FAULT:
                    err.println("xenoscope: " + r.detail());
                    return new Outcome(r.reason(), Main.EXIT_GUEST_FAILED, done);
                case STOP_REQUESTED:
                    err.println("xenoscope: stopped on request after " + done + " instructions");
                    return new Outcome(r.reason(), Main.EXIT_GUEST_FAILED, done);
                default:
                    if (maxInstructions != 0 && done >= maxInstructions) {
                        err.printf("xenoscope: stopped after %d instructions (--max-instructions) at eip=0x%08x%n",
                            done, m.cpu().eip());
                        return new Outcome(r.reason(), Main.EXIT_LIMIT, done);
                    }
            }
        }
    }
}
