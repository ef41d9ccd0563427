package cluster.scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * One scheduling pass with 1,000 waiting apps over 10,000 workers (the target is well under 20 ms).
 * Run with {@code mvn -pl impl test-compile exec:exec@bench}; extra JMH flags can be given with
 * {@code -Dexec.args="-classpath %classpath cluster.scheduler.SchedulerBenchmark -wi 1 -i 3"}.
 *
 * <p>The cluster is half used (free cores uniform in 0..size, sizes 8–64 cores, 32–256 GB), 5% of workers
 * are dead; the apps mix cores per executor unset/1/2/4/8, 1–8 GB executors, core caps of 1–300 and 20%
 * with an executor limit, so the backlog roughly matches the free cores and most apps get executors
 * (an uncapped app early in the queue would take the whole cluster and make the rest trivial skips).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SchedulerBenchmark {
    @Param({"true", "false"})
    public boolean spreadOut;

    @Param({"10000"})
    public int workerCount;

    @Param({"1000"})
    public int appCount;

    private List<WorkerSlot> workers;
    private List<AppDemand> apps;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        int[] coreSizes = {8, 16, 32, 64};
        int[] memorySizesGb = {32, 64, 128, 256};
        workers = new ArrayList<>(workerCount);
        for (int w = 0; w < workerCount; w++) {
            int cores = coreSizes[random.nextInt(coreSizes.length)];
            int memoryMb = memorySizesGb[random.nextInt(memorySizesGb.length)] * 1024;
            workers.add(new WorkerSlot("worker-" + w, random.nextInt(20) != 0,
                    random.nextInt(cores + 1), random.nextInt(memoryMb + 1)));
        }
        int[] executorCores = {0, 0, 0, 0, 1, 2, 4, 8}; // 0: unset
        int[] executorMemoryMb = {1024, 2048, 4096, 8192};
        apps = new ArrayList<>(appCount);
        for (int a = 0; a < appCount; a++) {
            int cpe = executorCores[random.nextInt(executorCores.length)];
            int coresLeft = 1 + random.nextInt(300);
            int limit = random.nextInt(5) == 0 ? 1 + random.nextInt(50) : AppDemand.UNLIMITED;
            apps.add(new AppDemand("app-" + a, cpe == 0 ? OptionalInt.empty() : OptionalInt.of(cpe),
                    executorMemoryMb[random.nextInt(executorMemoryMb.length)], coresLeft, limit, 0));
        }
    }

    @Benchmark
    public SchedulePlan onePass() {
        return Scheduler.schedule(workers, apps, spreadOut);
    }

    public static void main(String[] args) throws RunnerException, org.openjdk.jmh.runner.options.CommandLineOptionException {
        new Runner(new OptionsBuilder()
                .parent(new CommandLineOptions(args))
                .include(SchedulerBenchmark.class.getName())
                .build()).run();
    }
}
