package cluster.sim;

import cluster.master.MasterConfig;
import cluster.spec.SpecLocation;
import cluster.tracecheck.TraceCheckOptions;
import cluster.tracecheck.TraceChecker;
import cluster.tracecheck.TraceVerdict;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The sampled runs of a campaign validated by the trace checker (TLC on TraceSparkStandalone.tla), one after the
 * other once the runs are done: each run's trace must conform to the spec.
 */
public final class TraceValidation {
    /** TLC is stopped after this long on one trace (a sampled run's trace takes seconds). */
    static final Duration TIMEOUT = Duration.ofMinutes(10);

    /**
     * A sampled run whose trace the checker did not accept.
     *
     * @param replay the command that runs the seed again, keeps its trace and validates it
     */
    public record Rejected(long seed, TraceVerdict verdict, String replay) {
    }

    /**
     * @param events   events in the validated traces
     * @param nanos    wall time of the validation
     * @param rejected the traces that do not conform (or could not be checked), by seed
     */
    public record Result(int validated, int conform, long events, long nanos, List<Rejected> rejected) {
        public static final Result NONE = new Result(0, 0, 0, 0, List.of());
    }

    private TraceValidation() {
    }

    /** Validates the trace of every sampled seed; {@code progress} hears one line per trace. */
    public static Result validate(SampledTraces traces, SimOptions base, Consumer<String> progress) {
        long start = System.nanoTime();
        List<Long> seeds = traces.seeds();
        List<Rejected> rejected = new ArrayList<>();
        int conform = 0;
        long events = 0;
        for (int i = 0; i < seeds.size(); i++) {
            long seed = seeds.get(i);
            SimOptions run = base.withSeed(seed);
            Path dir = traces.dirOf(seed);
            TraceVerdict v = checker(run).run(dir);
            events += v.events();
            progress.accept(String.format(Locale.ROOT, "  trace %d/%d (seed %d): %s", i + 1, seeds.size(), seed,
                    v.message()));
            if (v.kind() == TraceVerdict.Kind.CONFORMS) {
                conform++;
            } else {
                rejected.add(new Rejected(seed, v, run.replayCommand() + " --trace-every 1 --trace-dir DIR"));
            }
        }
        return new Result(seeds.size(), conform, events, System.nanoTime() - start, rejected);
    }

    /**
     * The checker with the masters' settings of the run: the simulator draws {@code spark.deploy.defaultCores} and
     * {@code maxExecutorRetries} from the seed, and a trace does not show them.
     */
    static TraceChecker checker(SimOptions run) {
        MasterConfig config = new Simulation(run).masters.get(0).config;
        return new TraceChecker(SpecLocation.specDir(), TraceCheckOptions.defaults()
                .withMasterSettings(config.defaultCores(), config.maxExecutorRetries()).withTimeout(TIMEOUT));
    }
}
