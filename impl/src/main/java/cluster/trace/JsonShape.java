package cluster.trace;

/**
 * A cheap structural check that a line is exactly one JSON object: balanced braces and brackets outside
 * strings, closed strings, nothing after the last brace. Chronicle's JSON reader is lenient and would read
 * a torn line's prefix as a shorter object; this catches the torn line first.
 */
final class JsonShape {
    private JsonShape() {
    }

    static boolean isOneObject(String line) {
        String s = line.strip();
        if (s.isEmpty() || s.charAt(0) != '{') {
            return false;
        }
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
                continue;
            }
            switch (c) {
                case '"' -> inString = true;
                case '{', '[' -> depth++;
                case '}', ']' -> {
                    depth--;
                    if (depth < 0 || (depth == 0 && i != s.length() - 1)) {
                        return false;
                    }
                }
                default -> { }
            }
        }
        return depth == 0 && !inString;
    }
}
