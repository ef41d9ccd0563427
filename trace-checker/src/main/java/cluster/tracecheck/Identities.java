package cluster.tracecheck;

import cluster.messages.ApplicationDescription;
import cluster.messages.LaunchExecutor;
import cluster.messages.Message;
import cluster.messages.RegisterApplication;
import cluster.messages.RegisterExecutor;
import cluster.messages.RegisterWorker;
import cluster.messages.RegisteredApplication;
import cluster.trace.TraceEntry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The spec's identities behind the implementation's names, learned from the trace itself: a master is its
 * node id; a worker is its {@code workerId}; an app ({@code a} in the spec) is its driver's node id, known on
 * the wire by its registration key and, once registered, by its app id; an executor process is the record
 * (app, id) in the wExecs of the worker that launched it. Also the constants the spec needs (every master,
 * worker and app, worker size, app shapes).
 */
final class Identities {
    final Map<String, Role> roles = new LinkedHashMap<>();
    final TreeSet<String> masters = new TreeSet<>();
    /** worker node → workerId */
    final Map<String, String> workerOfNode = new HashMap<>();
    final Map<String, RegisterWorker> workerSizes = new LinkedHashMap<>();
    /** registration key → driver node */
    final Map<String, String> driverOfKey = new HashMap<>();
    /** app id → driver node */
    final Map<String, String> driverOfApp = new HashMap<>();
    final Map<String, ApplicationDescription> descriptions = new LinkedHashMap<>();
    /** executor node → [appId, execId] */
    final Map<String, ExecutorId> executorOfNode = new HashMap<>();
    /** "appId/execId" → the worker (workerId) and incarnation that launched it */
    final Map<String, long[]> launchIncarnation = new HashMap<>();
    final Map<String, String> launchWorker = new HashMap<>();

    /** Epochs granted by elections (MasterElectedLeader), and every incarnation of each worker. */
    private final java.util.TreeSet<Long> elected = new java.util.TreeSet<>();
    private final Map<String, java.util.TreeSet<Long>> incarnations = new HashMap<>();
    /** The incarnations each worker's WorkerRestart events started. */
    private final Map<String, java.util.TreeSet<Long>> restarted = new HashMap<>();

    record ExecutorId(String appId, int execId) {
    }

    static Identities of(List<TraceEntry> entries) {
        Identities ids = new Identities();
        for (TraceEntry e : entries) {
            Role role = Role.of(e.action());
            if (role != null) {
                ids.roles.putIfAbsent(e.node(), role);
            }
            if (role == Role.MASTER) {
                ids.masters.add(e.node());
            }
            if (e.action().equals("MasterElectedLeader") && e.changed().get("mEpoch") instanceof Number epoch) {
                ids.elected.add(epoch.longValue());
            }
            if (role == Role.WORKER && e.changed().get("wInc") instanceof Number inc) {
                ids.incarnation(ids.worker(e.node()), inc.longValue());
                if (e.action().equals("WorkerRestart")) {
                    ids.restarted.computeIfAbsent(ids.worker(e.node()), w -> new java.util.TreeSet<>()).add(inc.longValue());
                }
            }
            List<TraceEntry.MessageRef> messages = new ArrayList<>(e.sent());
            if (e.received() != null) {
                messages.add(e.received());
            }
            for (TraceEntry.MessageRef m : messages) {
                ids.learn(m);
            }
        }
        ids.restarted.forEach((worker, restarts) -> {
            // the oldest incarnation the trace shows is a restart: the worker's first process (the spec's Init)
            // left no trace (it died before its first traced step), yet the spec counts it
            long oldest = ids.incarnations.get(worker).first();
            if (restarts.contains(oldest) && oldest > 1) {
                ids.incarnation(worker, oldest - 1);
            }
        });
        return ids;
    }

    private void learn(TraceEntry.MessageRef ref) {
        Message m = ref.message();
        if (m instanceof RegisterWorker r) {
            masters.add(ref.to());
            workerOfNode.put(ref.from(), r.workerId);
            workerSizes.putIfAbsent(r.workerId, r);
            incarnation(r.workerId, r.incarnation);
        } else if (m instanceof RegisterApplication r) {
            masters.add(ref.to());
            driverOfKey.put(r.registrationKey, ref.from());
            descriptions.putIfAbsent(ref.from(), r.description);
        } else if (m instanceof RegisteredApplication r) {
            driverOfApp.put(r.appId, ref.to());
        } else if (m instanceof RegisterExecutor r) {
            executorOfNode.put(ref.from(), new ExecutorId(r.appId, r.execId));
        } else if (m instanceof LaunchExecutor r) {
            launchIncarnation.put(r.appId + "/" + r.execId, new long[] {r.incarnation});
            launchWorker.put(r.appId + "/" + r.execId, r.workerId);
        }
    }

    private void incarnation(String worker, long inc) {
        incarnations.computeIfAbsent(worker, w -> new java.util.TreeSet<>()).add(inc);
    }

    /**
     * The spec's epoch for an implementation epoch. The spec numbers leadership terms 1, 2, 3 (zkEpoch + 1 at each
     * election); an implementation may use any increasing numbers (a real runtime uses clock-based ones, too large
     * for TLC's integers). The k-th elected epoch is k, and a value d above it (a fencing floor raised past a term
     * that was given up) is k + d. 0 (no epoch) stays 0.
     */
    long epoch(long v) {
        Long base = v <= 0 ? null : elected.floor(v);
        return base == null ? v : elected.headSet(base, true).size() + (v - base);
    }

    /** The spec's incarnation of a worker: 1 for its first, then one more for each later one (the spec's +1). */
    long inc(String worker, long v) {
        java.util.TreeSet<Long> known = incarnations.get(worker);
        return v <= 0 || known == null || !known.contains(v) ? v : known.headSet(v, true).size();
    }

    Role role(String node) {
        return roles.get(node);
    }

    String worker(String node) {
        return workerOfNode.getOrDefault(node, node);
    }

    /** The spec's app for an app id; unknown ids stay as they are (TLC then rejects what refers to them). */
    String app(String appId) {
        return driverOfApp.getOrDefault(appId, "unknown-app:" + appId);
    }

    /** The spec identity of the process behind a node (worker id for workers and executor processes). */
    String specNode(String node) {
        Role r = roles.get(node);
        if (r == Role.WORKER) {
            return worker(node);
        }
        if (r == Role.EXECUTOR) {
            ExecutorId x = executorOfNode.get(node);
            return x == null ? node : launchWorker.getOrDefault(x.appId() + "/" + x.execId(), node);
        }
        return node;
    }

    long executorIncarnation(ExecutorId x) {
        long[] inc = launchIncarnation.get(x.appId() + "/" + x.execId());
        return inc == null ? -1 : inc[0];
    }

    Iterable<String> workers() {
        TreeSet<String> all = new TreeSet<>(workerSizes.keySet());
        roles.forEach((node, role) -> {
            if (role == Role.WORKER) {
                all.add(worker(node));
            }
        });
        return all;
    }

    Iterable<String> apps() {
        TreeSet<String> all = new TreeSet<>(descriptions.keySet());
        roles.forEach((node, role) -> {
            if (role == Role.DRIVER) {
                all.add(node);
            }
        });
        return all;
    }
}
