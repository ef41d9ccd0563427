package cluster.cli;

import cluster.app.TaskScheduler.TaskResult;
import cluster.app.Tasks;
import cluster.messages.ApplicationDescription;
import cluster.runtime.DriverNode;
import cluster.runtime.SparkConf;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The bundled sample application: estimates pi with tasks spread over its executors (Spark's SparkPi),
 * then prints the estimate, which executor ran which task, and the launch timeline.
 */
final class PiApp {
    private PiApp() {
    }

    record Outcome(double pi, List<TaskResult> results, List<DriverNode.TimelineEvent> timeline) {
    }

    /** Runs the app to its end; the driver is stopped in every case. */
    static Outcome run(String driverHost, List<String> masters, ApplicationDescription description, SparkConf conf,
            String traceDir, int tasks, long samplesPerTask, long timeoutSeconds) throws Exception {
        return run(driverHost, masters, description, conf, traceDir, tasks, samplesPerTask, timeoutSeconds, d -> { });
    }

    /** As above; {@code whileRunning} is called (on this thread) once the tasks were handed out. */
    static Outcome run(String driverHost, List<String> masters, ApplicationDescription description, SparkConf conf,
            String traceDir, int tasks, long samplesPerTask, long timeoutSeconds,
            java.util.function.Consumer<DriverNode> whileRunning) throws Exception {
        DriverNode driver = DriverNode.start(driverHost, masters, description, conf, traceDir);
        try {
            driver.registered().get(timeoutSeconds, TimeUnit.SECONDS);
            int expected = expectedExecutors(description);
            if (expected > 0) { // a known executor count: start the job with all of them, as the timeline shows
                driver.executorsRegistered(expected).get(timeoutSeconds, TimeUnit.SECONDS);
            }
            List<String> payloads = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                payloads.add(Tasks.piTask(samplesPerTask, 1_000_003L * (i + 1)));
            }
            java.util.concurrent.CompletableFuture<List<TaskResult>> job = driver.runTasks(payloads);
            whileRunning.accept(driver);
            List<TaskResult> results = job.get(timeoutSeconds, TimeUnit.SECONDS);
            long inside = results.stream().mapToLong(r -> Long.parseLong(r.result())).sum();
            double pi = 4.0 * inside / (samplesPerTask * (double) tasks);
            return new Outcome(pi, results, driver.timeline());
        } finally {
            driver.stop();
        }
    }

    /** cores.max / executor cores when both are set (the count the master will grant), else 0 (unknown). */
    static int expectedExecutors(ApplicationDescription description) {
        return description.maxCores != null && description.coresPerExecutor != null
                ? description.maxCores / description.coresPerExecutor : 0;
    }

    static void print(Outcome outcome, long samples, PrintStream out) {
        out.printf("Pi is roughly %.6f (%,d samples)%n", outcome.pi(), samples);
        Map<Integer, List<Long>> byExecutor = new TreeMap<>();
        outcome.results().forEach(r -> byExecutor.computeIfAbsent(r.execId(), e -> new ArrayList<>()).add(r.taskId()));
        byExecutor.forEach((exec, taskIds) -> out.printf("  executor %d ran tasks %s%n", exec, taskIds));
        out.println("Launch timeline (ms since the driver started):");
        for (DriverNode.TimelineEvent e : outcome.timeline()) {
            out.printf("  %7d ms  %s%n", e.atMs(), e.what());
        }
    }
}
