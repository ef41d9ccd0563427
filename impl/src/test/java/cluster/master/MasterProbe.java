package cluster.master;

import cluster.core.AppRecord;
import cluster.core.Effect;
import cluster.core.Input;
import cluster.core.PersistedRecord;
import cluster.core.WorkerRecord;
import cluster.messages.ApplicationDescription;
import cluster.messages.ExecutorDescription;
import cluster.messages.ExecutorState;
import cluster.messages.ExecutorStateChanged;
import cluster.messages.Message;
import cluster.messages.RegisterApplication;
import cluster.messages.RegisterWorker;
import cluster.messages.WorkerLatestState;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives one {@link MasterCore} in tests, in the spec's vocabulary: a clock, the store the master
 * writes (applied at once, as if every write succeeded), and helpers that send the messages workers
 * and drivers send.
 */
final class MasterProbe {
    static final String MASTER = "master-1";

    final MasterCore core;
    long nowMs = 1_000;
    /** The coordination service's records, as this master's writes left them. */
    final Map<String, PersistedRecord> store = new LinkedHashMap<>();
    List<Effect> last = List.of();

    MasterProbe(MasterConfig config) {
        this.core = new MasterCore(config);
    }

    MasterProbe() {
        this(MasterConfig.defaults(MASTER, "spark://m1:7077").withMaxExecutorRetries(2));
    }

    List<Effect> step(Input input) {
        last = core.step(input, nowMs);
        for (Effect e : last) {
            if (e instanceof Effect.Persist p) {
                store.put(p.record().key(), p.record());
            } else if (e instanceof Effect.Unpersist u) {
                store.remove(u.key());
            }
        }
        return last;
    }

    List<Effect> elect(long epoch, PersistedRecord... records) {
        return step(new Input.ElectedLeader(epoch, List.of(records)));
    }

    List<Effect> receive(String from, Message message) {
        return step(new Input.Received(from, message));
    }

    /** Fires a master timer of the current term ({@code subject} is "" for MasterSchedule/MasterCompleteRecovery). */
    List<Effect> fire(String timerName, String subject) {
        return step(new Input.TimerFired(timerName, core.state().epoch() + ":" + subject));
    }

    List<Effect> schedule() {
        return fire("MasterSchedule", "");
    }

    List<Effect> registerWorker(String workerId, long incarnation, int cores, int memoryMb) {
        return receive(workerId, new RegisterWorker(workerId, incarnation, "host-" + workerId, 7078, cores, memoryMb,
                List.of()));
    }

    /** The worker's answer to RegisteredWorker: its executor list (here: none running). */
    List<Effect> latestState(String workerId, long incarnation, ExecutorDescription... running) {
        return receive(workerId, new WorkerLatestState(core.state().epoch(), workerId, incarnation, List.of(running)));
    }

    /** RegisterWorker and then the worker's WorkerLatestState with no executors: the worker is ALIVE and usable. */
    List<Effect> joinWorker(String workerId, long incarnation, int cores, int memoryMb) {
        registerWorker(workerId, incarnation, cores, memoryMb);
        return latestState(workerId, incarnation);
    }

    List<Effect> registerApp(String driver, ApplicationDescription description) {
        return receive(driver, new RegisterApplication("key-" + driver, "spark://" + driver, description));
    }

    List<Effect> report(String workerId, long incarnation, String appId, int execId, ExecutorState state) {
        return receive(workerId, new ExecutorStateChanged(workerId, incarnation, appId, execId, state, null, null, false));
    }

    LeaderTerm term() {
        return core.state().term();
    }

    BookedExecutor booked(String appId, int execId) {
        for (BookedExecutor e : term().executors()) {
            if (e.appId().equals(appId) && e.execId() == execId) {
                return e;
            }
        }
        return null;
    }

    List<PersistedRecord> storedRecords() {
        return new ArrayList<>(store.values());
    }

    static ApplicationDescription app(Integer maxCores, Integer coresPerExecutor, int memoryMb) {
        return new ApplicationDescription("app", maxCores, coresPerExecutor, memoryMb, null, List.of("java", "{{EXECUTOR_ID}}"));
    }

    static ApplicationDescription dynamicApp(Integer coresPerExecutor, int memoryMb, int initialLimit) {
        return new ApplicationDescription("app", null, coresPerExecutor, memoryMb, initialLimit, List.of("java"));
    }

    static ExecutorDescription running(String appId, int execId, int cores, int memoryMb) {
        return new ExecutorDescription(appId, execId, cores, memoryMb, ExecutorState.RUNNING);
    }

    static AppRecord activeApp(String appId, String driver, ApplicationDescription d, int nextExecId, int target) {
        return new AppRecord(appId, "key-" + driver, driver, d, AppRecord.State.ACTIVE, nextExecId, target);
    }

    static WorkerRecord worker(String workerId, long incarnation, int cores, int memoryMb) {
        return new WorkerRecord(workerId, incarnation, "host-" + workerId, 7078, cores, memoryMb);
    }
}
