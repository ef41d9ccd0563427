package cluster.core;

import cluster.messages.Message;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a protocol core asks its runtime to do after one step. A step's effects come in this order
 * (see {@link StepOutput}): persisted writes, the trace event, messages, processes, timers.
 *
 * <p>Runtime contract: effects are carried out in order, across steps too; a {@link Send} (or anything
 * after a {@link Persist}/{@link Unpersist}) is released only once every earlier write succeeded; when a
 * write fails, the runtime drops every later effect of that node and gives the core
 * {@link Input.PersistFailed}. So a message never leaves before the record it depends on is stored
 * (raft's {@code Ready}: persist before send), and a step whose write failed leaves no trace event.
 */
public sealed interface Effect {

    /** Store a record with compare-and-set on the leadership lease of {@code epoch}. */
    record Persist(long epoch, PersistedRecord record) implements Effect {
        public Persist {
            Objects.requireNonNull(record, "record");
        }
    }

    /** Delete the record with this key, with compare-and-set on the lease of {@code epoch}. */
    record Unpersist(long epoch, String key) implements Effect {
        public Unpersist {
            Objects.requireNonNull(key, "key");
        }
    }

    /**
     * One spec step happened: {@code action} is the exact name of a TLA+ action of
     * spec/tla/SparkStandalone.tla, {@code changed} maps each node-local spec variable the step changed
     * (by its spec name, e.g. {@code mWorkers}) to its new value. The runtime adds node, sequence number,
     * vector clock and the message received or sent.
     */
    record TraceEvent(String action, Map<String, Object> changed) implements Effect {
        public TraceEvent {
            Objects.requireNonNull(action, "action");
            changed = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(changed));
        }
    }

    /** Send a message to node {@code to}. */
    record Send(String to, Message message) implements Effect {
        public Send {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Worker only: start an executor process with this command (placeholders already filled in). */
    record LaunchProcess(String appId, int execId, int cores, int memoryMb, List<String> command) implements Effect {
        public LaunchProcess {
            command = List.copyOf(command);
        }
    }

    /** Worker only: stop an executor process (it then exits; the worker ignores that exit). */
    record KillProcess(String appId, int execId) implements Effect {
    }

    /**
     * Executor only: tell the worker that started this process that it registered with its driver (spec
     * ExecutorHandleRegisteredExecutor); the worker then reports it RUNNING ({@link Input.ProcessRegistered}).
     */
    record ReportRegistered(String appId, int execId) implements Effect {
    }

    /** Executor only: this process exits with {@code exitCode} (see {@link ExitCodes}). */
    record ExitProcess(int exitCode) implements Effect {
    }

    /** Fire {@link Input.TimerFired}(name, key) after {@code delayMs}; replaces a pending timer of the same name and key. */
    record SetTimer(String name, String key, long delayMs) implements Effect {
        public SetTimer {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(key, "key");
            if (delayMs < 0) {
                throw new IllegalArgumentException("negative timer delay " + delayMs);
            }
        }
    }
}
