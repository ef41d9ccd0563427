package cluster.spec;

import picocli.CommandLine.Option;

/** The flags of check-spec, shared (as a picocli mixin) by {@link CheckSpecMain} and {@code bin/cluster check-spec}. */
public class CheckSpecOptions {
    @Option(names = "--model", paramLabel = "NAME", defaultValue = "ci",
            description = "Model config models/NAME.cfg to check (default: ${DEFAULT-VALUE}).")
    public String model;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "1",
            description = "TLC worker threads (default: ${DEFAULT-VALUE}; the machine is shared).")
    public int workers;

    @Option(names = "--simulate", description = "Random simulation instead of exhaustive search (also set by the model's '\\* mode: simulate' line).")
    public boolean simulate;

    @Option(names = "--depth", paramLabel = "N", description = "Simulation depth bound (default: the model's, else " + TlcOptions.DEFAULT_SIMULATION_DEPTH + ").")
    public Integer depth;

    @Option(names = "--seed", paramLabel = "N", description = "Simulation seed, to repeat a simulation.")
    public Long seed;

    @Option(names = "--traces", paramLabel = "N", description = "Number of behaviours to simulate (default: the model's, else until the timeout).")
    public Long traces;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Stop TLC after this long. Exhaustive: counts as a failure. Simulation: its normal end (default "
                    + CheckSpec.DEFAULT_SIMULATION_SECONDS + " s when no number of traces is given).")
    public Long timeoutSeconds;

    @Option(names = "--list-models", description = "List the models with their purpose and exit.")
    public boolean listModels;

    @Option(names = "--tlc-output", description = "Also print TLC's own output as it runs.")
    public boolean tlcOutput;
}
