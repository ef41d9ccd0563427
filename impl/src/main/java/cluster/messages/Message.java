package cluster.messages;

import net.openhft.chronicle.bytes.BytesMarshallable;
import net.openhft.chronicle.wire.Marshallable;

/**
 * A protocol message. The class names are shared with the TLA+ spec and the trace files,
 * so a name here is a name there. The interface is sealed: its permits list is the one
 * list of message types, and {@link MessageCatalogue} reads it from there.
 */
public sealed interface Message extends Marshallable, BytesMarshallable permits
        // worker <-> master
        RegisterWorker, RegisteredWorker, RegisterWorkerFailed, MasterInStandby, ReconnectWorker,
        Heartbeat, LaunchExecutor, KillExecutor, ExecutorStateChanged, ExecutorStateChangedAck,
        ApplicationFinished, MasterChanged, WorkerSchedulerStateResponse, WorkerLatestState,
        // app client <-> master
        RegisterApplication, RegisteredApplication, ExecutorAdded, ExecutorUpdated, WorkerRemoved,
        ApplicationRemoved, MasterChangeAcknowledged, UnregisterApplication, RequestExecutors, KillExecutors,
        // executor <-> driver
        RegisterExecutor, RegisteredExecutor, RegisterExecutorFailed, LaunchTask, StatusUpdate, StopExecutor,
        // status
        RequestMasterState, MasterStateResponse {

    /** The message's type tag: its simple class name, as in the spec and on the wire. */
    default String type() {
        return getClass().getSimpleName();
    }
}
