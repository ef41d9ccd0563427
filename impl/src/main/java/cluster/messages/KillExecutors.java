package cluster.messages;

import java.util.ArrayList;
import java.util.List;

/** App client → master: kill these executors of the app. */
public final class KillExecutors extends CatalogueMarshallable implements Message {
    public String appId;
    public List<Integer> execIds = new ArrayList<>();

    public KillExecutors() {
    }

    public KillExecutors(String appId, List<Integer> execIds) {
        this.appId = appId;
        this.execIds = new ArrayList<>(execIds);
    }
}
