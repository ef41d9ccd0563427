package cluster.coordination;

/** A write was refused because the writer's leadership term is no longer the current one. */
public final class LeadershipLostException extends RuntimeException {
    public LeadershipLostException(String message) {
        super(message);
    }
}
