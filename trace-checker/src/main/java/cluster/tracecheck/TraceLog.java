package cluster.tracecheck;

import cluster.messages.Heartbeat;
import cluster.messages.RequestExecutors;
import cluster.trace.TraceEntry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The merged trace as the spec's event records ({@code TraceLog} of TraceSparkStandalone.tla), plus the
 * network's losses the trace implies: a message that was sent but never received is dropped ({@code NetDrop})
 * right after its send, unless an equal message in flight is still to be received. A receive of a message
 * that will be received again (the same spec message, no new send in between) is a duplicating delivery.
 *
 * @param records TLA+ text of each record, in order
 * @param origin  for each record, the traced event it is (or, for a drop, the event that sent the message)
 * @param dropped for each record, whether it is a drop the checker added
 */
record TraceLog(List<String> records, List<TraceEvent> origin, List<Boolean> dropped) {

    static TraceLog of(List<TraceEvent> merged, Identities ids) {
        SpecMessages messages = new SpecMessages(ids);
        SpecVariables variables = new SpecVariables(ids);
        int n = merged.size();
        String[] received = new String[n];
        List<List<String>> sent = new ArrayList<>();
        Set<String> receivedIds = new HashSet<>();
        Set<String> tracedSends = new HashSet<>();
        for (TraceEvent event : merged) {
            for (TraceEntry.MessageRef m : event.entry().sent()) {
                tracedSends.add(m.from() + "/" + m.msgId());
            }
        }
        boolean[] untraced = new boolean[n];
        Map<String, List<int[]>> uses = new HashMap<>(); // spec message -> (position, 0 send / 1 receive)
        for (int i = 0; i < n; i++) {
            TraceEntry e = merged.get(i).entry();
            List<String> out = new ArrayList<>();
            for (TraceEntry.MessageRef m : e.sent()) {
                String r = messages.record(m);
                out.add(r);
                if (r != null) {
                    uses.computeIfAbsent(r, k -> new ArrayList<>()).add(new int[] {i, 0});
                }
            }
            sent.add(out);
            if (e.received() != null && !(e.received().message() instanceof Heartbeat)) {
                received[i] = messages.record(e.received());
                receivedIds.add(e.received().from() + "/" + e.received().msgId());
                untraced[i] = !tracedSends.contains(e.received().from() + "/" + e.received().msgId());
                if (received[i] != null) {
                    uses.computeIfAbsent(received[i], k -> new ArrayList<>()).add(new int[] {i, 1});
                }
            }
        }
        List<String> records = new ArrayList<>();
        List<TraceEvent> origin = new ArrayList<>();
        List<Boolean> dropped = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            TraceEvent event = merged.get(i);
            TraceEntry e = event.entry();
            boolean keep = received[i] != null && receivedAgain(uses.get(received[i]), i);
            records.add(record(e, ids, received[i], keep, untraced[i], sent.get(i), variables));
            origin.add(event);
            dropped.add(false);
            for (int k = 0; k < e.sent().size(); k++) {
                TraceEntry.MessageRef m = e.sent().get(k);
                String r = sent.get(i).get(k);
                if (r != null && !receivedIds.contains(m.from() + "/" + m.msgId()) && !receivedAgain(uses.get(r), i)) {
                    records.add(drop(r));
                    origin.add(event);
                    dropped.add(true);
                }
            }
        }
        return new TraceLog(records, origin, dropped);
    }

    /** Some later event receives this spec message before anyone sends it again. */
    private static boolean receivedAgain(List<int[]> uses, int after) {
        for (int[] use : uses) {
            if (use[0] > after) {
                return use[1] == 1;
            }
        }
        return false;
    }

    /** @param untraced the message received was sent by no traced event (a process's first registration) */
    private static String record(TraceEntry e, Identities ids, String msg, boolean keep, boolean untraced,
            List<String> sent, SpecVariables variables) {
        Role role = ids.role(e.node());
        Map<String, String> r = new LinkedHashMap<>();
        r.put("act", Tla.str(e.action()));
        r.put("node", Tla.str(ids.specNode(e.node())));
        r.put("role", Tla.str(role == null ? "unknown" : role.specName()));
        r.put("hasMsg", Tla.bool(msg != null));
        r.put("msg", msg != null ? msg : "[type |-> \"none\"]");
        r.put("keep", Tla.bool(keep));
        r.put("untraced", Tla.bool(untraced));
        r.put("sent", Tla.set(sent.stream().filter(s -> s != null).toList()));
        r.putAll(variables.pins(e.node(), role, e.changed()));
        if (e.received() != null && e.received().message() instanceof Heartbeat h) {
            r.put("worker", Tla.str(h.workerId));
        }
        if (role == Role.EXECUTOR) {
            Identities.ExecutorId x = ids.executorOfNode.get(e.node());
            r.put("exec", x == null ? "[app |-> \"?\", id |-> -1]"
                    : Tla.record(Map.of("app", Tla.str(ids.app(x.appId())), "id", Tla.num(x.execId()))));
        }
        for (TraceEntry.MessageRef m : e.sent()) {
            if (m.message() instanceof RequestExecutors q) {
                r.put("total", Tla.num(q.requestedTotal));
            }
        }
        return Tla.record(r);
    }

    private static String drop(String msg) {
        return Tla.record(Map.of("act", Tla.str("NetDrop"), "node", Tla.str("network"), "role", Tla.str("network"),
                "hasMsg", Tla.bool(false), "msg", msg, "keep", Tla.bool(false), "untraced", Tla.bool(false), "sent", "{}",
                "pin", "[none |-> TRUE]", "setd", "[none |-> TRUE]"));
    }

    int size() {
        return records.size();
    }

    /** How many records are traced events (not drops the checker added). */
    long events() {
        return dropped.stream().filter(d -> !d).count();
    }
}
