package cluster.messages;

import java.util.ArrayList;
import java.util.List;

/** What a driver asks for when it registers; the command is the executor launch template. */
public final class ApplicationDescription extends CatalogueMarshallable {
    public String name;
    /** Cap on the cores of the whole app; null = the master default. */
    public @Nullable Integer maxCores;
    /** Null = one executor per worker taking all the cores the app may still have. */
    public @Nullable Integer coresPerExecutor;
    public int memoryPerExecutorMb;
    /** Dynamic allocation starts from this limit; null = no limit. */
    public @Nullable Integer initialExecutorLimit;
    /** Executor command template with {{EXECUTOR_ID}}, {{HOSTNAME}}, {{CORES}}, {{APP_ID}}, {{WORKER_URL}}. */
    public List<String> command = new ArrayList<>();

    public ApplicationDescription() {
    }

    public ApplicationDescription(String name, Integer maxCores, Integer coresPerExecutor, int memoryPerExecutorMb,
            Integer initialExecutorLimit, List<String> command) {
        this.name = name;
        this.maxCores = maxCores;
        this.coresPerExecutor = coresPerExecutor;
        this.memoryPerExecutorMb = memoryPerExecutorMb;
        this.initialExecutorLimit = initialExecutorLimit;
        this.command = new ArrayList<>(command);
    }
}
