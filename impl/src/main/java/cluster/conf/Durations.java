package cluster.conf;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations written as Spark writes them: a whole number with {@code ms}, {@code s}, {@code m}/{@code min} or
 * {@code h}. Spark reads a bare number in the unit of the key it belongs to, so the caller says which unit that is.
 * Shared by the runtime's settings and the coordination backends, which both read Spark's keys.
 */
public final class Durations {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|min|m|h)?");

    private Durations() {
    }

    /**
     * The duration in milliseconds, at least 1.
     *
     * @throws IllegalArgumentException naming the key and the value when it is not a positive duration
     */
    public static long parseMs(String key, String value, long bareUnitMs) {
        Matcher m = DURATION.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw bad(key, value, "a duration such as 500ms, 5s or 2min");
        }
        long factor = m.group(2) == null ? bareUnitMs : switch (m.group(2)) {
            case "ms" -> 1L;
            case "s" -> 1_000L;
            case "m", "min" -> 60_000L;
            default -> 3_600_000L;
        };
        long ms;
        try {
            ms = Math.multiplyExact(Long.parseLong(m.group(1)), factor);
        } catch (ArithmeticException | NumberFormatException e) {
            throw bad(key, value, "a duration that fits in a long of milliseconds");
        }
        if (ms < 1) {
            throw bad(key, value, "a positive duration");
        }
        return ms;
    }

    private static IllegalArgumentException bad(String key, String value, String expected) {
        return new IllegalArgumentException(key + " must be " + expected + ", got '" + value + "'");
    }
}
