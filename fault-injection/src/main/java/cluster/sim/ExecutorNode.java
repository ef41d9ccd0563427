package cluster.sim;

import cluster.core.Effect;
import cluster.core.Input;
import cluster.executor.ExecutorCore;

import java.util.List;

/** An executor process a worker launched: it runs on the worker's machine and belongs to one driver. */
final class ExecutorNode extends SimNode {
    final ExecutorCore core;
    final String workerId;
    /** The life of the worker process that launched it: it dies with that process. */
    final int workerLife;
    final String appId;
    final int execId;
    final String driverNode;
    final int cores;
    final int memoryMb;

    ExecutorNode(String id, ExecutorCore core, String workerId, int workerLife, String appId, int execId,
            String driverNode, int cores, int memoryMb) {
        super(id, Role.EXECUTOR);
        this.core = core;
        this.workerId = workerId;
        this.workerLife = workerLife;
        this.appId = appId;
        this.execId = execId;
        this.driverNode = driverNode;
        this.cores = cores;
        this.memoryMb = memoryMb;
    }

    @Override
    List<Effect> step(Input input, long nowMs) {
        return core.step(input, nowMs);
    }
}
