package cluster.app;

import java.util.SplittableRandom;

/**
 * The work an executor can do for the bundled sample application. A task's payload is text:
 * {@code pi <samples> <seed>} throws {@code samples} random darts at the unit square and returns how many
 * landed inside the quarter circle.
 */
public final class Tasks {
    private Tasks() {
    }

    public static String run(String payload) {
        String[] words = payload.trim().split("\\s+");
        if (words.length == 3 && words[0].equals("pi")) {
            long samples = Long.parseLong(words[1]);
            long seed = Long.parseLong(words[2]);
            return Long.toString(countInside(samples, seed));
        }
        throw new IllegalArgumentException("unknown task '" + payload + "'");
    }

    public static String piTask(long samples, long seed) {
        return "pi " + samples + " " + seed;
    }

    static long countInside(long samples, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long inside = 0;
        for (long i = 0; i < samples; i++) {
            double x = random.nextDouble();
            double y = random.nextDouble();
            if (x * x + y * y <= 1.0) {
                inside++;
            }
        }
        return inside;
    }
}
