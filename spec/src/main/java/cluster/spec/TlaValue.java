package cluster.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A value as TLC prints it in a trace, split just enough to diff two states: records {@code [a |-> 1]},
 * functions {@code (p1 :> 1 @@ p2 :> 2)}, sequences/tuples {@code <<1, 2>>} and sets {@code {1, 2}}; everything
 * else (numbers, strings, model values, anything we do not recognise) stays an opaque {@link Atom}.
 * {@link #toString()} is a canonical one-line form, so a value TLC wrapped over several lines compares equal to the
 * same value printed on one line.
 */
public sealed interface TlaValue {
    record Atom(String text) implements TlaValue {
        @Override public String toString() { return text; }
    }

    record Record(Map<String, TlaValue> fields) implements TlaValue {
        @Override public String toString() { return join("[", fields, " |-> ", ", ", "]"); }
    }

    /** A function TLC prints with {@code :>} and {@code @@}; keys are the canonical text of the domain elements. */
    record Function(Map<String, TlaValue> entries) implements TlaValue {
        @Override public String toString() { return join("(", entries, " :> ", " @@ ", ")"); }
    }

    record Sequence(List<TlaValue> elements) implements TlaValue {
        @Override public String toString() { return "<<" + list(elements) + ">>"; }
    }

    /** TLC prints sets in a canonical order, so equal sets print equal. */
    record Set(List<TlaValue> elements) implements TlaValue {
        @Override public String toString() { return "{" + list(elements) + "}"; }
    }

    static TlaValue parse(String text) {
        String s = text.strip();
        if (encloses(s, "[", "]")) {
            List<String> parts = splitTop(s.substring(1, s.length() - 1), ",");
            Map<String, TlaValue> fields = pairs(parts, "|->");
            if (fields != null) return new Record(fields);
        } else if (encloses(s, "<<", ">>")) {
            return new Sequence(elements(s.substring(2, s.length() - 2)));
        } else if (encloses(s, "{", "}")) {
            return new Set(elements(s.substring(1, s.length() - 1)));
        } else if (encloses(s, "(", ")")) {
            Map<String, TlaValue> entries = pairs(splitTop(s.substring(1, s.length() - 1), "@@"), ":>");
            if (entries != null) return new Function(entries);
        }
        return new Atom(s);
    }

    private static List<TlaValue> elements(String inner) {
        if (inner.isBlank()) return List.of();
        return splitTop(inner, ",").stream().map(TlaValue::parse).toList();
    }

    /** Splits each part at its first top-level separator into key and value; null if a part has none. */
    private static Map<String, TlaValue> pairs(List<String> parts, String separator) {
        Map<String, TlaValue> map = new LinkedHashMap<>();
        for (String part : parts) {
            List<String> kv = splitTop(part, separator);
            if (kv.size() < 2) return null;
            String value = part.substring(part.indexOf(separator, kv.get(0).length()) + separator.length());
            map.put(parse(kv.get(0)).toString(), parse(value));
        }
        return map;
    }

    /** True if s starts with open, ends with close, and that first bracket closes only at the very end. */
    private static boolean encloses(String s, String open, String close) {
        if (!s.startsWith(open) || !s.endsWith(close) || s.length() < open.length() + close.length()) return false;
        int[] depth = {0};
        int closedAt = -1;
        for (int i = 0; i < s.length(); i = step(s, i, depth)) {
            if (i > 0 && depth[0] == 0 && closedAt < 0) closedAt = i;
        }
        return closedAt < 0 || closedAt == s.length();
    }

    /** Splits at every occurrence of the separator outside brackets and strings. */
    private static List<String> splitTop(String s, String separator) {
        List<String> parts = new ArrayList<>();
        int[] depth = {0};
        int start = 0;
        for (int i = 0; i < s.length(); ) {
            if (depth[0] == 0 && s.startsWith(separator, i)) {
                parts.add(s.substring(start, i).strip());
                i += separator.length();
                start = i;
            } else {
                i = step(s, i, depth);
            }
        }
        parts.add(s.substring(start).strip());
        return parts;
    }

    /** Advances over one token at i, updating the bracket depth; returns the index after the token. */
    private static int step(String s, int i, int[] depth) {
        char c = s.charAt(i);
        if (c == '"') {
            int j = i + 1;
            while (j < s.length() && s.charAt(j) != '"') j += s.charAt(j) == '\\' ? 2 : 1;
            return Math.min(j + 1, s.length());
        }
        if (s.startsWith("|->", i)) return i + 3; // its '>' is no bracket
        if (s.startsWith(":>", i)) return i + 2;
        if (s.startsWith("<<", i)) { depth[0]++; return i + 2; }
        if (s.startsWith(">>", i)) { depth[0]--; return i + 2; }
        if (c == '[' || c == '(' || c == '{') depth[0]++;
        if (c == ']' || c == ')' || c == '}') depth[0]--;
        return i + 1;
    }

    private static String join(String open, Map<String, TlaValue> map, String arrow, String sep, String close) {
        return map.entrySet().stream().map(e -> e.getKey() + arrow + e.getValue())
                .collect(Collectors.joining(sep, open, close));
    }

    private static String list(List<TlaValue> values) {
        return values.stream().map(TlaValue::toString).collect(Collectors.joining(", "));
    }
}
