package cluster.sim;

import cluster.core.Effect;
import cluster.core.Input;
import cluster.worker.WorkerConfig;
import cluster.worker.WorkerCore;

import java.util.List;

/**
 * A worker machine: the worker process (a {@link WorkerCore}, new on every restart) and the machine's real size,
 * which the checks use whatever the core was configured with.
 */
final class WorkerNode extends SimNode {
    final WorkerConfig real;
    WorkerCore core;
    /** The largest incarnation any process of this machine used: a restart starts above it (the machine's disk). */
    long lastIncarnation;

    WorkerNode(String id, WorkerConfig real) {
        super(id, Role.WORKER);
        this.real = real;
    }

    @Override
    List<Effect> step(Input input, long nowMs) {
        return core.step(input, nowMs);
    }
}
