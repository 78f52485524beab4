package org.xenoscope.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.DoubleToLongFunction;
import org.xenoscope.asm.BadInputException;
import org.xenoscope.machine.Machine;
import org.xenoscope.machine.PcMachine;
import org.xenoscope.machine.RunResult;
import org.xenoscope.machine.StopReason;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code xenoscope bench [--seconds S]}: runs {@link BenchKernel} bare-metal for a warm-up (so the JIT compiles
 * the interpreter), then for S seconds of wall time, and prints {@code N instructions in T s: X MIPS}.
 * With {@code --pte-updates} it measures validated page-table updates instead ({@link PteUpdateBench}: a PV guest
 * issuing batched mmu_update) and prints {@code N validated PTE updates in T s: X million/s}.
 * Wall time is read here, in the front end; the machine itself only knows virtual time.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Measure the interpreter's speed on a built-in integer loop (prints MIPS).")
final class BenchCommand implements Callable<Integer> {
    /** Instructions per call into the machine: small enough to stop close to the deadline. */
    static final long SLICE = 2_000_000L;
    static final double MAX_SECONDS = 3600;
    private static final double MAX_WARMUP_SECONDS = 1.0;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "5",
        description = "measured wall time in seconds, after a warm-up (default: ${DEFAULT-VALUE})")
    private double seconds;

    @Option(names = "--pte-updates", description = "measure validated PTE updates per second (batched mmu_update "
        + "of " + PteUpdateBench.BATCH + " entries from a PAE PV guest) instead of the interpreter")
    private boolean pteUpdates;

    /** mmu_update batches per call into the hypervisor when measuring PTE updates. */
    static final int PTE_SLICE = 200;

    private final PrintStream out;
    private final PrintStream err;

    BenchCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        if (!(seconds > 0 && seconds <= MAX_SECONDS)) {
            throw new BadInputException("--seconds", "must be more than 0 and at most " + (int) MAX_SECONDS
                + ", got " + seconds);
        }
        if (pteUpdates) {
            return pteUpdates();
        }
        PcMachine m = new PcMachine(BenchKernel.MEMORY_BYTES);
        BenchKernel.install(m);
        return measure(s -> runFor(m, s), "%d instructions in %.2f s: %.1f MIPS%n");
    }

    /** The --pte-updates measurement: warm-up, then {@code seconds} of batches. */
    private int pteUpdates() {
        PteUpdateBench b = new PteUpdateBench(true);
        return measure(s -> runFor(b, s), "%d validated PTE updates in %.2f s: %.2f million/s%n");
    }

    /**
     * Contract: runs {@code runFor} (which works for the given wall-time seconds and returns how many operations
     * it did) once to warm up, then for --seconds, and prints the count, the time and millions per second with
     * {@code format}.
     */
    private int measure(DoubleToLongFunction runFor, String format) {
        double warmup = Math.min(MAX_WARMUP_SECONDS, seconds / 2);
        err.printf(Locale.ROOT, "warming up for %.1f s, then measuring for %.1f s%n", warmup, seconds);
        runFor.applyAsLong(warmup);
        long t0 = System.nanoTime();
        long n = runFor.applyAsLong(seconds);
        double t = (System.nanoTime() - t0) / 1e9;
        out.printf(Locale.ROOT, format, n, t, n / t / 1e6);
        return Main.EXIT_OK;
    }

    /** Runs mmu_update batches for about {@code s} seconds of wall time; returns the updates done. */
    static long runFor(PteUpdateBench b, double s) {
        long deadline = System.nanoTime() + (long) (s * 1e9);
        long n = 0;
        do {
            n += b.run(PTE_SLICE);
        } while (System.nanoTime() < deadline);
        return n;
    }

    /** Runs the endless workload for about {@code s} seconds of wall time; returns the instructions executed. */
    static long runFor(Machine m, double s) {
        long deadline = System.nanoTime() + (long) (s * 1e9);
        long n = 0;
        do {
            RunResult r = m.run(SLICE);
            n += r.instructions();
            if (r.reason() != StopReason.INSTRUCTION_LIMIT) {
                throw new IllegalStateException("the benchmark loop stopped: " + r.reason() + ": " + r.detail());
            }
        } while (System.nanoTime() < deadline);
        return n;
    }
}
