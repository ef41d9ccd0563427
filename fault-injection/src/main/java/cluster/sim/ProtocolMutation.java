package cluster.sim;

import cluster.core.PersistedRecord;
import cluster.master.MasterCore;
import cluster.messages.Message;
import cluster.worker.WorkerConfig;
import cluster.worker.WorkerCore;

import java.util.List;

/**
 * How a broken variant is made without touching the protocol cores: the simulator passes what a core is about
 * to be told, or what it just said, through these hooks. The protocol as built uses {@link #NONE}. The process
 * harness applies the same hooks inside the real node processes ({@code cluster.harness.VariantCoreHook}).
 */
public interface ProtocolMutation {
    ProtocolMutation NONE = new ProtocolMutation() {
    };

    /** The configuration a worker core is built with (the simulator keeps the real machine size). */
    default WorkerConfig workerConfig(WorkerConfig real) {
        return real;
    }

    /** A message about to be delivered to a worker core. */
    default Message toWorker(WorkerCore worker, Message message) {
        return message;
    }

    /** A message a worker core sends, before it leaves. */
    default Message fromWorker(WorkerConfig real, Message message) {
        return message;
    }

    /** A message about to be delivered to a master core. */
    default Message toMaster(Message message) {
        return message;
    }

    /** The records the coordination service hands a newly elected master. */
    default List<PersistedRecord> electedRecords(List<PersistedRecord> records) {
        return records;
    }

    /** After a master core took a step on a received message. */
    default void afterMasterReceived(MasterCore master, Message message) {
    }
}
