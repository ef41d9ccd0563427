package cluster.cli;

import cluster.messages.ApplicationDescription;
import cluster.runtime.NodeAddress;
import cluster.runtime.SparkConf;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code bin/cluster demo}: a local cluster (one master, two workers) as real processes on loopback, the sample
 * application submitted to it, the launch timeline printed, and everything it started stopped again.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start a local cluster (1 master, 2 workers), run the sample app on it, print the launch timeline, stop it.",
        footer = "Exit codes: 0 the job ran, 1 it did not, 2 bad usage.")
public final class DemoCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", description = "Where logs go (default: a new temporary directory).")
    Path dir;

    @Option(names = "--worker-cores", defaultValue = "2", description = "Cores per worker (default ${DEFAULT-VALUE}).")
    int workerCores;

    @Option(names = "--tasks", defaultValue = "8", description = "Tasks of the sample app (default ${DEFAULT-VALUE}).")
    int tasks;

    @Override
    public Integer call() throws Exception {
        if (workerCores < 1 || tasks < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--worker-cores and --tasks must be at least 1");
        }
        Path home = dir != null ? dir : Files.createTempDirectory("cluster-demo-");
        System.out.println("Demo cluster in " + home + " (node logs and executor output there)");
        long t0 = System.nanoTime();
        try (LocalCluster cluster = new LocalCluster(home, List.of())) {
            LocalCluster.NodeProcess master = cluster.startMaster(List.of());
            System.out.printf("  %7d ms  master %s up (pid %d)%n", ms(t0), master.address(), master.pid());
            for (int i = 0; i < 2; i++) {
                LocalCluster.NodeProcess worker = cluster.startWorker(master.address(), workerCores, "1g", List.of());
                System.out.printf("  %7d ms  %s up (pid %d, %d cores, 1g)%n", ms(t0), worker.address(), worker.pid(),
                        workerCores);
            }
            SparkConf conf = new SparkConf();
            ApplicationDescription app = new ApplicationDescription("Spark Pi (demo)", 2 * workerCores, 1, 256, null,
                    List.of());
            long samples = 2_000_000L;
            System.out.println("Submitting the sample app: " + 2 * workerCores + " executors of 1 core and 256m, "
                    + tasks + " tasks");
            PiApp.Outcome outcome = PiApp.run("127.0.0.1", NodeAddress.mastersFromUrl(master.address()), app, conf,
                    null, tasks, samples, 120);
            PiApp.print(outcome, tasks * samples, System.out);
            System.out.println("Stopping the cluster...");
            cluster.close();
            System.out.printf("Done in %d ms; every process the demo started is stopped.%n", ms(t0));
            return 0;
        } catch (Exception e) {
            System.err.println("demo failed: " + e.getMessage());
            return 1;
        }
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
