package cluster.master;

/**
 * Makes application ids (injected, so the core never reads a clock or a random source). Ids must
 * be unique across leader terms; the default uses the term's epoch, which no other term shares.
 */
@FunctionalInterface
public interface AppIds {

    /** The id of the {@code sequence}-th application (from 0) this master registers in the term of {@code epoch}. */
    String appId(long epoch, int sequence);

    /** {@code app-<epoch>-<sequence>}, e.g. {@code app-3-0001}. */
    static AppIds byEpoch() {
        return (epoch, sequence) -> String.format("app-%d-%04d", epoch, sequence);
    }
}
