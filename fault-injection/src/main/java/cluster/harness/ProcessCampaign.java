package cluster.harness;

import cluster.messages.ApplicationDescription;
import cluster.messages.MasterStateResponse;
import cluster.messages.RecoveryState;
import cluster.sim.Nemesis;
import cluster.sim.Timeline;
import cluster.sim.Variant;
import cluster.sim.Violation;
import cluster.spec.SpecLocation;
import cluster.tracecheck.TraceCheckOptions;
import cluster.tracecheck.TraceChecker;
import cluster.tracecheck.TraceVerdict;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * One campaign of the process harness: a cluster of real processes, a workload of drivers, a faulty phase of
 * {@code durationMs} with one fault at a time drawn from the seed (safety sampled every {@value #SAMPLE_MS} ms),
 * then every fault healed and a quiet phase of up to {@code quietMs} in which the liveness properties must come to
 * hold. Every process it started is killed at the end, whatever happened.
 */
public final class ProcessCampaign {

    static final long SAMPLE_MS = 500;

    /**
     * What to run. {@code dir} receives each node's stderr log, its executors' work directories and the trace
     * ({@code dir/trace}, one file per node, executor and driver).
     */
    public record Options(long seed, long durationMs, long quietMs, Set<Nemesis> nemeses, int masters, int workers,
                          Path dir) {
        public Options {
            if (masters < 1 || masters > 5) {
                throw new IllegalArgumentException("--masters must be 1 to 5: " + masters);
            }
            if (workers < 1 || workers > 8) {
                throw new IllegalArgumentException("--workers must be 1 to 8: " + workers);
            }
            if (durationMs < 1000) {
                throw new IllegalArgumentException("--duration must be at least 1s in process mode: " + durationMs
                        + " ms");
            }
        }
    }

    /**
     * What happened: faults by kind, safety samples taken, the violation (null if none), the verdict of the trace
     * checker on the merged traces (null when the campaign could not get as far), how long it took.
     */
    public record Result(Map<String, Integer> faults, int samples, int drivers, long executorsSeen,
                         long messagesDelivered, long messagesLost, Violation violation, TraceVerdict trace,
                         long wallMs) {
        /** Nothing violated and the trace conforms to the spec. */
        public boolean passed() {
            return violation == null && trace != null && trace.conforms();
        }
    }

    private final Options options;
    private final PrintWriter out;
    private final long startNanos = System.nanoTime();
    private final Map<String, Integer> faults = new TreeMap<>();
    private final Set<String> executorsSeen = new java.util.HashSet<>();
    private final List<HarnessDriver> stopped = new ArrayList<>();
    private int samples;
    private volatile ProcessCluster cluster;
    private Variant variant = Variant.NONE;
    private ProcessTimeline recorder;
    private MachineChecks machines;
    private Timeline timeline;

    public ProcessCampaign(Options options, PrintWriter out) {
        this.options = options;
        this.out = out;
    }

    /**
     * Runs a broken variant in the node processes (test-only; workers then have {@value
     * ProcessVariants#WORKER_MEMORY_MB} MB, see {@link ProcessVariants}); refused for a variant that cannot show.
     */
    public ProcessCampaign variant(Variant broken) {
        String refusal = ProcessVariants.refusal(broken);
        if (refusal != null) {
            throw new IllegalArgumentException("variant " + broken.cliName + " cannot show in a process campaign: "
                    + refusal);
        }
        this.variant = broken;
        return this;
    }

    public Variant variant() {
        return variant;
    }

    public Options options() {
        return options;
    }

    /** How many drivers the workload started so far. */
    int drivers() {
        ProcessCluster c = cluster;
        return c == null ? 0 : c.drivers().size();
    }

    /** What the campaign saw, for its report ({@link ProcessReport}); complete once {@link #run} returned or threw. */
    public Timeline timeline() {
        return timeline;
    }

    public Result run() throws Exception {
        Random workload = new Random(options.seed);
        Result result;
        Path traceDir;
        int memoryMb = variant == Variant.NONE ? 1024 : ProcessVariants.WORKER_MEMORY_MB;
        try (ProcessCluster cluster = new ProcessCluster(new ProcessCluster.Settings(options.masters, options.workers, 2,
                memoryMb, 1000, "4s", options.dir), options.seed).variant(variant)) {
            this.cluster = cluster;
            List<String> nodes = new ArrayList<>(cluster.masters());
            nodes.addAll(cluster.workers());
            recorder = new ProcessTimeline(startNanos, nodes);
            machines = new MachineChecks(2, memoryMb);
            cluster.observe(recorder);
            cluster.network().observe(recorder);
            cluster.start();
            log("%d masters and %d workers started; logs in %s", options.masters, options.workers, options.dir);
            Violation violation = waitFor(cluster, 60_000, this::leaderReady);
            if (violation == null) {
                cluster.submit(app(workload, "app-1"));
                cluster.submit(app(workload, "app-2"));
                violation = faultyPhase(cluster, workload);
            }
            if (violation == null) {
                recorder.healed(elapsedMs());
                log("faults healed; quiet phase of up to %d s", options.quietMs / 1000);
                violation = waitFor(cluster, options.quietMs, c -> ProcessChecks.liveness(healed(c)));
            }
            if (violation != null) {
                log("VIOLATION %s", violation);
            }
            traceDir = cluster.traceDir();
            timeline = recorder.finish(elapsedMs(), violation);
            result = new Result(faults, samples, cluster.drivers().size(), executorsSeen.size(),
                    cluster.network().delivered.get(), cluster.network().lost.get(), violation, null, 0);
        } finally {
            if (timeline == null && recorder != null) {
                timeline = recorder.finish(elapsedMs(), null); // what was seen before the campaign broke off
            }
        }
        // Every process is gone now (closing the cluster killed them and the drivers closed their files): the
        // traces are complete, merged and checked against the spec by TLC.
        log("validating the trace in %s", traceDir);
        TraceVerdict verdict = new TraceChecker(SpecLocation.specDir(), TraceCheckOptions.defaults()
                .withProgress(line -> log("%s", line))).run(traceDir);
        log("trace: %s", verdict.message());
        return new Result(result.faults(), result.samples(), result.drivers(), result.executorsSeen(),
                result.messagesDelivered(), result.messagesLost(), result.violation(), verdict, elapsedMs());
    }

    /** Process ids of every process the campaign started so far (all killed when {@link #run} returns or throws). */
    public List<Long> startedPids() {
        ProcessCluster c = cluster;
        return c == null ? List.of() : c.startedPids();
    }

    private ApplicationDescription app(Random r, String name) {
        Integer maxCores = List.of(-1, 2, 3).get(r.nextInt(3));
        Integer coresPerExecutor = r.nextBoolean() ? 1 : null;
        int memoryMb = r.nextBoolean() ? 256 : 384;
        return new ApplicationDescription(name, maxCores < 0 ? null : maxCores, coresPerExecutor, memoryMb, null,
                List.of());
    }

    private Violation faultyPhase(ProcessCluster cluster, Random workload) throws Exception {
        ProcessNemesis nemesis = new ProcessNemesis(cluster, options.seed, options.nemeses);
        long end = elapsedMs() + options.durationMs;
        boolean rotated = false;
        while (elapsedMs() < end) {
            if (!rotated && elapsedMs() > end - options.durationMs / 2) {
                // Half-way an app ends (its executors must go) and another one comes.
                HarnessDriver first = cluster.drivers().get(0);
                first.stop();
                stopped.add(first);
                cluster.submit(app(workload, "app-3"));
                log("app of %s stopped, app-3 submitted", first.nodeId());
                rotated = true;
            }
            long injected = elapsedMs();
            ProcessNemesis.Fault fault = nemesis.inject();
            if (fault != null) {
                faults.merge(fault.kind().label, 1, Integer::sum);
                log("%s: %s", fault.kind().label, fault.description());
            }
            Violation v = sampleFor(cluster, nemesis.holdMs());
            if (fault != null) {
                fault.heal().heal();
                recorder.fault(fault.kind(), fault.description(), fault.nodes(), injected, elapsedMs());
            }
            if (v == null) {
                v = sampleFor(cluster, nemesis.gapMs());
            }
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** Samples safety for {@code ms}. */
    private Violation sampleFor(ProcessCluster cluster, long ms) throws InterruptedException {
        long until = elapsedMs() + ms;
        while (elapsedMs() < until) {
            Violation v = safety(cluster);
            if (v != null) {
                return v;
            }
            Thread.sleep(Math.max(1, Math.min(SAMPLE_MS, until - elapsedMs())));
        }
        return null;
    }

    /** Samples the cluster: the masters' books, the lease, the machines, the messages seen. */
    private Violation safety(ProcessCluster cluster) {
        samples++;
        List<ProcessCluster.ExecutorProcess> executors = cluster.executorProcesses();
        executors.forEach(e -> executorsSeen.add(e.key()));
        recorder.lease(cluster.lease(), elapsedMs());
        ProcessChecks.Sample s = new ProcessChecks.Sample(elapsedMs(), statuses(cluster), cluster.leaseHistory());
        Violation v = ProcessChecks.safety(s);
        if (v == null) {
            v = recorder.violation();
        }
        return v != null ? v : machines.check(s.atMs(), s.statuses(), executors);
    }

    private static Map<String, MasterStateResponse> statuses(ProcessCluster cluster) {
        Map<String, MasterStateResponse> statuses = new LinkedHashMap<>();
        for (String m : cluster.masters()) {
            MasterStateResponse s = cluster.status(m);
            if (s != null) {
                statuses.put(m, s);
            }
        }
        return statuses;
    }

    private ProcessChecks.Healed healed(ProcessCluster cluster) {
        List<ProcessChecks.DriverView> drivers = new ArrayList<>();
        for (HarnessDriver d : cluster.drivers()) {
            String appId = d.appId();
            boolean ended = stopped.contains(d) || d.ended();
            drivers.add(new ProcessChecks.DriverView(d.nodeId(), appId, d.coresPerExecutor(), ended,
                    d.executors(), cluster.launchedExecutors(appId)));
        }
        List<ProcessCluster.ExecutorProcess> executors = cluster.executorProcesses();
        executors.forEach(e -> executorsSeen.add(e.key()));
        return new ProcessChecks.Healed(elapsedMs(), cluster.lease(), statuses(cluster), executors, drivers);
    }

    private Violation leaderReady(ProcessCluster cluster) {
        ProcessCluster.Lease lease = cluster.lease();
        MasterStateResponse leader = lease == null ? null : cluster.status(lease.leader());
        if (leader != null && leader.status == RecoveryState.ALIVE
                && leader.workers.size() == cluster.workers().size()) {
            return null;
        }
        return new Violation(Violation.Kind.LIVENESS, "LeaderEventuallyAlive", "no leader ALIVE with every worker "
                + "before any fault (lease " + lease + ")", 0, elapsedMs());
    }

    /** Polls {@code check} (and safety) each second until it finds nothing; its last finding if time runs out. */
    private Violation waitFor(ProcessCluster cluster, long ms, java.util.function.Function<ProcessCluster, Violation> check)
            throws InterruptedException {
        long until = elapsedMs() + ms;
        Violation last;
        do {
            Violation unsafe = safety(cluster);
            if (unsafe != null) {
                return unsafe;
            }
            last = check.apply(cluster);
            if (last == null) {
                return null;
            }
            Thread.sleep(1000);
        } while (elapsedMs() < until);
        return last;
    }

    private long elapsedMs() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private void log(String format, Object... args) {
        synchronized (out) {
            out.printf(Locale.ROOT, "  t=%5.1fs " + format + "%n", concat(elapsedMs() / 1000.0, args));
            out.flush();
        }
    }

    private static Object[] concat(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
