package cluster.messages;

/** One application in a {@link MasterStateResponse}. */
public final class ApplicationSummary extends CatalogueMarshallable {
    public String appId;
    public String name;
    public ApplicationState state;
    public int coresGranted;
    public @Nullable Integer maxCores;
    public int memoryPerExecutorMb;

    public ApplicationSummary() {
    }

    public ApplicationSummary(String appId, String name, ApplicationState state, int coresGranted, Integer maxCores,
            int memoryPerExecutorMb) {
        this.appId = appId;
        this.name = name;
        this.state = state;
        this.coresGranted = coresGranted;
        this.maxCores = maxCores;
        this.memoryPerExecutorMb = memoryPerExecutorMb;
    }
}
