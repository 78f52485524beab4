package org.xenoscope.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.RunnerException;
import org.xenoscope.cli.PteUpdateBench;

/**
 * Validated page-table updates per second ({@link PteUpdateBench}): a PV guest issues batched {@code mmu_update}
 * of {@link PteUpdateBench#BATCH} requests through {@code int $0x82}, each flipping an L1 entry of its current
 * address space between two data frames, writable. One operation is one validated update and the unit is
 * operations per microsecond, so the score reads directly as millions per second (the target is 10).
 *
 * <p>Run it from the project directory as {@link InterpreterBenchmark} is run:
 * <pre>
 *   mvn -q test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *       -Dexec.args="-cp %classpath org.xenoscope.bench.PteUpdateBenchmark"
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PteUpdateBenchmark {
    /** mmu_update batches per benchmark invocation. */
    static final int BATCHES = 50;

    /** The guest's paging: PAE or 2-level. */
    @Param({"true", "false"})
    public boolean pae;

    private PteUpdateBench bench;

    /** A booted guest with its request batch ready. */
    @Setup(Level.Trial)
    public void boot() {
        bench = new PteUpdateBench(pae);
    }

    /** Runs {@link #BATCHES} batches of validated updates. */
    @Benchmark
    @OperationsPerInvocation(BATCHES * PteUpdateBench.BATCH)
    public long updates() {
        return bench.run(BATCHES);
    }

    /** Runs this benchmark with JMH; {@code args} are JMH command-line options. */
    public static void main(String[] args) throws RunnerException {
        Jmh.run(PteUpdateBenchmark.class, args);
    }
}
