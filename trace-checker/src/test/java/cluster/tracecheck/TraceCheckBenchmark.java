package cluster.tracecheck;

import cluster.harness.TracedRuns;
import cluster.spec.SpecLocation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Figures, not a test: writes traces of the in-memory cluster and validates them, printing the verdict and
 * events per second. Run with the test classpath and the Chronicle flags, e.g.
 * {@code java <flags> -cp <test classpath> cluster.tracecheck.TraceCheckBenchmark churn 1150} (about 10,000
 * events), or {@code chaos 1 60} (ClusterChaosTest's schedule for seeds 1 to 60), or {@code check DIR}.
 */
final class TraceCheckBenchmark {
    private TraceCheckBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        switch (args[0]) {
            case "churn" -> {
                Path dir = Files.createTempDirectory("trace-churn-");
                long start = System.nanoTime();
                TracedRuns.churn(dir, Integer.parseInt(args[1]));
                System.out.printf("trace written to %s in %.1f s%n", dir, (System.nanoTime() - start) / 1e9);
                check(dir);
            }
            case "chaos" -> {
                for (long seed = Long.parseLong(args[1]); seed <= Long.parseLong(args[2]); seed++) {
                    Path dir = Files.createTempDirectory("trace-chaos-" + seed + "-");
                    TracedRuns.chaos(dir, seed);
                    System.out.print("seed " + seed + ": ");
                    check(dir);
                }
            }
            case "check" -> check(Path.of(args[1]));
            default -> throw new IllegalArgumentException("churn FAILURES | chaos FROM TO | check DIR");
        }
    }

    private static void check(Path dir) {
        TraceVerdict v = new TraceChecker(SpecLocation.specDir(), TraceCheckOptions.defaults()
                .withProgress(line -> System.out.println("  " + line))).run(dir);
        System.out.println(v.message());
        if (!v.conforms()) {
            System.out.println(v.details());
        }
    }
}
