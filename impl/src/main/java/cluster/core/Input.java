package cluster.core;

import cluster.messages.Message;

import java.util.List;
import java.util.Objects;

/**
 * Everything a protocol core can be told, wire messages and local events in one list (as raft's
 * {@code MessageType} lists {@code MsgHup} beside wire messages). A runtime or the simulator turns
 * what happens around a node into these and hands them to the core's {@code step(input, nowMs)}.
 *
 * <p>Not every role takes every input: a core given a local input its role never gets (a master told
 * that a process exited) throws {@link IllegalArgumentException}; a wire message it does not expect
 * is ignored, since the network may deliver anything.
 */
public sealed interface Input {

    /**
     * The process started. {@code restart} is false for the very first start of the whole cluster's
     * life (the spec's Init) and true for a start after a crash (the spec's MasterRestart / WorkerRestart).
     */
    record Started(boolean restart) implements Input {
    }

    /** A message arrived from node {@code from} (the envelope's sender). */
    record Received(String from, Message message) implements Input {
        public Received {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(message, "message");
        }
    }

    /** A timer the core set with {@link Effect.SetTimer} went off. */
    record TimerFired(String name, String key) implements Input {
        public TimerFired {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(key, "key");
        }
    }

    /** The connection to {@code node} came (back) up. */
    record Connected(String node) implements Input {
    }

    /** The connection to {@code node} closed (the process stopped, or the network cut it). */
    record Disconnected(String node) implements Input {
    }

    /**
     * Worker only: an executor process this worker launched registered with its driver (what it told with
     * {@link Effect.ReportRegistered}).
     */
    record ProcessRegistered(String appId, int execId) implements Input {
    }

    /** Worker only: an executor process this worker launched ended with {@code exitCode}. */
    record ProcessExited(String appId, int execId, int exitCode) implements Input {
    }

    /**
     * Master only: the coordination service granted leadership with {@code epoch} (strictly larger than
     * every earlier grant) and these are the persisted records read under that grant.
     */
    record ElectedLeader(long epoch, List<PersistedRecord> records) implements Input {
        public ElectedLeader {
            records = List.copyOf(records);
        }
    }

    /** Master only: the coordination service says this master no longer holds leadership. */
    record RevokedLeadership() implements Input {
    }

    /** Master only: a {@link Effect.Persist} or {@link Effect.Unpersist} of {@code key} was stored. */
    record PersistCompleted(String key) implements Input {
    }

    /**
     * Master only: a persisted write of {@code key} failed its compare-and-set (the lease is gone). The
     * runtime has dropped every effect after it; the master steps down.
     */
    record PersistFailed(String key, String reason) implements Input {
    }

    /** Driver only: the application stops (its job is done, or the user stops it). */
    record StopRequested() implements Input {
    }

    /** Driver only: dynamic allocation asks for a new executor total. */
    record ExecutorTotalRequested(int total) implements Input {
    }

    /** Driver only: dynamic allocation gives one executor back. */
    record ExecutorKillRequested(int execId) implements Input {
    }
}
