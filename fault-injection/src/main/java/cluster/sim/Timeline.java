package cluster.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a person needs to read one run, recorded only when a report is asked for: a lane per node (executors on
 * their worker's lane), messages, faults as intervals, process starts and deaths, executor launches and ends,
 * leader terms, the moment the faults healed, and the violation. {@link HtmlReport} draws it. The simulator and the
 * process harness ({@code cluster.harness}) both record into it; times are milliseconds from the run's start. Not
 * thread-safe: a recorder on several threads holds one lock around it.
 */
public final class Timeline {
    /** Beyond this many messages the report keeps only the last ones (a run's story is at its end). */
    static final int MAX_MESSAGES = 6_000;
    private final int maxMessages;

    record Message(String from, String to, String type, long sentMs, long atMs, boolean delivered) {
    }

    record Fault(String kind, String description, List<String> nodes, long startMs, long endMs) {
    }

    record Mark(String lane, long atMs, String label, String kind) {
    }

    record Term(String master, long epoch, long startMs, long endMs) {
    }

    final Map<String, String> lanes = new LinkedHashMap<>();
    final java.util.ArrayDeque<Message> messages = new java.util.ArrayDeque<>();
    final List<Fault> faults = new ArrayList<>();
    final List<Mark> marks = new ArrayList<>();
    final List<Term> terms = new ArrayList<>();
    private final Map<String, Term> openTerms = new LinkedHashMap<>();
    long healedAtMs = -1;
    long endMs;
    Violation violation;
    int messagesLeftOut;

    /** Executor node → its worker: executors are drawn on their worker's lane. */
    final Map<String, String> executorWorkers = new LinkedHashMap<>();

    public Timeline() {
        this(MAX_MESSAGES);
    }

    /** A timeline keeping at most {@code maxMessages} messages (the last ones). */
    public Timeline(int maxMessages) {
        this.maxMessages = maxMessages;
    }

    /** Adds a lane (lanes are drawn in the order they were first named). */
    public void lane(String node) {
        lanes.putIfAbsent(node, node);
    }

    public void process(String node, long atMs, String what) {
        lane(node);
        marks.add(new Mark(node, atMs, what, "process"));
        if (what.equals("killed")) {
            termEnd(node, atMs);
        }
    }

    void message(InFlight m, long atMs, boolean delivered) {
        message(m.from(), m.to(), m.message().type(), m.sentAtMs(), atMs, delivered);
    }

    /** A message of {@code type} sent at {@code sentMs}, delivered (or lost) at {@code atMs}. */
    public void message(String from, String to, String type, long sentMs, long atMs, boolean delivered) {
        if (messages.size() >= maxMessages) {
            messages.removeFirst();
            messagesLeftOut++;
        }
        messages.add(new Message(from, to, type, sentMs, atMs, delivered));
    }

    /** A fault of {@code kind} (a {@link FaultKind} label) hitting {@code nodes} (none: the whole network). */
    public void fault(String kind, String description, Set<String> nodes, long startMs, long endMs) {
        faults.add(new Fault(kind, description, List.copyOf(nodes), startMs, endMs)); // in the order given
    }

    public void launch(String worker, String executorNode, String executor, long atMs) {
        lane(worker);
        executorWorkers.put(executorNode, worker);
        marks.add(new Mark(worker, atMs, "launch " + executor, "launch"));
    }

    public void executorEnd(String worker, String executor, long atMs, int exitCode) {
        marks.add(new Mark(worker, atMs, "end " + executor + " (exit " + exitCode + ")", "exit"));
    }

    public void termStart(String master, long epoch, long atMs) {
        openTerms.put(master, new Term(master, epoch, atMs, -1));
    }

    public void termEnd(String master, long atMs) {
        Term open = openTerms.remove(master);
        if (open != null) {
            terms.add(new Term(master, open.epoch(), open.startMs(), atMs));
        }
    }

    public void healed(long atMs) {
        healedAtMs = atMs;
    }

    public void finish(long atMs, Violation found) {
        endMs = atMs;
        violation = found;
        for (String master : new ArrayList<>(openTerms.keySet())) {
            termEnd(master, atMs);
        }
    }

    /** The lane a node's events are drawn on: an executor's worker, else the node itself. */
    String laneOf(String node) {
        String worker = executorWorkers.get(node);
        return worker != null ? worker : node;
    }
}
