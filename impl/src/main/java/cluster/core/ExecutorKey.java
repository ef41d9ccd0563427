package cluster.core;

import java.util.Objects;

/** An executor's identity, the spec's {@code <<app, id>>}: ids are unique per app, never reused. */
public record ExecutorKey(String appId, int execId) implements Comparable<ExecutorKey> {
    public ExecutorKey {
        Objects.requireNonNull(appId, "appId");
    }

    @Override
    public int compareTo(ExecutorKey other) {
        int byApp = appId.compareTo(other.appId);
        return byApp != 0 ? byApp : Integer.compare(execId, other.execId);
    }

    /** The form used as a timer key and in traces: {@code appId/execId}. */
    @Override
    public String toString() {
        return appId + "/" + execId;
    }
}
