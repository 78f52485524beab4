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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.RunnerException;
import org.xenoscope.cli.BenchKernel;
import org.xenoscope.machine.Machine;
import org.xenoscope.machine.RunResult;
import org.xenoscope.machine.StopReason;

/**
 * Interpreter throughput on the {@code xenoscope bench} workload ({@link BenchKernel}). One operation is one guest
 * instruction and the unit is operations per microsecond, so the score reads directly as MIPS.
 *
 * <p>Run it from the project directory (JMH forks a JVM with the test class path that exec:exec passes):
 * <pre>
 *   mvn -q test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *       -Dexec.args="-cp %classpath org.xenoscope.bench.InterpreterBenchmark"
 * </pre>
 * Arguments after the class name are passed to JMH's own command line (e.g. {@code -f 1 -wi 2 -i 3}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class InterpreterBenchmark {
    /** Guest instructions per benchmark invocation. */
    static final int BATCH = 1_000_000;

    private Machine machine;

    /** A fresh machine running the endless benchmark loop. */
    @Setup(Level.Trial)
    public void boot() {
        machine = new Machine(BenchKernel.MEMORY_BYTES);
        BenchKernel.install(machine);
    }

    /** Executes {@link #BATCH} guest instructions. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long interpret() {
        RunResult r = machine.run(BATCH);
        if (r.reason() != StopReason.INSTRUCTION_LIMIT) {
            throw new IllegalStateException("the benchmark loop stopped: " + r.detail());
        }
        return r.instructions();
    }

    /** Runs this benchmark with JMH; {@code args} are JMH command-line options. */
    public static void main(String[] args) throws RunnerException {
        Jmh.run(InterpreterBenchmark.class, args);
    }
}
