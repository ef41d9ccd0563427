package cluster.cli;

import picocli.CommandLine;

import java.util.Locale;

/** Durations on the command line: {@code 500ms}, {@code 60s}, {@code 2m}, {@code 1h}; a bare number is seconds. */
final class Durations {
    private Durations() {
    }

    static long parseNanos(CommandLine cl, String flag, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        long unitNanos = 1_000_000_000L;
        String digits = t;
        if (t.endsWith("ms")) {
            unitNanos = 1_000_000L;
            digits = t.substring(0, t.length() - 2);
        } else if (t.endsWith("s")) {
            digits = t.substring(0, t.length() - 1);
        } else if (t.endsWith("m")) {
            unitNanos = 60_000_000_000L;
            digits = t.substring(0, t.length() - 1);
        } else if (t.endsWith("h")) {
            unitNanos = 3_600_000_000_000L;
            digits = t.substring(0, t.length() - 1);
        }
        try {
            long value = Long.parseLong(digits);
            if (value <= 0) {
                throw new NumberFormatException("not positive");
            }
            return Math.multiplyExact(value, unitNanos);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new CommandLine.ParameterException(cl, flag + " must be a positive duration such as 60s, 2m or "
                    + "500ms: '" + text + "'");
        }
    }
}
