package cluster.messages;

/** Status client → master: ask for a {@link MasterStateResponse}. */
public final class RequestMasterState extends CatalogueMarshallable implements Message {
    public RequestMasterState() {
    }
}
