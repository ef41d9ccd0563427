package cluster.tracecheck;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Values the trace spec prints with PrintT ({@code <<"TRACE-STATE", ...>>}), read back from TLC's output,
 * where TLC spreads a long value over several indented lines: collected until the brackets balance, with
 * white space collapsed, and split into top-level parts for the report.
 */
final class TlcPrinted {
    private TlcPrinted() {
    }

    /** Every printed tuple whose first element is the string {@code tag}, as one line each, in order. */
    static List<String> tuples(List<String> output, String tag) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < output.size(); i++) {
            String line = output.get(i).strip();
            if (!line.startsWith("<<") || !line.replace(" ", "").startsWith("<<\"" + tag + "\"")) {
                continue;
            }
            StringBuilder value = new StringBuilder(line);
            while (depth(value) > 0 && i + 1 < output.size()) {
                value.append(' ').append(output.get(++i).strip());
            }
            found.add(value.toString().replaceAll("\\s+", " "));
        }
        return found;
    }

    /** The top-level elements of a tuple, set or record text ({@code <<a, b>>}, {@code {a, b}}, {@code [f |-> a]}). */
    static List<String> parts(String value) {
        String v = value.strip();
        String inner = v.substring(v.startsWith("<<") ? 2 : 1, v.length() - (v.endsWith(">>") ? 2 : 1));
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int comma : scan(inner).commas) {
            parts.add(inner.substring(start, comma).strip());
            start = comma + 1;
        }
        if (!inner.isBlank()) {
            parts.add(inner.substring(start).strip());
        }
        return parts;
    }

    /** For two set texts: the elements only in the first. */
    static Set<String> minus(String a, String b) {
        Set<String> only = new LinkedHashSet<>(parts(a));
        only.removeAll(parts(b));
        return only;
    }

    /** Bracket depth at the end, and where the commas at depth 0 are, outside strings. */
    private record Scan(int depth, List<Integer> commas) {
    }

    private static Scan scan(CharSequence s) {
        int depth = 0;
        boolean inString = false;
        List<Integer> commas = new ArrayList<>();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pair = i + 1 < s.length() && s.charAt(i + 1) == c;
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{' || c == '(' || (c == '<' && pair)) {
                depth++;
                i += c == '<' ? 1 : 0;
            } else if (c == ']' || c == '}' || c == ')' || (c == '>' && pair)) {
                depth--;
                i += c == '>' ? 1 : 0;
            } else if (c == ',' && depth == 0) {
                commas.add(i);
            }
        }
        return new Scan(depth, commas);
    }

    private static int depth(CharSequence s) {
        return scan(s).depth();
    }
}
