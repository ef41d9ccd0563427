package cluster.sim;

import cluster.messages.ApplicationRemoved;
import cluster.messages.ExecutorAdded;
import cluster.messages.ExecutorUpdated;
import cluster.messages.KillExecutor;
import cluster.messages.LaunchExecutor;
import cluster.messages.MasterChanged;
import cluster.messages.Message;
import cluster.messages.ReconnectWorker;
import cluster.messages.RegisteredApplication;
import cluster.messages.RegisteredWorker;

/**
 * The commands the spec fences (every master-to-worker and master-to-driver message it checks against
 * {@code wEpoch}/{@code dEpoch}), their epoch, and the handler that acts on each: FencingRespected is broken when
 * that handler takes a step on a command older than the receiver's floor.
 */
final class Epochs {
    private Epochs() {
    }

    /** The command's epoch, or -1 if the spec does not fence this message. */
    static long fenced(Message m) {
        if (m instanceof LaunchExecutor x) {
            return x.epoch;
        } else if (m instanceof KillExecutor x) {
            return x.epoch;
        } else if (m instanceof RegisteredWorker x) {
            return x.epoch;
        } else if (m instanceof ReconnectWorker x) {
            return x.epoch;
        } else if (m instanceof MasterChanged x) {
            return x.epoch;
        } else if (m instanceof RegisteredApplication x) {
            return x.epoch;
        } else if (m instanceof ApplicationRemoved x) {
            return x.epoch;
        } else if (m instanceof ExecutorAdded x) {
            return x.epoch;
        } else if (m instanceof ExecutorUpdated x) {
            return x.epoch;
        }
        return -1;
    }

    /** The spec action that acts on {@code m} at a worker or driver. */
    static String handler(SimNode.Role role, Message m) {
        String prefix = role == SimNode.Role.WORKER ? "WorkerHandle" : "DriverHandle";
        return prefix + m.type();
    }
}
