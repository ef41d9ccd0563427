package cluster.app;

import cluster.messages.LaunchTask;
import cluster.messages.StatusUpdate;
import cluster.messages.TaskState;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * The driver's task scheduler for the sample application (application level, not part of the spec): each
 * registered executor runs as many tasks at once as it has cores; an executor that is lost gives its running
 * tasks back to the queue; a task that fails is retried up to {@link #MAX_ATTEMPTS} times. Confined to the
 * driver's event loop.
 */
public final class TaskScheduler {

    public static final int MAX_ATTEMPTS = 4;

    /** What one task returned and where it ran. */
    public record TaskResult(long taskId, int execId, String result) {
    }

    private record Slots(String node, int cores, Set<Long> running) {
    }

    private final List<String> payloads;
    private final BiConsumer<String, LaunchTask> send;
    private final Deque<Long> queue = new ArrayDeque<>();
    private final Map<Integer, Slots> executors = new LinkedHashMap<>();
    private final Map<Long, TaskResult> results = new LinkedHashMap<>();
    private final Map<Long, Integer> attempts = new LinkedHashMap<>();
    private final CompletableFuture<List<TaskResult>> done = new CompletableFuture<>();

    /** @param send sends a task to an executor node */
    public TaskScheduler(List<String> payloads, BiConsumer<String, LaunchTask> send) {
        this.payloads = List.copyOf(payloads);
        this.send = send;
        for (long i = 0; i < payloads.size(); i++) {
            queue.addLast(i);
        }
        if (payloads.isEmpty()) {
            done.complete(List.of());
        }
    }

    public CompletableFuture<List<TaskResult>> done() {
        return done;
    }

    public void executorAdded(int execId, String node, int cores) {
        executors.putIfAbsent(execId, new Slots(node, Math.max(1, cores), new HashSet<>()));
        dispatch();
    }

    public void executorLost(int execId) {
        Slots slots = executors.remove(execId);
        if (slots != null) {
            slots.running.forEach(queue::addFirst);
            dispatch();
        }
    }

    /** The executor node's id went away (its connection closed). */
    public void nodeLost(String node) {
        executors.entrySet().stream().filter(e -> e.getValue().node.equals(node)).map(Map.Entry::getKey)
                .toList().forEach(this::executorLost);
    }

    public void statusUpdate(StatusUpdate update) {
        Slots slots = executors.get(update.execId);
        if (slots == null || !slots.running.remove(update.taskId) || !update.state.isFinished()) {
            return;
        }
        if (update.state == TaskState.FINISHED) {
            results.put(update.taskId, new TaskResult(update.taskId, update.execId, update.result));
        } else if (attempts.getOrDefault(update.taskId, 0) >= MAX_ATTEMPTS) {
            done.completeExceptionally(new IllegalStateException("task " + update.taskId + " failed "
                    + MAX_ATTEMPTS + " times, last on executor " + update.execId + ": " + update.result));
            return;
        } else {
            queue.addLast(update.taskId);
        }
        if (results.size() == payloads.size()) {
            List<TaskResult> ordered = new ArrayList<>(results.values());
            ordered.sort(java.util.Comparator.comparingLong(TaskResult::taskId));
            done.complete(ordered);
        }
        dispatch();
    }

    private void dispatch() {
        if (done.isDone()) {
            return;
        }
        for (Map.Entry<Integer, Slots> e : executors.entrySet()) {
            Slots slots = e.getValue();
            while (slots.running.size() < slots.cores && !queue.isEmpty()) {
                long taskId = queue.removeFirst();
                slots.running.add(taskId);
                attempts.merge(taskId, 1, Integer::sum);
                send.accept(slots.node, new LaunchTask(taskId, payloads.get((int) taskId)));
            }
        }
    }
}
