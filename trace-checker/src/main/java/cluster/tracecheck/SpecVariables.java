package cluster.tracecheck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node's logged spec variables (its core's {@code specView()}, implementation names inside) as the spec's
 * values: app ids become apps, maps keyed by app or worker become total functions (NoApp / NoWorker where the
 * node has no entry), lists that the spec holds as sets become sets.
 */
final class SpecVariables {
    /** The implementation's "no limit" (Integer.MAX_VALUE) is the spec's Unlimited. */
    static final long UNLIMITED = 1_000_000;
    private static final String NO_APP = "[nextExecId |-> 0, retries |-> 0, state |-> \"NONE\", target |-> 0]";
    private static final String NO_WORKER = "[inc |-> 0, state |-> \"NONE\"]";

    private final Identities ids;

    SpecVariables(Identities ids) {
        this.ids = ids;
    }

    /** Spec variables whose values are sets: logged to TLC as what was added and removed (see {@link #pins}). */
    private static final java.util.Set<String> SETS = java.util.Set.of("mExecs", "wExecs", "wReports", "wSeen", "dExecs");

    /** The last logged value of each set-valued variable, per node: the base of the next delta. */
    private final Map<String, java.util.TreeSet<String>> lastSets = new java.util.HashMap<>();

    /**
     * The pins of an event, as TLA+ record fields: {@code pin} (variable → value) and {@code setd}
     * (set variable → [add, del] against the node's previous logged value). Deltas keep the generated
     * module linear in the trace: a worker's wSeen only grows, and logging it whole at every launch made
     * the module quadratic. The spec state before matches the previous logged value (it was pinned), so
     * the check is as strict as comparing whole values.
     */
    Map<String, String> pins(String node, Role role, Map<String, Object> changed) {
        Map<String, String> pins = new LinkedHashMap<>();
        Map<String, String> deltas = new LinkedHashMap<>();
        changed.forEach((name, value) -> {
            if (SETS.contains(name) && role != Role.EXECUTOR) {
                java.util.TreeSet<String> now = new java.util.TreeSet<>(elements(name, value));
                java.util.TreeSet<String> before = lastSets.getOrDefault(node + "/" + name, new java.util.TreeSet<>());
                java.util.TreeSet<String> add = new java.util.TreeSet<>(now);
                add.removeAll(before);
                java.util.TreeSet<String> del = new java.util.TreeSet<>(before);
                del.removeAll(now);
                deltas.put(name, Tla.record(Map.of("add", Tla.set(add), "del", Tla.set(del))));
                lastSets.put(node + "/" + name, now);
            } else {
                pins.put(name, value(node, name, value));
            }
        });
        return Map.of("pin", Tla.record(pins), "setd", Tla.record(deltas));
    }

    @SuppressWarnings("unchecked")
    private List<String> elements(String name, Object v) {
        List<Object> list = (List<Object>) v;
        return switch (name) {
            case "wSeen" -> list.stream().map(p -> {
                List<Object> pair = (List<Object>) p;
                return Tla.seq(List.of(Tla.str(ids.app(String.valueOf(pair.get(0)))), Tla.num(((Number) pair.get(1)).longValue())));
            }).toList();
            case "dExecs" -> list.stream().map(x -> Tla.num(((Number) x).longValue())).toList();
            default -> list.stream().map(x -> records((Map<String, Object>) x)).toList();
        };
    }

    @SuppressWarnings("unchecked")
    String value(String node, String name, Object v) {
        return switch (name) {
            case "mState", "dState", "wMaster", "dMaster" -> Tla.str(String.valueOf(v));
            case "mEpoch", "wEpoch", "dEpoch" -> Tla.num(ids.epoch(((Number) v).longValue()));
            case "wInc" -> Tla.num(ids.inc(ids.worker(node), ((Number) v).longValue()));
            case "mApps" -> apps((Map<String, Object>) v);
            case "mAppOrder" -> Tla.seq(((List<Object>) v).stream().map(a -> Tla.str(ids.app(String.valueOf(a)))).toList());
            case "mWorkers" -> workers((Map<String, Object>) v);
            case "mWorkerOrder" -> Tla.seq(((List<Object>) v).stream().map(w -> Tla.str(String.valueOf(w))).toList());
            case "mExecs", "wExecs", "wReports" -> v instanceof Map<?, ?> m ? records((Map<String, Object>) m)
                    : Tla.set(((List<Object>) v).stream().map(x -> records((Map<String, Object>) x)).toList());
            case "wSeen" -> Tla.set(((List<Object>) v).stream().map(p -> {
                List<Object> pair = (List<Object>) p;
                return Tla.seq(List.of(Tla.str(ids.app(String.valueOf(pair.get(0)))), Tla.num(((Number) pair.get(1)).longValue())));
            }).toList());
            case "dExecs" -> Tla.set(((List<Object>) v).stream().map(x -> Tla.num(((Number) x).longValue())).toList());
            default -> plain(v);
        };
    }

    private String apps(Map<String, Object> byAppId) {
        Map<String, String> f = new LinkedHashMap<>();
        for (String a : ids.apps()) {
            f.put(Tla.str(a), NO_APP);
        }
        byAppId.forEach((appId, rec) -> f.put(Tla.str(ids.app(appId)), records(asMap(rec))));
        return Tla.function(f);
    }

    private String workers(Map<String, Object> byWorker) {
        Map<String, String> f = new LinkedHashMap<>();
        for (String w : ids.workers()) {
            f.put(Tla.str(w), NO_WORKER);
        }
        byWorker.forEach((w, rec) -> {
            Map<String, Object> entry = new LinkedHashMap<>(asMap(rec));
            if (entry.get("inc") instanceof Number inc) {
                entry.put("inc", ids.inc(w, inc.longValue()));
            }
            f.put(Tla.str(w), records(entry));
        });
        return Tla.function(f);
    }

    /** A record of a spec variable: app fields are app ids, targets may be unlimited. */
    private String records(Map<String, Object> rec) {
        Map<String, String> fields = new LinkedHashMap<>();
        rec.forEach((k, x) -> {
            if (k.equals("app")) {
                fields.put(k, Tla.str(ids.app(String.valueOf(x))));
            } else if (k.equals("target") && x instanceof Number n) {
                fields.put(k, Tla.num(Math.min(n.longValue(), UNLIMITED)));
            } else {
                fields.put(k, plain(x));
            }
        });
        return Tla.record(fields);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static String plain(Object v) {
        if (v instanceof Boolean b) {
            return Tla.bool(b);
        }
        if (v instanceof Number n) {
            return Tla.num(n.longValue());
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, String> fields = new LinkedHashMap<>();
            ((Map<String, Object>) m).forEach((k, x) -> fields.put(k, plain(x)));
            return Tla.record(fields);
        }
        if (v instanceof List<?> l) {
            List<String> xs = new ArrayList<>();
            l.forEach(x -> xs.add(plain(x)));
            return Tla.seq(xs);
        }
        return Tla.str(String.valueOf(v));
    }
}
