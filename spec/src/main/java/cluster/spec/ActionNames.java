package cluster.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the action of a counterexample step by its source. TLC names a step taken by a disjunct such as
 * {@code \E m \in Masters, msg \in msgs : MasterHandleRegisterWorker(m, msg)} only by the operator the disjunct
 * belongs to ("MasterNext"), but its location points to the disjunct: the operator that the quantifiers apply to
 * is the action's name. Anything else (TLC already named the action, no source, a shape not recognised) keeps
 * TLC's name.
 */
public final class ActionNames {
    private static final Pattern LOCATION =
            Pattern.compile("^line (\\d+), col (\\d+) to line (\\d+), col (\\d+) of module (\\S+)$");
    /** One or more quantifiers, then the operator applied: {@code \E a \in S, b \in T : \E c \in U : Op(}. */
    private static final Pattern QUANTIFIED_ACTION =
            Pattern.compile("^(?:\\\\[EA]\\s[^:]*:\\s*)+([A-Za-z_][A-Za-z0-9_]*)\\s*\\(");

    private final Function<String, List<String>> moduleLines;

    /** @param moduleLines a module's source lines by module name; null if the source is not available */
    public ActionNames(Function<String, List<String>> moduleLines) {
        this.moduleLines = moduleLines;
    }

    /** TLC's names as they are. */
    public static ActionNames asTlcNamesThem() {
        return new ActionNames(module -> null);
    }

    /** Reads the modules from the spec directory (each at most once). */
    public static ActionNames fromSpecDir(Path specDir) {
        Map<String, List<String>> cache = new HashMap<>();
        return new ActionNames(module -> cache.computeIfAbsent(module, m -> {
            try {
                return Files.readAllLines(specDir.resolve(m + ".tla"));
            } catch (IOException e) {
                return null; // no source: keep TLC's name
            }
        }));
    }

    /** The action that led to this step: the quantified operator at its location, else TLC's name. */
    public String of(TraceStep step) {
        Matcher at = LOCATION.matcher(step.location());
        if (!at.matches()) return step.action();
        List<String> lines = moduleLines.apply(at.group(5));
        String text = lines == null ? null : text(lines, Integer.parseInt(at.group(1)), Integer.parseInt(at.group(2)),
                Integer.parseInt(at.group(3)), Integer.parseInt(at.group(4)));
        if (text == null) return step.action();
        Matcher action = QUANTIFIED_ACTION.matcher(text.strip());
        return action.find() ? action.group(1) : step.action();
    }

    /** The source between two 1-based positions, both included; null if they lie outside the module. */
    private static String text(List<String> lines, int fromLine, int fromCol, int toLine, int toCol) {
        if (fromLine < 1 || toLine > lines.size() || fromLine > toLine) return null;
        StringBuilder text = new StringBuilder();
        for (int n = fromLine; n <= toLine; n++) {
            String line = lines.get(n - 1);
            int start = n == fromLine ? Math.min(Math.max(fromCol - 1, 0), line.length()) : 0;
            int end = n == toLine ? Math.min(Math.max(toCol, start), line.length()) : line.length();
            text.append(line, start, end).append('\n');
        }
        return text.toString();
    }
}
