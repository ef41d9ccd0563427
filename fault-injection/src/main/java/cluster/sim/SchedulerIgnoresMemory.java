package cluster.sim;

import cluster.messages.Message;
import cluster.messages.RegisterWorker;

/**
 * Variant {@code scheduler-ignores-memory} (spec mutant: the scheduler ignores memory): masters are told every
 * worker has 16 times its memory, so memory never limits a pass. Workers still check, and refuse what does not
 * fit; the leader's books overshoot the real machine (BooksWithinWorkerCapacity).
 */
final class SchedulerIgnoresMemory implements ProtocolMutation {
    static final int FACTOR = 16;

    @Override
    public Message toMaster(Message message) {
        if (message instanceof RegisterWorker m) {
            return new RegisterWorker(m.workerId, m.incarnation, m.host, m.port, m.cores, m.memoryMb * FACTOR,
                    m.executors);
        }
        return message;
    }
}
