package cluster.sim;

import cluster.messages.KillExecutor;
import cluster.messages.LaunchExecutor;
import cluster.messages.Message;
import cluster.worker.WorkerCore;

/**
 * Variant {@code no-epoch-fencing} (spec mutant: a worker launches whatever epoch the command has): a command
 * older than the worker's fencing floor is presented with the floor's epoch, so the worker's check passes. The
 * safety check still sees the epoch the master really sent.
 */
final class NoEpochFencing implements ProtocolMutation {
    @Override
    public Message toWorker(WorkerCore worker, Message message) {
        long floor = worker.state().epochFloor();
        if (message instanceof LaunchExecutor m && m.epoch < floor) {
            return new LaunchExecutor(floor, m.workerId, m.incarnation, m.appId, m.execId, m.cores, m.memoryMb,
                    m.command);
        }
        if (message instanceof KillExecutor m && m.epoch < floor) {
            return new KillExecutor(floor, m.workerId, m.incarnation, m.appId, m.execId);
        }
        return message;
    }
}
