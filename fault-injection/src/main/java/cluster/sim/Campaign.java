package cluster.sim;

import cluster.trace.TraceSink;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.LongFunction;
import java.util.stream.IntStream;

/**
 * Many independent runs, seeds {@code seed, seed + 1, ...}, spread over a few threads (each run is single-threaded
 * and shares nothing, so the result does not depend on the threads). Failing runs are listed by seed.
 */
public final class Campaign {

    /**
     * @param failures   the failing runs, by seed
     * @param wallNanos  how long the campaign took (measured by the caller's clock, for the throughput figures)
     */
    public record Summary(int runs, long steps, long faultySteps, long launches, Map<String, Integer> faults,
                          List<RunResult> failures, long wallNanos) {

        public double runsPerMinute() {
            return runs * 60e9 / Math.max(1, wallNanos);
        }

        public double stepsPerSecond() {
            return steps * 1e9 / Math.max(1, wallNanos);
        }

        public int faultsInjected() {
            return faults.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private Campaign() {
    }

    /**
     * Runs {@code runs} seeds from {@code base.seed()} on {@code threads} threads; {@code progress} hears the number
     * of runs done so far (from any thread).
     */
    public static Summary run(SimOptions base, int runs, int threads, IntConsumer progress) {
        return run(base, runs, threads, progress, seed -> TraceSink.NONE);
    }

    /**
     * As {@link #run(SimOptions, int, int, IntConsumer)}, tracing the runs whose seed {@code traces} gives a sink for
     * ({@link TraceSink#NONE}: not traced), so sampled runs can be validated by the trace checker.
     */
    public static Summary run(SimOptions base, int runs, int threads, IntConsumer progress,
            LongFunction<TraceSink> traces) {
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be at least 1: " + runs);
        }
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime(); // wall clock only for the figures; no run ever reads it
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, threads));
        List<RunResult> results;
        try {
            results = pool.submit(() -> IntStream.range(0, runs).parallel().mapToObj(i -> {
                long seed = base.seed() + i;
                RunResult r = new Simulation(base.withSeed(seed), null, traces.apply(seed)).run();
                progress.accept(done.incrementAndGet());
                return r;
            }).toList()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("campaign interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a run crashed the simulator: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        long wall = System.nanoTime() - start;
        return summarize(results, wall);
    }

    /**
     * Runs seeds {@code base.seed(), base.seed() + 1, ...} in batches until {@code durationNanos} of wall time have
     * passed (the batch under way finishes) or {@code maxRuns} runs are done.
     */
    public static Summary runFor(SimOptions base, long durationNanos, int maxRuns, int threads, IntConsumer progress,
            LongFunction<TraceSink> traces) {
        if (durationNanos <= 0) {
            throw new IllegalArgumentException("--duration must be positive");
        }
        long start = System.nanoTime();
        int batch = Math.max(1, threads) * 25;
        List<Summary> batches = new ArrayList<>();
        int done = 0;
        while (done < maxRuns && System.nanoTime() - start < durationNanos) {
            int size = Math.min(batch, maxRuns - done);
            int before = done;
            batches.add(run(base.withSeed(base.seed() + done), size, threads, n -> progress.accept(before + n), traces));
            done += size;
        }
        return merge(batches, System.nanoTime() - start);
    }

    private static Summary merge(List<Summary> parts, long wallNanos) {
        int runs = 0;
        long steps = 0;
        long faulty = 0;
        long launches = 0;
        Map<String, Integer> faults = new TreeMap<>();
        List<RunResult> failures = new ArrayList<>();
        for (Summary s : parts) {
            runs += s.runs();
            steps += s.steps();
            faulty += s.faultySteps();
            launches += s.launches();
            s.faults().forEach((k, v) -> faults.merge(k, v, Integer::sum));
            failures.addAll(s.failures());
        }
        failures.sort(Comparator.comparingLong(r -> r.options().seed()));
        return new Summary(runs, steps, faulty, launches, faults, failures, wallNanos);
    }

    static Summary summarize(List<RunResult> results, long wallNanos) {
        long steps = 0;
        long faulty = 0;
        long launches = 0;
        Map<String, Integer> faults = new TreeMap<>();
        List<RunResult> failures = new ArrayList<>();
        for (RunResult r : results) {
            steps += r.steps();
            faulty += r.faultySteps();
            launches += r.launches();
            r.faults().forEach((k, v) -> faults.merge(k, v, Integer::sum));
            if (r.failed()) {
                failures.add(r);
            }
        }
        failures.sort(Comparator.comparingLong(r -> r.options().seed()));
        return new Summary(results.size(), steps, faulty, launches, faults, failures, wallNanos);
    }
}
