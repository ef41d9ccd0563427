package cluster.scheduler;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * What a waiting application asks of one scheduling pass (Spark's ApplicationInfo plus the default
 * resource profile's executor description).
 *
 * @param appId               the application id, copied into every planned executor
 * @param coresPerExecutor    {@code spark.executor.cores}; empty means "one executor per worker per pass,
 *                            holding as many cores as it can get" (standalone's default)
 * @param memoryPerExecutorMb {@code spark.executor.memory} in MB (overhead is not counted in standalone)
 * @param coresLeft           cap − cores already granted, the cap being {@code spark.cores.max} or the
 *                            master's {@code spark.deploy.defaultCores}; {@link #UNLIMITED} when neither is set
 * @param executorLimit       the dynamic-allocation executor target; {@link #UNLIMITED} by default
 * @param currentExecutors    the app's executors that are LAUNCHING or RUNNING (they count against the limit)
 */
public record AppDemand(String appId, OptionalInt coresPerExecutor, int memoryPerExecutorMb,
                        int coresLeft, int executorLimit, int currentExecutors) {
    /** Spark's Int.MaxValue, used for "no cap" and "no executor limit". */
    public static final int UNLIMITED = Integer.MAX_VALUE;

    public AppDemand {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(coresPerExecutor, "coresPerExecutor");
        if (coresPerExecutor.isPresent() && coresPerExecutor.getAsInt() < 1) {
            throw new IllegalArgumentException("coresPerExecutor must be at least 1: " + coresPerExecutor);
        }
        if (memoryPerExecutorMb < 0) {
            throw new IllegalArgumentException("memoryPerExecutorMb must not be negative: " + memoryPerExecutorMb);
        }
        if (currentExecutors < 0) {
            throw new IllegalArgumentException("currentExecutors must not be negative: " + currentExecutors);
        }
    }

    /** An app with Spark's defaults: cores per executor unset, no core cap, no executor limit, no executors yet. */
    public static AppDemand of(String appId, int memoryPerExecutorMb) {
        return new AppDemand(appId, OptionalInt.empty(), memoryPerExecutorMb, UNLIMITED, UNLIMITED, 0);
    }

    public AppDemand withCoresPerExecutor(int cores) {
        return new AppDemand(appId, OptionalInt.of(cores), memoryPerExecutorMb, coresLeft, executorLimit, currentExecutors);
    }

    public AppDemand withCoresLeft(int cores) {
        return new AppDemand(appId, coresPerExecutor, memoryPerExecutorMb, cores, executorLimit, currentExecutors);
    }

    public AppDemand withExecutorLimit(int limit) {
        return new AppDemand(appId, coresPerExecutor, memoryPerExecutorMb, coresLeft, limit, currentExecutors);
    }

    public AppDemand withCurrentExecutors(int count) {
        return new AppDemand(appId, coresPerExecutor, memoryPerExecutorMb, coresLeft, executorLimit, count);
    }

    /** One allocation step: a whole executor when cores per executor is set, else one core. */
    public int minCoresPerExecutor() {
        return coresPerExecutor.orElse(1);
    }

    /** Cores per executor unset: at most one (growing) executor per worker per pass. */
    public boolean oneExecutorPerWorker() {
        return coresPerExecutor.isEmpty();
    }
}
