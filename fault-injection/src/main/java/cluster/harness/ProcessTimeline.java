package cluster.harness;

import cluster.sim.FaultKind;
import cluster.sim.Nemesis;
import cluster.sim.Timeline;
import cluster.sim.Violation;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Records a process campaign into a {@link Timeline} (the simulator's, drawn by the same report): every message the
 * harness network carried (wall-clock times from the campaign's start), the processes' lives, the nemesis's faults
 * as intervals, executor launches (a {@code LaunchExecutor} delivered to a worker) and ends (a worker's
 * {@code ExecutorStateChanged} to a finished state), leader terms from the lease in lin-kv, the healing and the
 * violation. Its threads (the network's, the nemesis's, the campaign's) share one lock.
 *
 * <p>It also checks {@code ExecutorIdsAhead} where a process campaign can see it: a leader's executor ids must be
 * ahead of every id given before, so a {@code LaunchExecutor} for an app and executor id that a leader of another
 * epoch already launched shows a leader whose counter was behind (the message itself tells; duplicates and
 * retries of one leader are the same epoch).
 */
final class ProcessTimeline implements NetworkObserver, ClusterObserver {

    /** A 60 s campaign carries tens of thousands of messages; the report thins them, the timeline keeps them all. */
    private static final int MAX_MESSAGES = 500_000;

    private final long startNanos;
    private final Timeline timeline = new Timeline(MAX_MESSAGES);
    /** Epoch of the first launch of each executor ({@code app/id}). */
    private final Map<String, Long> launchEpochs = new HashMap<>();
    private ProcessCluster.Lease term;
    private volatile Violation violation;

    ProcessTimeline(long startNanos, Iterable<String> nodes) {
        this.startNanos = startNanos;
        nodes.forEach(timeline::lane);
    }

    private long ms(long nanos) {
        return Math.max(0, (nanos - startNanos) / 1_000_000);
    }

    @Override
    public synchronized void carried(String from, String to, JsonNode message, long sentNanos, long endNanos,
            boolean delivered) {
        timeline.lane(from);
        timeline.lane(to);
        JsonNode body = message.path("body");
        String type = body.path("type").asText("?");
        JsonNode payload = null;
        if (type.equals("cluster")) {
            // {"@Envelope":{..., "body":{"@LaunchExecutor":{...}}}}: the message's type is its body's type tag.
            Iterator<Map.Entry<String, JsonNode>> tagged = body.path("envelope").path("@Envelope").path("body")
                    .fields();
            if (tagged.hasNext()) {
                Map.Entry<String, JsonNode> e = tagged.next();
                type = e.getKey().startsWith("@") ? e.getKey().substring(1) : e.getKey();
                payload = e.getValue();
            }
        }
        long at = ms(endNanos);
        timeline.message(from, to, type, ms(sentNanos), at, delivered);
        if (payload != null && delivered) {
            executors(from, to, type, payload, at);
        }
    }

    private void executors(String from, String to, String type, JsonNode m, long at) {
        String executor = m.path("appId").asText() + "/" + m.path("execId").asText();
        if (type.equals("LaunchExecutor")) {
            timeline.launch(to, "executor " + executor + "@" + to, executor + " (epoch " + m.path("epoch").asLong()
                    + ")", at);
            long epoch = m.path("epoch").asLong();
            Long first = launchEpochs.putIfAbsent(executor, epoch);
            if (first != null && first != epoch && violation == null) {
                violation = new Violation(Violation.Kind.SAFETY, "ExecutorIdsAhead", "the leader of epoch " + epoch
                        + " launched executor " + executor + " on " + to + ", an id the leader of epoch " + first
                        + " had given already: its id counter was not ahead", 0, at);
            }
        } else if (type.equals("ExecutorStateChanged") && isFinished(enumName(m.path("state")))) {
            timeline.executorEnd(from, executor + " " + enumName(m.path("state")), at,
                    m.path("exitStatus").isNumber() ? m.path("exitStatus").asInt() : -1);
        }
    }

    /** An enum as Chronicle's JSON writes it: {@code {"@ExecutorState":"FAILED"}} (or a plain string). */
    private static String enumName(JsonNode value) {
        return value.isObject() && value.size() == 1 ? value.elements().next().asText() : value.asText();
    }

    private static boolean isFinished(String state) {
        try {
            return cluster.messages.ExecutorState.valueOf(state).isFinished();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The first violation seen in the messages, or null. */
    Violation violation() {
        return violation;
    }

    @Override
    public synchronized void started(String nodeId, int life) {
        timeline.process(nodeId, ms(System.nanoTime()), life == 1 ? "start" : "restart");
    }

    @Override
    public synchronized void killed(String nodeId) {
        timeline.process(nodeId, ms(System.nanoTime()), "killed");
        if (term != null && term.leader().equals(nodeId)) {
            term = null;
        }
    }

    @Override
    public synchronized void paused(String nodeId) {
        timeline.process(nodeId, ms(System.nanoTime()), "paused");
    }

    @Override
    public synchronized void resumed(String nodeId) {
        timeline.process(nodeId, ms(System.nanoTime()), "resumed");
    }

    /** The lease lin-kv holds now: a new leader or epoch ends the term before and begins one. */
    synchronized void lease(ProcessCluster.Lease lease, long atMs) {
        if (lease == null || lease.equals(term)) {
            return;
        }
        if (term != null) {
            timeline.termEnd(term.leader(), atMs);
        }
        term = lease;
        timeline.termStart(lease.leader(), lease.epoch(), atMs);
    }

    /** A fault of the nemesis, from its injection to its healing. */
    synchronized void fault(FaultKind kind, String description, Set<String> nodes, long startMs, long endMs) {
        // The report shades kills and pauses by their nemesis, partitions by their shape.
        String css = kind.nemesis == Nemesis.PARTITION ? kind.label : kind.nemesis.cliName();
        timeline.fault(css, kind.label + ": " + description, nodes, startMs, endMs);
    }

    synchronized void healed(long atMs) {
        timeline.healed(atMs);
    }

    /** Closes the timeline at {@code atMs} with the campaign's violation (null if none) and hands it over. */
    synchronized Timeline finish(long atMs, Violation found) {
        timeline.finish(atMs, found);
        return timeline;
    }
}
