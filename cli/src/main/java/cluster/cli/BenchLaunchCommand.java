package cluster.cli;

import cluster.messages.ApplicationDescription;
import cluster.messages.MasterStateResponse;
import cluster.runtime.DriverNode;
import cluster.runtime.FloorProbe;
import cluster.runtime.JavaCommand;
import cluster.runtime.NodeAddress;
import cluster.runtime.SparkConf;
import cluster.runtime.StatusClient;
import cluster.transport.TransportConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/cluster bench launch --executors N}: time from submit to all N executors registered at the driver, on
 * a local cluster of one master and two workers, beside the floor measured in the same run (N bare JVMs with the
 * executor's class path and flags started at once, until each has entered {@code main}).
 */
@Command(name = "launch", mixinStandardHelpOptions = true,
        description = "Submit-to-registered time for N executors on a local 2-worker cluster, beside the JVM floor.")
public final class BenchLaunchCommand implements Callable<Integer> {
    private static final int EXECUTOR_MEMORY_MB = 128;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--executors", required = true, description = "Executors per run (1 core each).")
    int executors;

    @Option(names = "--runs", defaultValue = "5", description = "Measured runs (default ${DEFAULT-VALUE}; at least 5), after one warm-up run.")
    int runs;

    @Option(names = "--json", description = "Print one JSON object with the figures.")
    boolean json;

    @Option(names = "--trace-dir", paramLabel = "DIR", description = "Trace every node into DIR (to measure what tracing costs).")
    Path traceDir;

    @Override
    public Integer call() throws Exception {
        if (executors < 1 || runs < 5) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--executors must be at least 1 and --runs at least 5");
        }
        Path dir = Files.createTempDirectory("cluster-bench-");
        int coresPerWorker = (executors + 1) / 2;
        String memory = (coresPerWorker * EXECUTOR_MEMORY_MB) + "m";
        List<Long> launches = new ArrayList<>();
        List<Long> floors = new ArrayList<>();
        try (LocalCluster cluster = new LocalCluster(dir, List.of())) {
            List<String> tracing = traceDir == null ? List.of() : List.of("--trace-dir", traceDir.toAbsolutePath().toString());
            LocalCluster.NodeProcess master = cluster.startMaster(tracing);
            cluster.startWorker(master.address(), coresPerWorker, memory, tracing);
            cluster.startWorker(master.address(), coresPerWorker, memory, tracing);
            List<String> masters = NodeAddress.mastersFromUrl(master.address());
            for (int run = 0; run <= runs; run++) {
                long launch = launchOnce(masters);
                long floor = floorOnce();
                if (run > 0) { // run 0 warms up the JVMs and the page cache
                    launches.add(launch);
                    floors.add(floor);
                }
                if (!json) {
                    System.out.printf("run %d%s: %d ms to %d executors registered (floor %d ms)%n", run,
                            run == 0 ? " (warm-up)" : "", launch, executors, floor);
                }
                awaitNoExecutors(masters.get(0));
            }
        }
        Collections.sort(launches);
        Collections.sort(floors);
        long median = launches.get(launches.size() / 2);
        long floor = floors.get(floors.size() / 2);
        if (json) {
            System.out.printf("{\"executors\": %d, \"runs\": %d, \"medianMs\": %d, \"minMs\": %d, \"maxMs\": %d, \"floorMs\": %d, "
                            + "\"traced\": %b}%n", executors, runs, median, launches.get(0), launches.get(launches.size() - 1),
                    floor, traceDir != null);
        } else {
            System.out.printf("executors %d, runs %d: median %d ms, min %d ms, max %d ms; floor (median) %d ms; over the floor %d ms%n",
                    executors, runs, median, launches.get(0), launches.get(launches.size() - 1), floor, median - floor);
        }
        return 0;
    }

    /** Submit (driver start) to N executors registered; the driver is stopped afterwards. */
    private long launchOnce(List<String> masters) throws Exception {
        ApplicationDescription app = new ApplicationDescription("bench-launch", executors, 1, EXECUTOR_MEMORY_MB,
                null, List.of());
        long start = System.nanoTime();
        DriverNode driver = DriverNode.start("127.0.0.1", masters, app, new SparkConf(),
                traceDir == null ? null : traceDir.toAbsolutePath().toString());
        try {
            driver.executorsRegistered(executors).get(120, TimeUnit.SECONDS);
            return (System.nanoTime() - start) / 1_000_000;
        } finally {
            driver.stop();
        }
    }

    /** N bare JVMs with the executor's flags started at once, until each has printed that it entered main. */
    private long floorOnce() throws Exception {
        List<String> command = JavaCommand.of(DriverNode.executorJvmOptions(EXECUTOR_MEMORY_MB), FloorProbe.class.getName());
        long start = System.nanoTime();
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < executors; i++) {
            processes.add(new ProcessBuilder(command).redirectErrorStream(true).start());
        }
        for (Process p : processes) {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
                String line;
                do {
                    line = out.readLine();
                } while (line != null && !line.equals("main"));
            }
        }
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        for (Process p : processes) {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        return elapsed;
    }

    /** Between runs: the master's books are empty again (every executor of the last run is gone). */
    private static void awaitNoExecutors(String masterId) throws Exception {
        try (StatusClient client = new StatusClient(TransportConfig.defaults())) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                MasterStateResponse r = client.ask(masterId).get(10, TimeUnit.SECONDS);
                if (r.executors.isEmpty()) {
                    return;
                }
                Thread.sleep(50); // polling a real process between benchmark runs, not a test
            }
            throw new IllegalStateException("executors of the previous run are still booked after 60 s");
        }
    }
}
