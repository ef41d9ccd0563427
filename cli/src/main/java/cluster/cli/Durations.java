package cluster.cli;

import picocli.CommandLine;

/** Durations on the command line: {@code 500ms}, {@code 60s}, {@code 2m}, {@code 1h}; a bare number is seconds. */
final class Durations {
    private Durations() {
    }

    static long parseNanos(CommandLine cl, String flag, String text) {
        try {
            return Math.multiplyExact(cluster.conf.Durations.parseMs(flag, text, 1000), 1_000_000L);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new CommandLine.ParameterException(cl, flag + " must be a positive duration such as 60s, 2m or "
                    + "500ms: '" + text + "'");
        }
    }
}
