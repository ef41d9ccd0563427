package cluster.spec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to run: the model, the search mode and limits, and optional edits of the working copy (a generated config,
 * replaced spec files) so that callers such as the mutation check never touch the real spec directory.
 * Setters return this for chaining.
 */
public final class TlcOptions {
    /** Depth bound of a simulation when neither the model nor the caller gives one. */
    public static final int DEFAULT_SIMULATION_DEPTH = 100;

    String model = "ci";
    String module = "MC";
    int workers = 1;
    boolean simulate;
    Integer depth;
    Long seed;
    Long traces;
    Duration timeout;
    boolean checkDeadlock = true;
    String configText;
    final Map<String, String> replacedFiles = new LinkedHashMap<>();
    final List<String> jvmArgs = new ArrayList<>();

    /** Options for a model, taking its mode, depth and number of traces from the config's metadata. */
    public static TlcOptions forModel(ModelInfo model) {
        TlcOptions o = new TlcOptions().model(model.name()).simulate(model.simulate());
        if (model.depth() != null) o.depth(model.depth());
        if (model.traces() != null) o.traces(model.traces());
        return o;
    }

    /** The config {@code models/<name>.cfg} to check. */
    public TlcOptions model(String name) { this.model = name; return this; }

    /** The root module TLC checks; the convention is MC (the model wrapper that EXTENDS the protocol). */
    public TlcOptions module(String name) { this.module = name; return this; }

    public TlcOptions workers(int n) { this.workers = n; return this; }

    /** Random simulation ({@code -simulate}) instead of exhaustive BFS. */
    public TlcOptions simulate(boolean on) { this.simulate = on; return this; }

    /** Simulation depth bound ({@code -depth}). */
    public TlcOptions depth(int d) { this.depth = d; return this; }

    /** Simulation seed ({@code -seed}); a seed makes a simulation repeatable. */
    public TlcOptions seed(long s) { this.seed = s; return this; }

    /** Number of behaviours to simulate ({@code -simulate num=N}); without it a simulation runs until the timeout. */
    public TlcOptions traces(long n) { this.traces = n; return this; }

    /** Kill TLC after this long; the result is then {@link TlcOutcome#TIMEOUT}. */
    public TlcOptions timeout(Duration t) { this.timeout = t; return this; }

    /** False passes TLC's {@code -deadlock}, which turns deadlock checking off. */
    public TlcOptions checkDeadlock(boolean on) { this.checkDeadlock = on; return this; }

    /** Check this config text instead of {@code models/<model>.cfg} (written into the working copy). */
    public TlcOptions configText(String cfg) { this.configText = cfg; return this; }

    /** Replace a file of the working copy (path relative to the spec directory), e.g. with a mutated module. */
    public TlcOptions replaceFile(String relativePath, String content) { replacedFiles.put(relativePath, content); return this; }

    /** Extra JVM options for the forked TLC, e.g. {@code -Xmx2g}. */
    public TlcOptions jvmArg(String arg) { jvmArgs.add(arg); return this; }

    public String model() { return model; }
    public int workers() { return workers; }
    public boolean simulate() { return simulate; }
    public int depthOrDefault() { return depth != null ? depth : DEFAULT_SIMULATION_DEPTH; }
    public Long seed() { return seed; }
    public Long traces() { return traces; }
    public Duration timeout() { return timeout; }
}
