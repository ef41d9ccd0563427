package cluster.cli;

import cluster.runtime.SparkSizes;
import cluster.scheduler.AppAllocation;
import cluster.scheduler.AppDemand;
import cluster.scheduler.PlannedExecutor;
import cluster.scheduler.Scheduler;
import cluster.scheduler.WorkerSlot;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/cluster plan}: where the master would launch one new app's executors on the given free
 * workers, using the real scheduler ({@link Scheduler}, Spark's startExecutorsOnWorkers). Nothing is started.
 * Bad values exit 2 with a message naming the flag (converters throw TypeConversionException, which
 * picocli reports as a usage error).
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Show where one app's executors would be placed on the given workers (no cluster needed).")
public final class PlanCommand implements Callable<Integer> {

    /** A worker as given on the command line: free cores and free memory. */
    record WorkerSpec(int cores, int memoryMb) {
    }

    @Option(names = "--worker", required = true, paramLabel = "CORES:MEMORY", converter = WorkerConverter.class,
            description = "A worker's free cores and memory (MB, or a size such as 4g); repeat for each worker, "
                    + "in registration order.")
    List<WorkerSpec> workers = new ArrayList<>();

    @Option(names = "--executor-memory", paramLabel = "SIZE", defaultValue = "1g", converter = ExecutorMemoryConverter.class,
            description = "Memory per executor (spark.executor.memory), default ${DEFAULT-VALUE}.")
    int executorMemoryMb;

    @Option(names = "--executor-cores", paramLabel = "N", converter = PositiveIntConverter.class,
            description = "Cores per executor (spark.executor.cores); unset: one executor per worker taking all the cores it can.")
    Integer executorCores;

    @Option(names = "--total-executor-cores", paramLabel = "N", converter = PositiveIntConverter.class,
            description = "Cores the app may hold in total (spark.cores.max).")
    Integer totalExecutorCores;

    @Option(names = "--default-cores", paramLabel = "N", converter = PositiveIntConverter.class,
            description = "The master's cap for apps without --total-executor-cores (spark.deploy.defaultCores); default unlimited.")
    Integer defaultCores;

    @Option(names = "--executor-limit", paramLabel = "N", converter = NonNegativeIntConverter.class,
            description = "Executor target of dynamic allocation (0 allowed); default unlimited.")
    Integer executorLimit;

    @Option(names = "--spread-out", arity = "1", paramLabel = "true|false", defaultValue = "true",
            converter = StrictBooleanConverter.class,
            description = "spark.deploy.spreadOut: round robin over workers (true, default) or fill one worker first (false).")
    boolean spreadOut;

    @Option(names = "--json", description = "Print one JSON object: {\"coresPerWorker\":[...],\"executors\":[{\"worker\":i,\"cores\":c,\"memoryMb\":m},...]}.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<WorkerSlot> slots = new ArrayList<>();
        for (int i = 0; i < workers.size(); i++) {
            slots.add(WorkerSlot.alive("worker-" + i, workers.get(i).cores(), workers.get(i).memoryMb()));
        }
        AppAllocation plan = Scheduler.schedule(slots, List.of(appDemand()), spreadOut).apps().get(0);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? toJson(plan) : toTable(plan));
        out.flush();
        return 0;
    }

    /** A fresh app: no cores granted and no executors yet, so coresLeft is the whole cap. */
    AppDemand appDemand() {
        int cap = totalExecutorCores != null ? totalExecutorCores
                : defaultCores != null ? defaultCores : AppDemand.UNLIMITED;
        OptionalInt cpe = executorCores == null ? OptionalInt.empty() : OptionalInt.of(executorCores);
        int limit = executorLimit == null ? AppDemand.UNLIMITED : executorLimit;
        return new AppDemand("app", cpe, executorMemoryMb, cap, limit, 0);
    }

    static String toJson(AppAllocation plan) {
        StringBuilder json = new StringBuilder("{\"coresPerWorker\":[");
        int[] cores = plan.coresPerWorker();
        for (int i = 0; i < cores.length; i++) {
            json.append(i == 0 ? "" : ",").append(cores[i]);
        }
        json.append("],\"executors\":[");
        List<PlannedExecutor> executors = plan.executors();
        for (int i = 0; i < executors.size(); i++) {
            PlannedExecutor e = executors.get(i);
            json.append(i == 0 ? "" : ",").append("{\"worker\":").append(e.workerIndex())
                    .append(",\"cores\":").append(e.cores()).append(",\"memoryMb\":").append(e.memoryMb()).append('}');
        }
        return json.append("]}\n").toString();
    }

    String toTable(AppAllocation plan) {
        StringBuilder text = new StringBuilder();
        AppDemand app = appDemand();
        text.append(String.format("spreadOut=%s, executor cores %s, executor memory %d MB, core cap %s, executor limit %s%n",
                spreadOut, executorCores == null ? "unset (one executor per worker)" : executorCores,
                executorMemoryMb, unlimitedOr(app.coresLeft()), unlimitedOr(app.executorLimit())));
        text.append(String.format("%nworker  freeCores  freeMemoryMb  assignedCores%n"));
        int[] assigned = plan.coresPerWorker();
        for (int i = 0; i < workers.size(); i++) {
            text.append(String.format("%6d  %9d  %12d  %13d%n", i, workers.get(i).cores(), workers.get(i).memoryMb(), assigned[i]));
        }
        text.append(String.format("%nexecutor  worker  cores  memoryMb%n"));
        List<PlannedExecutor> executors = plan.executors();
        for (int i = 0; i < executors.size(); i++) {
            PlannedExecutor e = executors.get(i);
            text.append(String.format("%8d  %6d  %5d  %8d%n", i, e.workerIndex(), e.cores(), e.memoryMb()));
        }
        text.append(String.format("%n%d executors, %d cores%n", executors.size(), plan.totalCores()));
        return text.toString();
    }

    private static String unlimitedOr(int value) {
        return value == AppDemand.UNLIMITED ? "unlimited" : Integer.toString(value);
    }

    static final class WorkerConverter implements CommandLine.ITypeConverter<WorkerSpec> {
        @Override
        public WorkerSpec convert(String value) {
            String[] parts = value.split(":", -1);
            if (parts.length != 2) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not CORES:MEMORY (example: 8:16g)");
            }
            int cores = parseInt(parts[0].trim(), 0, "worker cores");
            long memoryMb;
            try {
                memoryMb = SparkSizes.toMb(parts[1]);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("worker memory " + e.getMessage());
            }
            if (memoryMb > Integer.MAX_VALUE) {
                throw new CommandLine.TypeConversionException("worker memory '" + parts[1] + "' is too large");
            }
            return new WorkerSpec(cores, (int) memoryMb);
        }
    }

    static final class ExecutorMemoryConverter implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            long mb;
            try {
                mb = SparkSizes.toMb(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
            if (mb < 1 || mb > Integer.MAX_VALUE) {
                throw new CommandLine.TypeConversionException("'" + value + "' must be between 1 MB and "
                        + Integer.MAX_VALUE + " MB");
            }
            return (int) mb;
        }
    }

    static final class PositiveIntConverter implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return parseInt(value, 1, "value");
        }
    }

    static final class NonNegativeIntConverter implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return parseInt(value, 0, "value");
        }
    }

    /** Only the words true and false (any case): a typo like "maybe" or "yes" must not silently mean false. */
    static final class StrictBooleanConverter implements CommandLine.ITypeConverter<Boolean> {
        @Override
        public Boolean convert(String value) {
            if (value.equalsIgnoreCase("true")) {
                return true;
            }
            if (value.equalsIgnoreCase("false")) {
                return false;
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not true or false");
        }
    }

    private static int parseInt(String value, int min, String what) {
        int parsed;
        try {
            parsed = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException(what + " '" + value + "' is not a whole number");
        }
        if (parsed < min) {
            throw new CommandLine.TypeConversionException(what + " " + parsed + " must be at least " + min);
        }
        return parsed;
    }
}
