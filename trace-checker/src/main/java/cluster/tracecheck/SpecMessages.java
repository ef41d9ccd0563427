package cluster.tracecheck;

import cluster.messages.ApplicationRemoved;
import cluster.messages.ExecutorAdded;
import cluster.messages.ExecutorDescription;
import cluster.messages.ExecutorState;
import cluster.messages.ExecutorStateChanged;
import cluster.messages.ExecutorStateChangedAck;
import cluster.messages.ExecutorUpdated;
import cluster.messages.KillExecutor;
import cluster.messages.KillExecutors;
import cluster.messages.LaunchExecutor;
import cluster.messages.MasterChangeAcknowledged;
import cluster.messages.MasterChanged;
import cluster.messages.Message;
import cluster.messages.ReconnectWorker;
import cluster.messages.RegisterApplication;
import cluster.messages.RegisterExecutor;
import cluster.messages.RegisterWorker;
import cluster.messages.RegisteredApplication;
import cluster.messages.RegisteredExecutor;
import cluster.messages.RegisteredWorker;
import cluster.messages.RequestExecutors;
import cluster.messages.UnregisterApplication;
import cluster.messages.WorkerLatestState;
import cluster.messages.WorkerSchedulerStateResponse;
import cluster.trace.TraceEntry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A wire message as the spec's message record (the records of SparkStandalone.tla's {@code msgs}), or null for
 * messages the spec does not model (heartbeats, MasterInStandby, status requests, tasks...).
 */
final class SpecMessages {
    private final Identities ids;

    SpecMessages(Identities ids) {
        this.ids = ids;
    }

    String record(TraceEntry.MessageRef ref) {
        Message msg = ref.message();
        Map<String, String> r = new LinkedHashMap<>();
        r.put("type", Tla.str(msg.type()));
        if (msg instanceof RegisterWorker m) {
            r.put("dest", Tla.str(ref.to()));
            r.put("worker", Tla.str(m.workerId));
            r.put("inc", Tla.num(ids.inc(m.workerId, m.incarnation)));
        } else if (msg instanceof RegisteredWorker m) {
            toWorker(r, ref.to(), m.incarnation, m.epoch, m.masterId);
        } else if (msg instanceof ReconnectWorker m) {
            toWorker(r, ref.to(), m.incarnation, m.epoch, m.masterId);
        } else if (msg instanceof MasterChanged m) {
            if (ids.role(ref.to()) == Role.DRIVER || ids.descriptions.containsKey(ref.to())) {
                r.put("app", Tla.str(ref.to()));
                r.put("epoch", Tla.num(ids.epoch(m.epoch)));
                r.put("master", Tla.str(m.masterId));
            } else {
                toWorker(r, ref.to(), m.incarnation, m.epoch, m.masterId);
            }
        } else if (msg instanceof WorkerLatestState m) {
            workerState(r, ref.to(), m.workerId, m.incarnation, m.epoch, m.executors);
        } else if (msg instanceof WorkerSchedulerStateResponse m) {
            workerState(r, ref.to(), m.workerId, m.incarnation, m.epoch, m.executors);
        } else if (msg instanceof MasterChangeAcknowledged m) {
            r.put("dest", Tla.str(ref.to()));
            r.put("app", app(m.appId));
            r.put("epoch", Tla.num(ids.epoch(m.epoch)));
        } else if (msg instanceof RegisterApplication m) {
            r.put("dest", Tla.str(ref.to()));
            r.put("app", Tla.str(ids.driverOfKey.getOrDefault(m.registrationKey, ref.from())));
        } else if (msg instanceof RegisteredApplication m) {
            toDriver(r, ref.to(), m.epoch, m.masterId);
        } else if (msg instanceof ApplicationRemoved m) {
            toDriver(r, ref.to(), m.epoch, ref.from());
        } else if (msg instanceof UnregisterApplication m) {
            r.put("dest", Tla.str(ref.to()));
            r.put("app", app(m.appId));
        } else if (msg instanceof RequestExecutors m) {
            r.put("dest", Tla.str(ref.to()));
            r.put("app", app(m.appId));
            r.put("total", Tla.num(m.requestedTotal));
        } else if (msg instanceof KillExecutors m) {
            r.put("dest", Tla.str(ref.to()));
            r.put("app", app(m.appId));
            r.put("id", Tla.num(m.execIds.isEmpty() ? -1 : m.execIds.get(0)));
        } else if (msg instanceof LaunchExecutor m) {
            command(r, m.workerId, m.incarnation, m.epoch, m.appId, m.execId);
            r.put("cores", Tla.num(m.cores));
            r.put("mem", Tla.num(m.memoryMb));
        } else if (msg instanceof KillExecutor m) {
            command(r, m.workerId, m.incarnation, m.epoch, m.appId, m.execId);
        } else if (msg instanceof ExecutorAdded m) {
            r.put("app", app(m.appId));
            r.put("epoch", Tla.num(ids.epoch(m.epoch)));
            r.put("id", Tla.num(m.execId));
            r.put("worker", Tla.str(m.workerId));
        } else if (msg instanceof ExecutorUpdated m) {
            r.put("app", app(m.appId));
            r.put("epoch", Tla.num(ids.epoch(m.epoch)));
            r.put("id", Tla.num(m.execId));
            r.put("state", Tla.str(m.state.name()));
        } else if (msg instanceof ExecutorStateChanged m) {
            r.put("dest", Tla.str(ref.to()));
            r.put("worker", Tla.str(m.workerId));
            r.put("inc", Tla.num(ids.inc(m.workerId, m.incarnation)));
            r.put("app", app(m.appId));
            r.put("id", Tla.num(m.execId));
            r.put("state", Tla.str(m.state.name()));
            r.put("normal", Tla.bool(m.state != ExecutorState.FAILED));
            r.put("driverGone", Tla.bool(m.driverGone));
        } else if (msg instanceof ExecutorStateChangedAck m) {
            r.put("worker", Tla.str(ids.worker(ref.to())));
            r.put("inc", Tla.num(ids.inc(ids.worker(ref.to()), m.incarnation)));
            r.put("app", app(m.appId));
            r.put("id", Tla.num(m.execId));
            r.put("state", Tla.str(m.state.name()));
        } else if (msg instanceof RegisterExecutor m) {
            executor(r, ref.from(), m.appId, m.execId);
        } else if (msg instanceof RegisteredExecutor m) {
            executor(r, ref.to(), m.appId, m.execId);
        } else {
            return null;
        }
        return Tla.record(r);
    }

    private void toWorker(Map<String, String> r, String workerNode, long inc, long epoch, String master) {
        r.put("worker", Tla.str(ids.worker(workerNode)));
        r.put("inc", Tla.num(ids.inc(ids.worker(workerNode), inc)));
        r.put("epoch", Tla.num(ids.epoch(epoch)));
        r.put("master", Tla.str(master));
    }

    private void toDriver(Map<String, String> r, String driverNode, long epoch, String master) {
        r.put("app", Tla.str(driverNode));
        r.put("epoch", Tla.num(ids.epoch(epoch)));
        r.put("master", Tla.str(master));
    }

    private void command(Map<String, String> r, String worker, long inc, long epoch, String appId, int execId) {
        r.put("worker", Tla.str(worker));
        r.put("inc", Tla.num(ids.inc(worker, inc)));
        r.put("epoch", Tla.num(ids.epoch(epoch)));
        r.put("app", app(appId));
        r.put("id", Tla.num(execId));
    }

    private void workerState(Map<String, String> r, String master, String worker, long inc, long epoch,
            List<ExecutorDescription> executors) {
        r.put("dest", Tla.str(master));
        r.put("worker", Tla.str(worker));
        r.put("inc", Tla.num(ids.inc(worker, inc)));
        r.put("epoch", Tla.num(ids.epoch(epoch)));
        List<String> execs = new ArrayList<>();
        for (ExecutorDescription e : executors) {
            execs.add(Tla.record(Map.of("app", app(e.appId), "id", Tla.num(e.execId), "cores", Tla.num(e.cores),
                    "mem", Tla.num(e.memoryMb))));
        }
        r.put("execs", Tla.set(execs));
    }

    private void executor(Map<String, String> r, String executorNode, String appId, int execId) {
        Identities.ExecutorId x = new Identities.ExecutorId(appId, execId);
        r.put("app", app(appId));
        r.put("id", Tla.num(execId));
        r.put("worker", Tla.str(ids.launchWorker.getOrDefault(appId + "/" + execId, "unknown-worker:" + executorNode)));
        String worker = ids.launchWorker.getOrDefault(appId + "/" + execId, "");
        r.put("inc", Tla.num(ids.inc(worker, ids.executorIncarnation(x))));
    }

    private String app(String appId) {
        return Tla.str(ids.app(appId));
    }
}
