package cluster.messages;

/** Master → worker: this master is not the leader; the worker keeps trying the others. */
public final class MasterInStandby extends CatalogueMarshallable implements Message {
    public String masterId;

    public MasterInStandby() {
    }

    public MasterInStandby(String masterId) {
        this.masterId = masterId;
    }
}
