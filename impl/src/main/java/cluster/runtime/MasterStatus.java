package cluster.runtime;

import cluster.master.BookedExecutor;
import cluster.master.LeaderTerm;
import cluster.master.MasterApp;
import cluster.master.MasterState;
import cluster.master.MasterWorker;
import cluster.messages.ApplicationSummary;
import cluster.messages.ExecutorState;
import cluster.messages.ExecutorSummary;
import cluster.messages.MasterStateResponse;
import cluster.messages.RecoveryState;
import cluster.messages.WorkerState;
import cluster.messages.WorkerSummary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The master's view for {@code bin/cluster status}: built on the master's loop from its core's books. */
public final class MasterStatus {
    private MasterStatus() {
    }

    public static MasterStateResponse of(String masterId, MasterState state) {
        LeaderTerm term = state.term();
        RecoveryState status = RecoveryState.valueOf(state.role().name());
        List<WorkerSummary> workers = new ArrayList<>();
        List<ApplicationSummary> apps = new ArrayList<>();
        List<ExecutorSummary> executors = new ArrayList<>();
        if (term == null) {
            return new MasterStateResponse(masterId, status, state.epoch(), workers, apps, executors);
        }
        Map<String, int[]> usedByWorker = new HashMap<>(); // cores, memory
        Map<String, Integer> coresByApp = new HashMap<>();
        term.executors().stream().sorted(Comparator.comparing(BookedExecutor::key)).forEach(e -> {
            int[] used = usedByWorker.computeIfAbsent(e.workerId(), w -> new int[2]);
            used[0] += e.cores();
            used[1] += e.memoryMb();
            coresByApp.merge(e.appId(), e.cores(), Integer::sum);
            executors.add(new ExecutorSummary(e.appId(), e.execId(), e.workerId(), e.cores(), e.memoryMb(),
                    e.state() == BookedExecutor.State.RUNNING ? ExecutorState.RUNNING
                            : e.state() == BookedExecutor.State.LAUNCHING ? ExecutorState.LAUNCHING : ExecutorState.KILLED));
        });
        for (MasterWorker w : term.workers().values()) {
            if (w.state() == MasterWorker.State.NONE) {
                continue;
            }
            NodeAddress address = NodeAddress.parse(w.workerId());
            int[] used = usedByWorker.getOrDefault(w.workerId(), new int[2]);
            workers.add(new WorkerSummary(w.workerId(), address == null ? "" : address.host(),
                    address == null ? 0 : address.port(), w.cores(), used[0], w.memoryMb(), used[1],
                    w.state() == MasterWorker.State.ALIVE ? WorkerState.ALIVE : WorkerState.UNKNOWN));
        }
        for (String appId : term.appOrder()) {
            MasterApp app = term.apps().get(appId);
            apps.add(new ApplicationSummary(app.appId(), app.description().name, app.state(),
                    coresByApp.getOrDefault(appId, 0), app.description().maxCores, app.description().memoryPerExecutorMb));
        }
        return new MasterStateResponse(masterId, status, state.epoch(), workers, apps, executors);
    }
}
