package cluster.runtime;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory sizes written the way Spark users write them ({@code spark.executor.memory}, {@code --executor-memory},
 * {@code SPARK_WORKER_MEMORY}): a whole number with an optional unit b, k, m, g, t, p (or kb, mb, …), any case.
 * Like Spark's {@code byteStringAsMb}, a bare number means megabytes and smaller units round down to whole MB;
 * fractions such as {@code 1.5g} are refused, as Spark refuses them.
 */
public final class SparkSizes {
    private static final Pattern SIZE = Pattern.compile("([0-9]+)([a-z]*)");

    private SparkSizes() {
    }

    /** The size in MB; throws IllegalArgumentException with a message fit for a user. */
    public static long toMb(String text) {
        Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size (examples: 4096, 512m, 4g)");
        }
        long value;
        try {
            value = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is too large");
        }
        int shift = switch (m.group(2)) { // power of 1024 relative to one MB, can be negative
            case "b" -> -2;
            case "k", "kb" -> -1;
            case "", "m", "mb" -> 0;
            case "g", "gb" -> 1;
            case "t", "tb" -> 2;
            case "p", "pb" -> 3;
            default -> throw new IllegalArgumentException("'" + text + "' has an unknown unit '" + m.group(2)
                    + "' (use b, k, m, g, t or p)");
        };
        if (shift < 0) {
            return value >> (-10 * shift);
        }
        if (value > (Long.MAX_VALUE >> (10 * shift))) {
            throw new IllegalArgumentException("'" + text + "' is too large");
        }
        return value << (10 * shift);
    }
}
