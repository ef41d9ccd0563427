package cluster.sim;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one simulated run is: its seed (everything else random comes from it), how many steps the faulty phase
 * lasts, the cluster's size, which nemeses may strike, and which broken variant of the protocol runs (if any).
 *
 * @param steps           steps of the faulty phase; the quiet phase that follows (faults healed) adds its own
 * @param masters         masters taking part in the election
 * @param workers         worker machines
 * @param lossyPartitions partitions lose the messages that meet them (the spec's network, where any message may be
 *                        lost); otherwise they hold them until they heal, as TCP retransmits over a stalled connection
 */
public record SimOptions(long seed, int steps, int masters, int workers, Set<Nemesis> nemeses, Variant variant,
                         boolean lossyPartitions) {
    public static final int MAX_MASTERS = 5;
    public static final int MAX_WORKERS = 8;

    public SimOptions {
        Objects.requireNonNull(nemeses, "nemeses");
        Objects.requireNonNull(variant, "variant");
        nemeses = nemeses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(nemeses));
        if (steps < 1) {
            throw new IllegalArgumentException("--steps must be at least 1: " + steps);
        }
        if (masters < 1 || masters > MAX_MASTERS) {
            throw new IllegalArgumentException("--masters must be 1.." + MAX_MASTERS + ": " + masters);
        }
        if (workers < 1 || workers > MAX_WORKERS) {
            throw new IllegalArgumentException("--workers must be 1.." + MAX_WORKERS + ": " + workers);
        }
    }

    /** TCP-like partitions. */
    public SimOptions(long seed, int steps, int masters, int workers, Set<Nemesis> nemeses, Variant variant) {
        this(seed, steps, masters, workers, nemeses, variant, false);
    }

    /** Every nemesis, 3 masters, 3 workers, 500 steps, TCP-like partitions, the protocol as built. */
    public static SimOptions defaults(long seed) {
        return new SimOptions(seed, 500, 3, 3, EnumSet.allOf(Nemesis.class), Variant.NONE, false);
    }

    public SimOptions withSeed(long newSeed) {
        return new SimOptions(newSeed, steps, masters, workers, nemeses, variant, lossyPartitions);
    }

    public SimOptions withSteps(int newSteps) {
        return new SimOptions(seed, newSteps, masters, workers, nemeses, variant, lossyPartitions);
    }

    public SimOptions withVariant(Variant newVariant) {
        return new SimOptions(seed, steps, masters, workers, nemeses, newVariant, lossyPartitions);
    }

    public SimOptions withNemeses(Set<Nemesis> newNemeses) {
        return new SimOptions(seed, steps, masters, workers, newNemeses, variant, lossyPartitions);
    }

    public SimOptions withLossyPartitions(boolean lossy) {
        return new SimOptions(seed, steps, masters, workers, nemeses, variant, lossy);
    }

    /** The nemesis list as the command line spells it, in a fixed order. */
    public String nemesisList() {
        return java.util.Arrays.stream(Nemesis.values()).filter(nemeses::contains)
                .map(Nemesis::cliName).collect(Collectors.joining(","));
    }

    /** The command that replays exactly this run. */
    public String replayCommand() {
        StringBuilder b = new StringBuilder("bin/cluster campaign --mode sim --seed ").append(seed)
                .append(" --runs 1 --steps ").append(steps)
                .append(" --masters ").append(masters).append(" --workers ").append(workers)
                .append(" --nemesis ").append(nemeses.isEmpty() ? "none" : nemesisList());
        if (variant != Variant.NONE) {
            b.append(" --variant ").append(variant.cliName);
        }
        if (lossyPartitions) {
            b.append(" --lossy-partitions");
        }
        return b.toString();
    }
}
