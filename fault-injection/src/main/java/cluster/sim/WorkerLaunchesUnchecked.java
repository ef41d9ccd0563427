package cluster.sim;

import cluster.messages.Message;
import cluster.messages.RegisterWorker;
import cluster.worker.WorkerConfig;

/**
 * Variant {@code worker-launches-unchecked} (spec mutant: the worker launches without checking): the worker core
 * believes its machine is 16 times larger, so its free-resource check always passes, while its registration still
 * announces the real size. Whenever the leader's books and the machine disagree (a failover, a lost report) the
 * machine is overcommitted (WorkerCapacityRespected).
 */
final class WorkerLaunchesUnchecked implements ProtocolMutation {
    static final int FACTOR = 16;

    @Override
    public WorkerConfig workerConfig(WorkerConfig real) {
        return new WorkerConfig(real.workerId(), real.host(), real.port(), real.cores() * FACTOR,
                real.memoryMb() * FACTOR, real.masters(), real.registrationRetryMs(), real.masterLossGraceMs(),
                real.heartbeatMs(), real.reportRetryMs());
    }

    @Override
    public Message fromWorker(WorkerConfig real, Message message) {
        if (message instanceof RegisterWorker m) {
            return new RegisterWorker(m.workerId, m.incarnation, m.host, m.port, real.cores(), real.memoryMb(),
                    m.executors);
        }
        return message;
    }
}
