package cluster.core;

import cluster.messages.Message;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Collects the effects of one step of a core and puts them in the order the runtime needs:
 * persisted writes first, then the trace event, then messages, processes and timers. So a
 * handler may add them in any order and still never lets a message overtake its record.
 *
 * <p>The trace choke point: a handler names the spec action it performs with {@link #action};
 * {@link #finish} turns that into exactly one {@link Effect.TraceEvent} carrying the spec variables
 * whose values differ between the core's spec views before and after the step. A step that
 * changes a spec variable or writes a record without naming an action is a bug and throws.
 */
public final class StepOutput {

    private final List<Effect> writes = new ArrayList<>();
    private final List<Effect> sends = new ArrayList<>();
    private final List<Effect> processes = new ArrayList<>();
    private final List<Effect> timers = new ArrayList<>();
    private String action;
    private boolean allVariables;

    /** This step is the spec action {@code specAction} (its exact TLA+ name); at most once per step. */
    public void action(String specAction) {
        Objects.requireNonNull(specAction, "specAction");
        if (action != null) {
            throw new IllegalStateException("one spec action per step, got " + action + " and then " + specAction);
        }
        action = specAction;
    }

    /**
     * The trace event lists every spec variable, changed or not: for a process that starts again
     * (MasterRestart, WorkerRestart), whose state before the step is not this core's.
     */
    public void traceAllVariables() {
        allVariables = true;
    }

    /** The spec action named so far in this step, or null. */
    public String action() {
        return action;
    }

    public void persist(long epoch, PersistedRecord record) {
        writes.add(new Effect.Persist(epoch, record));
    }

    public void unpersist(long epoch, String key) {
        writes.add(new Effect.Unpersist(epoch, key));
    }

    public void send(String to, Message message) {
        sends.add(new Effect.Send(to, message));
    }

    public void launchProcess(String appId, int execId, int cores, int memoryMb, List<String> command) {
        processes.add(new Effect.LaunchProcess(appId, execId, cores, memoryMb, command));
    }

    public void killProcess(String appId, int execId) {
        processes.add(new Effect.KillProcess(appId, execId));
    }

    public void reportRegistered(String appId, int execId) {
        processes.add(new Effect.ReportRegistered(appId, execId));
    }

    public void exitProcess(int exitCode) {
        processes.add(new Effect.ExitProcess(exitCode));
    }

    public void setTimer(String name, String key, long delayMs) {
        timers.add(new Effect.SetTimer(name, key, delayMs));
    }

    /**
     * The step's effects in runtime order, with the trace event computed from the two spec views
     * (maps from spec variable name to an immutable value, as the cores' {@code specView()} build them).
     */
    public List<Effect> finish(Map<String, Object> specBefore, Map<String, Object> specAfter) {
        Map<String, Object> changed = allVariables ? specAfter : changedVariables(specBefore, specAfter);
        if (action == null && !changed.isEmpty()) {
            throw new IllegalStateException("spec variables " + changed.keySet() + " changed with no spec action named");
        }
        if (action == null && !writes.isEmpty()) {
            throw new IllegalStateException("persisted writes with no spec action named: " + writes);
        }
        List<Effect> effects = new ArrayList<>(writes.size() + sends.size() + processes.size() + timers.size() + 1);
        effects.addAll(writes);
        if (action != null) {
            effects.add(new Effect.TraceEvent(action, changed));
        }
        effects.addAll(sends);
        effects.addAll(processes);
        effects.addAll(timers);
        return List.copyOf(effects);
    }

    /** The entries of {@code after} whose value differs from (or is missing in) {@code before}. */
    static Map<String, Object> changedVariables(Map<String, Object> before, Map<String, Object> after) {
        if (!before.keySet().equals(after.keySet())) {
            throw new IllegalStateException("a spec view must always list the same variables: " + before.keySet()
                    + " then " + after.keySet());
        }
        Map<String, Object> changed = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : after.entrySet()) {
            if (!Objects.equals(before.get(e.getKey()), e.getValue())) {
                changed.put(e.getKey(), e.getValue());
            }
        }
        return changed;
    }
}
