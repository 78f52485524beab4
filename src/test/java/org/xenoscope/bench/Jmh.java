package org.xenoscope.bench;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/** Runs one benchmark class with JMH from a {@code main} method. */
final class Jmh {
    private Jmh() {
    }

    /** Runs the benchmarks of {@code benchmark}; {@code args} are JMH command-line options (may be empty). */
    static void run(Class<?> benchmark, String[] args) throws RunnerException {
        OptionsBuilder opts = new OptionsBuilder();
        opts.include(benchmark.getName());
        if (args.length > 0) {
            try {
                opts.parent(new CommandLineOptions(args));
            } catch (CommandLineOptionException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
        new Runner(opts.build()).run();
    }
}
