package org.xenoscope.machine.cpu.diff;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.xenoscope.machine.cpu.Cpu;

/**
 * One differential run: generates the cases, runs them and the hand-written {@link EdgeCases} in batches (two
 * at a time) on the host and on Xenoscope, compares, and for the mismatching cases runs every prefix to find the
 * first item that diverges.
 */
public final class DiffRun {
    /** A mismatching case: what differs, and the first item after which the states differ (or null). */
    public record Failure(TestCase tc, List<String> differences, TestCase.Item firstDiverging, int itemIndex) {
    }

    /** The outcome of a run. */
    public record Summary(long seed, int cases, int edgeCases, int instructions, List<Failure> failures,
        Map<String, Integer> kinds, long millis) {
    }

    private static final int PREFIX_BASE = 10_000_000;
    private static final int MAX_BISECTED = 40;

    private final long seed;
    private final Set<String> excluded;
    private final int count;
    private final int batchSize;
    private final Path workDir;
    private final Consumer<Cpu> wake;

    public DiffRun(long seed, Set<String> excluded, int count, int batchSize, Path workDir, Consumer<Cpu> wake) {
        this.seed = seed;
        this.excluded = excluded;
        this.count = count;
        this.batchSize = batchSize;
        this.workDir = workDir;
        this.wake = wake;
    }

    /** Runs everything and returns the summary (does not assert). */
    public Summary run() {
        long t0 = System.currentTimeMillis();
        CaseGenerator gen = new CaseGenerator(seed, excluded);
        List<List<TestCase>> batches = new ArrayList<>();
        Map<String, Integer> kinds = new TreeMap<>();
        int instructions = 0;
        for (int first = 0; first < count; first += batchSize) {
            List<TestCase> b = new ArrayList<>();
            for (int id = first; id < Math.min(count, first + batchSize); id++) {
                TestCase tc = gen.generate(id);
                instructions += tc.instructions();
                tc.items().forEach(it -> kinds.merge(it.kind(), 1, Integer::sum));
                b.add(tc);
            }
            batches.add(b);
        }
        List<TestCase> edge = EdgeCases.load();
        batches.add(edge);
        List<Failure> failures = new ArrayList<>();
        for (List<Failure> f : parallel(batches, "batch")) {
            failures.addAll(f);
        }
        List<Failure> located = bisect(failures);
        return new Summary(seed, count, edge.size(), instructions, located, kinds, System.currentTimeMillis() - t0);
    }

    private List<List<Failure>> parallel(List<List<TestCase>> batches, String name) {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<Failure>>> futures = new ArrayList<>();
            for (int i = 0; i < batches.size(); i++) {
                List<TestCase> b = batches.get(i);
                Path dir = workDir.resolve(name + "-" + i);
                futures.add(pool.submit(() -> runBatch(b, dir)));
            }
            List<List<Failure>> out = new ArrayList<>();
            for (Future<List<Failure>> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs a built batch on both sides; returns its mismatching cases. */
    public static List<Failure> runBatch(Batch batch, Consumer<Cpu> wake) {
        List<TestCase> cases = batch.cases();
        Path dir = batch.dir();
        List<Record> host = Record.parseAll(batch.runNative(), dir + " (host)");
        XenoscopeRunner.Outcome sim = new XenoscopeRunner(batch, wake).run();
        List<Record> xeno = Record.parseAll(sim.records(), dir + " (xenoscope)");
        List<Failure> failures = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            TestCase tc = cases.get(i);
            List<String> d;
            if (sim.faults().containsKey(tc.id())) {
                d = List.of("xenoscope raised " + sim.faults().get(tc.id()));
            } else if (i >= xeno.size()) {
                d = List.of("xenoscope stopped before this case ended: " + sim.fatal());
            } else {
                d = Comparison.differences(tc, host.get(i), xeno.get(i));
            }
            if (!d.isEmpty()) {
                failures.add(new Failure(tc, d, null, -1));
            }
        }
        return failures;
    }

    private List<Failure> runBatch(List<TestCase> cases, Path dir) {
        return runBatch(new Batch(cases, dir), wake);
    }

    /**
     * Runs every proper prefix of the first mismatching cases in one extra batch; the first item whose prefix
     * mismatches (or the last item, if no proper prefix does) is where the CPUs diverge.
     */
    private List<Failure> bisect(List<Failure> failures) {
        if (failures.isEmpty()) {
            return failures;
        }
        List<TestCase> prefixes = new ArrayList<>();
        int n = Math.min(MAX_BISECTED, failures.size());
        for (int k = 0; k < n; k++) {
            TestCase tc = failures.get(k).tc();
            for (int p = 1; p < tc.items().size(); p++) {
                prefixes.add(tc.prefix(PREFIX_BASE + k * 8 + p, p));
            }
        }
        List<Integer> bad = new ArrayList<>();
        if (!prefixes.isEmpty()) {
            for (Failure f : runBatch(prefixes, workDir.resolve("prefixes"))) {
                bad.add(f.tc().id());
            }
        }
        List<Failure> out = new ArrayList<>();
        for (int k = 0; k < failures.size(); k++) {
            Failure f = failures.get(k);
            if (k >= n) {
                out.add(f);
                continue;
            }
            int first = f.tc().items().size();
            for (int p = f.tc().items().size() - 1; p >= 1; p--) {
                if (bad.contains(PREFIX_BASE + k * 8 + p)) {
                    first = p;
                }
            }
            out.add(new Failure(f.tc(), f.differences(), f.tc().items().get(first - 1), first));
        }
        return out;
    }
}
