package cluster.messages;

/** App client → master: dynamic allocation sets the target executor total. */
public final class RequestExecutors extends CatalogueMarshallable implements Message {
    public String appId;
    public int requestedTotal;

    public RequestExecutors() {
    }

    public RequestExecutors(String appId, int requestedTotal) {
        this.appId = appId;
        this.requestedTotal = requestedTotal;
    }
}
