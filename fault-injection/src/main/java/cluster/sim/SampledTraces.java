package cluster.sim;

import cluster.trace.TraceSink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Stream;

/**
 * The runs of a campaign whose traces are kept for the trace checker: every {@code every}-th seed from the first,
 * each written to {@code root/seed-S/<node>.trace.jsonl} ({@link TraceFiles}). The root is the user's directory, or a
 * temporary one that {@link #close()} removes.
 */
public final class SampledTraces implements AutoCloseable {
    private final Path root;
    private final boolean temporary;
    private final long firstSeed;
    private final int every;
    private final Set<Long> traced = new ConcurrentSkipListSet<>();

    private SampledTraces(Path root, boolean temporary, long firstSeed, int every) {
        if (every < 0) {
            throw new IllegalArgumentException("--trace-every must be 0 (off) or more: " + every);
        }
        this.root = root;
        this.temporary = temporary;
        this.firstSeed = firstSeed;
        this.every = every;
    }

    /** No run traced. */
    public static SampledTraces none() {
        return new SampledTraces(null, false, 0, 0);
    }

    /** Every {@code every}-th run from {@code firstSeed} traced into {@code dir}, which is kept (0: none). */
    public static SampledTraces in(Path dir, long firstSeed, int every) {
        return new SampledTraces(dir, false, firstSeed, every);
    }

    /** As {@link #in}, into a temporary directory removed by {@link #close()}. */
    public static SampledTraces temporary(long firstSeed, int every) {
        if (every == 0) {
            return none();
        }
        try {
            return new SampledTraces(Files.createTempDirectory("campaign-traces"), true, firstSeed, every);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for the sampled traces", e);
        }
    }

    public boolean enabled() {
        return every > 0;
    }

    /** Where a sampled seed's trace goes (also when none was written). */
    public Path dirOf(long seed) {
        return root.resolve("seed-" + seed);
    }

    /** The sink of a run: trace files for a sampled seed, else {@link TraceSink#NONE}. Any thread may ask. */
    public TraceSink sink(long seed) {
        if (!enabled() || (seed - firstSeed) % every != 0) {
            return TraceSink.NONE;
        }
        traced.add(seed);
        return new TraceFiles(dirOf(seed));
    }

    /** The seeds traced so far, in order. */
    public List<Long> seeds() {
        return List.copyOf(new TreeSet<>(traced));
    }

    @Override
    public void close() {
        if (!temporary) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the sampled traces in " + root, e);
        }
    }
}
