package cluster.sim;

import cluster.messages.ApplicationDescription;
import cluster.messages.LaunchExecutor;
import cluster.messages.Message;
import cluster.messages.RegisterApplication;
import cluster.messages.RegisterWorker;
import cluster.worker.WorkerConfig;
import cluster.worker.WorkerCore;

import java.util.HashMap;
import java.util.Map;

/**
 * Variant {@code worker-launches-unchecked}, the spec's mutant "scheduler ignores memory and the worker launches
 * without checking": the worker core believes its machine 16 times larger, so its free-resource check always passes
 * (its registration still announces the real size); and masters are told every app's executors need no memory, so
 * their passes ignore memory while their books stay within the machines (the worker's check is a second line of
 * defence: with books that match the machines it is never needed). The executors the worker launches get their real
 * memory back, and a machine ends up overcommitted (WorkerCapacityRespected).
 */
final class WorkerLaunchesUnchecked implements ProtocolMutation {
    static final int FACTOR = 16;
    /** The real executor memory of each driver's app, by driver node (the executor command names the driver). */
    private final Map<String, Integer> memoryByDriver = new HashMap<>();

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

    @Override
    public Message toMaster(Message message) {
        if (message instanceof RegisterApplication m && m.description.memoryPerExecutorMb > 0) {
            ApplicationDescription d = m.description;
            memoryByDriver.put(driverOf(d.command), d.memoryPerExecutorMb);
            return new RegisterApplication(m.registrationKey, m.driverUrl, new ApplicationDescription(d.name,
                    d.maxCores, d.coresPerExecutor, 0, d.initialExecutorLimit, d.command));
        }
        return message;
    }

    @Override
    public Message toWorker(WorkerCore worker, Message message) {
        if (message instanceof LaunchExecutor m) {
            // In the process harness the masters are other processes: the executor's heap flag tells its memory.
            Integer memoryMb = memoryByDriver.getOrDefault(driverOf(m.command), heapMb(m.command));
            if (memoryMb != null && memoryMb != m.memoryMb) {
                return new LaunchExecutor(m.epoch, m.workerId, m.incarnation, m.appId, m.execId, m.cores, memoryMb,
                        m.command);
            }
        }
        return message;
    }

    /** The executor command names its driver after {@code --driver} (the simulator's template ends with it). */
    private static String driverOf(java.util.List<String> command) {
        int at = command.indexOf("--driver");
        return at >= 0 && at + 1 < command.size() ? command.get(at + 1) : command.get(command.size() - 1);
    }

    /** The heap an executor command gives its JVM ({@code -Xmx<N>m}), or null if it names none. */
    private static Integer heapMb(java.util.List<String> command) {
        for (String arg : command) {
            if (arg.startsWith("-Xmx") && arg.endsWith("m")) {
                return Integer.parseInt(arg.substring(4, arg.length() - 1));
            }
        }
        return null;
    }
}
