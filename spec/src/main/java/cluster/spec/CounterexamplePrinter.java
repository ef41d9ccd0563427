package cluster.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prints a TLC counterexample for people: the first state in full, then for each step the action and only what
 * changed. Records, functions and sequences of equal length are diffed key by key ({@code workers[w1].state:
 * "ALIVE" -> "DEAD"}), sets as added ({@code msgs += m}) and removed ({@code msgs -= m}) elements, sequences that
 * grew or shrank at one end as such.
 */
public final class CounterexamplePrinter {
    private static final int WIDTH = 110;
    private static final Pattern LOCATION = Pattern.compile("^line (\\d+), col \\d+ to .* of module (\\S+)$");

    private CounterexamplePrinter() { }

    /** The counterexample of a result, headed by what was violated; "" if the result has no trace. */
    public static String format(TlcResult result) {
        return format(result, ActionNames.asTlcNamesThem());
    }

    /** As {@link #format(TlcResult)}, each step named by {@code names} (an action of a group by its own name). */
    public static String format(TlcResult result, ActionNames names) {
        if (result.trace().isEmpty()) return "";
        String what = switch (result.outcome()) {
            case INVARIANT_VIOLATED -> "invariant " + result.violatedName() + " is violated";
            case PROPERTY_VIOLATED -> result.violatedName() != null
                    ? "action property " + result.violatedName() + " is violated" : "a temporal property is violated";
            case DEADLOCK -> "deadlock: the last state has no successor";
            default -> result.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        };
        return "Counterexample (" + result.trace().size() + " states), " + what + ":\n"
                + format(result.trace(), result.traceEnd(), names);
    }

    public static String format(List<TraceStep> trace, TraceEnd end) {
        return format(trace, end, ActionNames.asTlcNamesThem());
    }

    public static String format(List<TraceStep> trace, TraceEnd end, ActionNames names) {
        StringBuilder out = new StringBuilder();
        TraceStep previous = null;
        for (TraceStep step : trace) {
            out.append("State ").append(step.number()).append(": ").append(names.of(step));
            String where = shortLocation(step.location());
            if (!where.isEmpty()) out.append("  (").append(where).append(')');
            out.append('\n');
            List<String> lines = previous == null ? fullState(step) : changes(previous, step);
            if (lines.isEmpty()) lines = List.of("(no variable changed)");
            for (String line : lines) out.append("    ").append(line.replace("\n", "\n    ")).append('\n');
            previous = step;
        }
        switch (end.kind()) {
            case STUTTERING -> out.append("Then: stuttering forever (no further step is ever taken)\n");
            case LOOP -> out.append("Then: ").append(end.action().isEmpty() ? "a step" : end.action())
                    .append(" leads back to state ").append(end.loopBackTo()).append(", and the loop repeats forever\n");
            case FINITE -> { }
        }
        return out.toString();
    }

    /** The variables that differ between two consecutive states, one line per change. */
    public static List<String> changes(TraceStep before, TraceStep after) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, String> e : after.variables().entrySet()) {
            String old = before.variables().get(e.getKey());
            if (old == null) {
                lines.add(e.getKey() + " = " + TlaValue.parse(e.getValue()));
            } else {
                diff(e.getKey(), TlaValue.parse(old), TlaValue.parse(e.getValue()), lines);
            }
        }
        return lines;
    }

    private static List<String> fullState(TraceStep step) {
        List<String> lines = new ArrayList<>();
        step.variables().forEach((name, value) -> lines.add(name + " = " + pretty(TlaValue.parse(value), name.length() + 7)));
        return lines;
    }

    private static void diff(String path, TlaValue old, TlaValue now, List<String> out) {
        if (old.toString().equals(now.toString())) return;
        if (old instanceof TlaValue.Record a && now instanceof TlaValue.Record b) {
            diffMaps(path, ".", "", a.fields(), b.fields(), out);
        } else if (old instanceof TlaValue.Function a && now instanceof TlaValue.Function b) {
            diffMaps(path, "[", "]", a.entries(), b.entries(), out);
        } else if (old instanceof TlaValue.Set a && now instanceof TlaValue.Set b) {
            // One line per element: sets of messages change by a few large records at a time.
            List<String> was = strings(a.elements()), is = strings(b.elements());
            is.stream().filter(v -> !was.contains(v)).forEach(v -> out.add(path + " += " + v));
            was.stream().filter(v -> !is.contains(v)).forEach(v -> out.add(path + " -= " + v));
        } else if (old instanceof TlaValue.Sequence a && now instanceof TlaValue.Sequence b) {
            diffSequences(path, strings(a.elements()), strings(b.elements()), a, b, out);
        } else {
            out.add(path + ": " + old + " -> " + now);
        }
    }

    private static void diffMaps(String path, String open, String close, Map<String, TlaValue> old,
                                 Map<String, TlaValue> now, List<String> out) {
        for (Map.Entry<String, TlaValue> e : now.entrySet()) {
            TlaValue was = old.get(e.getKey());
            String sub = path + open + e.getKey() + close;
            if (was == null) out.add(sub + " (new) = " + e.getValue());
            else diff(sub, was, e.getValue(), out);
        }
        old.keySet().stream().filter(k -> !now.containsKey(k)).forEach(k -> out.add(path + open + k + close + " removed"));
    }

    private static void diffSequences(String path, List<String> was, List<String> is, TlaValue.Sequence a,
                                      TlaValue.Sequence b, List<String> out) {
        if (was.size() == is.size()) {
            for (int i = 0; i < was.size(); i++) {
                diff(path + "[" + (i + 1) + "]", a.elements().get(i), b.elements().get(i), out);
            }
        } else if (is.size() > was.size() && is.subList(0, was.size()).equals(was)) {
            out.add(path + ": appended " + String.join(", ", is.subList(was.size(), is.size())));
        } else if (is.size() < was.size() && was.subList(was.size() - is.size(), was.size()).equals(is)) {
            out.add(path + ": removed head " + String.join(", ", was.subList(0, was.size() - is.size())));
        } else if (is.size() < was.size() && was.subList(0, is.size()).equals(is)) {
            out.add(path + ": removed tail " + String.join(", ", was.subList(is.size(), was.size())));
        } else {
            out.add(path + ": " + a + " -> " + b);
        }
    }

    /** One line if it fits, else one element per line, indented, recursively. */
    static String pretty(TlaValue value, int column) {
        String flat = value.toString();
        if (column + flat.length() <= WIDTH) return flat;
        List<String> items = new ArrayList<>();
        String open, close;
        if (value instanceof TlaValue.Record r) {
            open = "["; close = "]";
            r.fields().forEach((k, v) -> items.add(k + " |-> " + pretty(v, k.length() + 9)));
        } else if (value instanceof TlaValue.Function f) {
            open = "("; close = ")";
            f.entries().forEach((k, v) -> items.add(k + " :> " + pretty(v, k.length() + 8)));
        } else if (value instanceof TlaValue.Sequence s) {
            open = "<<"; close = ">>";
            s.elements().forEach(v -> items.add(pretty(v, 4)));
        } else if (value instanceof TlaValue.Set s) {
            open = "{"; close = "}";
            s.elements().forEach(v -> items.add(pretty(v, 4)));
        } else {
            return flat;
        }
        String separator = value instanceof TlaValue.Function ? " @@" : ",";
        return open + "\n    " + String.join(separator + "\n", items).replace("\n", "\n    ") + "\n" + close;
    }

    private static List<String> strings(List<TlaValue> values) {
        return values.stream().map(Objects::toString).toList();
    }

    /** "line 8, col 11 to line 8, col 99 of module Counter" → "Counter:8". */
    static String shortLocation(String location) {
        Matcher m = LOCATION.matcher(location);
        return m.matches() ? m.group(2) + ":" + m.group(1) : location;
    }
}
