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
        int open = v.startsWith("<<") ? 2 : 1;
        int close = v.endsWith(">>") ? 2 : 1;
        String inner = v.substring(open, v.length() - close);
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean inString = false;
        int start = 0;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{' || c == '(' || (c == '<' && next(inner, i) == '<')) {
                depth++;
                i += c == '<' ? 1 : 0;
            } else if (c == ']' || c == '}' || c == ')' || (c == '>' && next(inner, i) == '>')) {
                depth--;
                i += c == '>' ? 1 : 0;
            } else if (c == ',' && depth == 0) {
                parts.add(inner.substring(start, i).strip());
                start = i + 1;
            }
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

    private static char next(String s, int i) {
        return i + 1 < s.length() ? s.charAt(i + 1) : 0;
    }

    private static int depth(CharSequence s) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{' || c == '(' || c == '<' && i + 1 < s.length() && s.charAt(i + 1) == '<') {
                depth++;
                i += c == '<' ? 1 : 0;
            } else if (c == ']' || c == '}' || c == ')' || c == '>' && i + 1 < s.length() && s.charAt(i + 1) == '>') {
                depth--;
                i += c == '>' ? 1 : 0;
            }
        }
        return depth;
    }
}
