package cluster.tracecheck;

import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * TLA+ value text in one canonical form (record fields and set elements sorted), so that two equal values
 * give equal text: the trace translator compares messages by their text to find redeliveries.
 */
final class Tla {
    private Tla() {
    }

    static String str(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    static String num(long n) {
        return Long.toString(n);
    }

    static String bool(boolean b) {
        return b ? "TRUE" : "FALSE";
    }

    /** A record from field name to value text; an empty record cannot be written in TLA+, so it becomes [none |-> TRUE]. */
    static String record(Map<String, String> fields) {
        if (fields.isEmpty()) {
            return "[none |-> TRUE]";
        }
        return new java.util.TreeMap<>(fields).entrySet().stream().map(e -> e.getKey() + " |-> " + e.getValue())
                .collect(Collectors.joining(", ", "[", "]"));
    }

    static String set(Collection<String> elements) {
        return new TreeSet<>(elements).stream().collect(Collectors.joining(", ", "{", "}"));
    }

    static String seq(Collection<String> elements) {
        return elements.stream().collect(Collectors.joining(", ", "<<", ">>"));
    }

    /** A function over the given domain (keys already TLA text), as {@code (k1 :> v1 @@ k2 :> v2)}. */
    static String function(Map<String, String> entries) {
        if (entries.isEmpty()) {
            return "<<>>";
        }
        return new java.util.TreeMap<>(entries).entrySet().stream().map(e -> e.getKey() + " :> " + e.getValue())
                .collect(Collectors.joining(" @@ ", "(", ")"));
    }
}
