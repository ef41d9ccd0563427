package cluster.worker;

import cluster.core.ExecutorKey;
import cluster.messages.ExecutorDescription;
import cluster.messages.ExecutorState;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A worker process's protocol state: spec {@code wInc} ({@link #incarnation()}), {@code wMaster}
 * ({@link #master()}), {@code wEpoch} ({@link #epochFloor()}), {@code wExecs} ({@link #executors()}),
 * {@code wSeen} ({@link #seen()}), {@code wReports} ({@link #reports()}). A crash loses it all; the
 * restarted process starts from a new incarnation.
 */
public final class WorkerNodeState {
    long incarnation;
    /** The master node it reports to; null: none (the spec's None). */
    String master;
    /** The newest epoch seen in this incarnation: commands of an older epoch are refused (fencing). */
    long epochFloor;
    final Map<ExecutorKey, RunningExecutor> executors = new LinkedHashMap<>();
    /** Executors this incarnation launched, refused or killed: a second LaunchExecutor/KillExecutor is a duplicate. */
    final Set<ExecutorKey> seen = new LinkedHashSet<>();
    final Map<String, PendingReport> reports = new LinkedHashMap<>();
    /** The connection to {@link #master} closed and has not come back (the environment's MasterGone; not a spec variable). */
    boolean masterConnectionLost;

    WorkerNodeState(long incarnation) {
        if (incarnation < 1) {
            throw new IllegalArgumentException("incarnations start at 1: " + incarnation);
        }
        this.incarnation = incarnation;
    }

    public long incarnation() {
        return incarnation;
    }

    public String master() {
        return master;
    }

    public long epochFloor() {
        return epochFloor;
    }

    public Collection<RunningExecutor> executors() {
        return List.copyOf(executors.values());
    }

    public Set<ExecutorKey> seen() {
        return Set.copyOf(seen);
    }

    public Collection<PendingReport> reports() {
        return List.copyOf(reports.values());
    }

    int coresUsed() {
        int used = 0;
        for (RunningExecutor e : executors.values()) {
            used += e.cores();
        }
        return used;
    }

    int memoryUsedMb() {
        int used = 0;
        for (RunningExecutor e : executors.values()) {
            used += e.memoryMb();
        }
        return used;
    }

    /** Spec {@code WorkerExecList(w)}: what WorkerLatestState and WorkerSchedulerStateResponse carry. */
    List<ExecutorDescription> executorList() {
        List<ExecutorDescription> list = new ArrayList<>();
        for (RunningExecutor e : executors.values()) {
            list.add(new ExecutorDescription(e.appId(), e.execId(), e.cores(), e.memoryMb(), ExecutorState.RUNNING));
        }
        return list;
    }
}
