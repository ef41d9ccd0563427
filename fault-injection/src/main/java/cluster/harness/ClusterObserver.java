package cluster.harness;

/**
 * What happens to the cluster's processes, told as it happens (the campaign's timeline draws it). Called on the
 * thread that acted (the nemesis, or the start-up).
 */
interface ClusterObserver {
    ClusterObserver NONE = new ClusterObserver() {
    };

    /** A life of the node started and answered {@code init}. */
    default void started(String nodeId, int life) {
    }

    default void killed(String nodeId) {
    }

    default void paused(String nodeId) {
    }

    default void resumed(String nodeId) {
    }
}
