package cluster.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the action names out of the spec's next-state relation (spec/tla/SparkStandalone.tla). */
public final class SpecActions {
    /** Tests run in the impl module's directory; the spec sits beside it. */
    public static final Path SPEC = Path.of("..", "spec", "tla", "SparkStandalone.tla");

    private static final Pattern DISJUNCT = Pattern.compile(":\\s*([A-Z][A-Za-z]*)\\(");
    private static final Pattern DISJUNCTION_DEFINITION =
            Pattern.compile("(?m)^([A-Z][A-Za-z]*)\\([^)]*\\)\\s*==\\s*([A-Z][A-Za-z]*)\\([^)]*\\)\\s*\\\\/\\s*([A-Z][A-Za-z]*)\\([^)]*\\)\\s*$");

    private SpecActions() {
    }

    public static String specText() {
        try {
            return Files.readString(SPEC);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the spec at " + SPEC.toAbsolutePath(), e);
        }
    }

    /** The actions named in the disjuncts of MasterNext, WorkerNext, ExecutorNext, DriverNext, AppChoices and Faults. */
    public static Set<String> nextActions() {
        String text = specText();
        int start = text.indexOf("MasterNext ==");
        int end = text.indexOf("\nNext ==", start);
        if (start < 0 || end < 0) {
            throw new IllegalStateException("the spec no longer has MasterNext ... Next ==");
        }
        Set<String> actions = new LinkedHashSet<>();
        Matcher m = DISJUNCT.matcher(text.substring(start, end));
        while (m.find()) {
            actions.add(m.group(1));
        }
        return actions;
    }

    /**
     * Names a trace event may carry: every next-state action, plus operators defined as the disjunction of
     * two of them (MasterWorkerTimeout == ...OfDeadWorker \/ ...OfLiveWorker), for a step whose two spec
     * cases the implementation cannot tell apart.
     */
    public static Set<String> traceableActions() {
        Set<String> actions = new LinkedHashSet<>(nextActions());
        Matcher m = DISJUNCTION_DEFINITION.matcher(specText());
        while (m.find()) {
            if (actions.contains(m.group(2)) && actions.contains(m.group(3))) {
                actions.add(m.group(1));
            }
        }
        return actions;
    }
}
