package cluster.tracecheck;

import cluster.harness.TracedRuns;
import cluster.messages.LaunchExecutor;
import cluster.messages.RegisterWorker;
import cluster.spec.SpecLocation;
import cluster.trace.TraceEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The issue's "proof it can fail": real traces broken by hand, each rejected with a message that names the
 * offending event (node#seq action, file:line).
 */
class BrokenTracesTest {
    @TempDir
    static Path runs;
    @TempDir
    Path broken;

    static Path launch;
    static Path failover;

    @BeforeAll
    static void traces() throws IOException {
        launch = Files.createDirectories(runs.resolve("launch"));
        failover = Files.createDirectories(runs.resolve("failover"));
        TracedRuns.launchAndStop(launch);
        TracedRuns.failover(failover);
    }

    private static TraceVerdict check(Path dir) {
        TraceVerdict v = new TraceChecker(SpecLocation.specDir(), TraceCheckOptions.defaults()).run(dir);
        System.out.println(v.message() + "\n" + v.details());
        return v;
    }

    private static void assertRejected(TraceVerdict v, TraceVerdict.Kind kind, String... mentions) {
        assertEquals(kind, v.kind(), v.message() + "\n" + v.details());
        for (String m : mentions) {
            assertTrue((v.message() + v.details()).contains(m), "verdict should mention '" + m + "':\n" + v.message()
                    + "\n" + v.details());
        }
    }

    @Test
    void a_receive_before_its_send() {
        TraceEdit edit = TraceEdit.of(launch);
        TraceEntry receive = edit.first("w1", "WorkerHandleLaunchExecutor");
        TraceEntry send = edit.first("m1", "MasterSchedule");
        Map<String, Long> clock = new HashMap<>(receive.vectorClock());
        clock.put("m1", send.seq() - 1); // the receiver has not seen the send
        edit.replace(receive, e -> TraceEdit.with(e, clock, e.action(), e.received(), e.sent(), e.changed()));
        assertRejected(check(edit.writeTo(broken)), TraceVerdict.Kind.VIOLATION,
                "w1#" + receive.seq() + " WorkerHandleLaunchExecutor", "before it was sent");
    }

    @Test
    void an_executor_launched_with_more_cores_than_the_worker_has_free() {
        TraceEdit edit = TraceEdit.of(launch);
        TraceEntry schedule = edit.first("m1", "MasterSchedule");
        edit.replace(schedule, e -> rebook(e, "w1", 2, null)); // a fifth core on a 4-core worker
        assertRejected(check(edit.writeTo(broken)), TraceVerdict.Kind.VIOLATION,
                "m1#" + schedule.seq() + " MasterSchedule", "mExecs");
    }

    @Test
    void an_executor_placed_on_a_worker_the_allocation_rule_would_not_choose() {
        TraceEdit edit = TraceEdit.of(launch);
        TraceEntry schedule = edit.first("m1", "MasterSchedule");
        edit.replace(schedule, e -> rebook(e, "w1", 1, "w2"));
        assertRejected(check(edit.writeTo(broken)), TraceVerdict.Kind.VIOLATION,
                "m1#" + schedule.seq() + " MasterSchedule", "mExecs");
    }

    @Test
    void a_command_of_an_old_epoch_acted_on() {
        TraceEdit edit = TraceEdit.of(failover);
        TraceEntry launchedInEpoch1 = edit.first("w1", "WorkerHandleLaunchExecutor");
        assertEquals(1, ((LaunchExecutor) launchedInEpoch1.received().message()).epoch);
        List<TraceEntry> w1 = edit.events("w1");
        TraceEntry last = w1.get(w1.size() - 1);
        Map<String, Long> clock = new HashMap<>(last.vectorClock());
        clock.put("w1", last.seq() + 1);
        // the network delivers m1's epoch-1 LaunchExecutor again after w1 follows m2 (epoch 2); w1 acts on it
        w1.add(new TraceEntry("w1", last.seq() + 1, clock, "WorkerHandleLaunchExecutor", launchedInEpoch1.received(),
                List.of(), Map.of("wEpoch", 2L)));
        assertRejected(check(edit.writeTo(broken)), TraceVerdict.Kind.VIOLATION,
                "w1#" + (last.seq() + 1) + " WorkerHandleLaunchExecutor", "not enabled");
    }

    @Test
    void a_registration_no_process_sent() {
        // at the end, m1 receives a RegisterWorker of an incarnation w1 never started, with no traced send: an
        // untraced send (a process start's first registration) is accepted late only as a copy of a registration
        // the spec really sent
        TraceEdit edit = TraceEdit.of(launch);
        TraceEntry.MessageRef first = edit.first("m1", "MasterHandleRegisterWorker").received();
        RegisterWorker later = ((RegisterWorker) first.message()).deepCopy();
        later.incarnation += 1;
        List<TraceEntry> m1 = edit.events("m1");
        TraceEntry last = m1.get(m1.size() - 1);
        Map<String, Long> clock = new HashMap<>(last.vectorClock());
        clock.put("m1", last.seq() + 1);
        m1.add(new TraceEntry("m1", last.seq() + 1, clock, "MasterHandleRegisterWorker",
                new TraceEntry.MessageRef(first.from(), first.to(), first.msgId() + 1_000_000, later), List.of(), Map.of()));
        assertRejected(check(edit.writeTo(broken)), TraceVerdict.Kind.VIOLATION,
                "m1#" + (last.seq() + 1) + " MasterHandleRegisterWorker");
    }

    @Test
    void an_event_missing_from_the_middle_of_a_file() throws IOException {
        TraceEdit.of(launch).writeTo(broken);
        Path w1 = broken.resolve("w1.trace.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(w1));
        lines.remove(2);
        Files.write(w1, lines);
        assertRejected(check(broken), TraceVerdict.Kind.MALFORMED, "w1.trace.jsonl:3", "events 3..3 are missing");
    }

    @Test
    void two_events_swapped() {
        // m1 handles a worker's registration before it was elected: a standby takes no registration
        TraceEdit edit = TraceEdit.of(launch);
        List<TraceEntry> m1 = edit.events("m1");
        TraceEntry first = m1.get(0);
        TraceEntry second = m1.get(1);
        assertEquals("MasterElectedLeader", first.action());
        m1.set(0, TraceEdit.with(first, first.vectorClock(), second.action(), second.received(), second.sent(), second.changed()));
        m1.set(1, TraceEdit.with(second, second.vectorClock(), first.action(), first.received(), first.sent(), first.changed()));
        assertRejected(check(edit.writeTo(broken)), TraceVerdict.Kind.VIOLATION, "m1#1 " + second.action(), "not enabled");
    }

    @Test
    void two_lines_swapped_in_a_file() throws IOException {
        TraceEdit.of(launch).writeTo(broken);
        Path w1 = broken.resolve("w1.trace.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(w1));
        lines.add(1, lines.remove(2));
        Files.write(w1, lines);
        assertRejected(check(broken), TraceVerdict.Kind.MALFORMED, "w1.trace.jsonl:2", "seq 3 where seq 2 was expected",
                "out of sequence");
    }

    /**
     * The first executor the pass booked on {@code worker}: now with {@code cores} cores and on {@code moveTo}
     * (if not null), in the LaunchExecutor sent and in the books (mExecs).
     */
    @SuppressWarnings("unchecked")
    private static TraceEntry rebook(TraceEntry e, String worker, int cores, String moveTo) {
        List<TraceEntry.MessageRef> sent = new ArrayList<>();
        long id = -1;
        for (TraceEntry.MessageRef m : e.sent()) {
            if (id < 0 && m.message() instanceof LaunchExecutor l && l.workerId.equals(worker)) {
                id = l.execId;
                String to = moveTo == null ? worker : moveTo;
                sent.add(new TraceEntry.MessageRef(m.from(), to, m.msgId(), new LaunchExecutor(l.epoch, to, l.incarnation,
                        l.appId, l.execId, cores, l.memoryMb, l.command)));
            } else {
                sent.add(m);
            }
        }
        List<Object> books = new ArrayList<>();
        for (Object o : (List<Object>) e.changed().get("mExecs")) {
            Map<String, Object> x = new LinkedHashMap<>((Map<String, Object>) o);
            if (((Number) x.get("id")).longValue() == id && x.get("worker").equals(worker)) {
                x.put("cores", (long) cores);
                x.put("worker", moveTo == null ? worker : moveTo);
            }
            books.add(x);
        }
        Map<String, Object> changed = new LinkedHashMap<>(e.changed());
        changed.put("mExecs", books);
        return TraceEdit.with(e, e.vectorClock(), e.action(), e.received(), sent, changed);
    }
}
