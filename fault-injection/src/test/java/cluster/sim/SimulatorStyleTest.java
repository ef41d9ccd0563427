package cluster.sim;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What keeps a run replayable from its seed, enforced on the simulator's sources: no clock, no other random
 * source than the run's SplittableRandom, no sleeping, no identity hashes in what is iterated. Only the campaign
 * and the validation of its sampled traces (after the runs) read the wall clock, for their figures (never inside
 * a run), and only the non-idempotent-reports
 * variant keys a map by core identity (for lookups only). Lines fit in 130 columns, as the cores' style test asks.
 */
class SimulatorStyleTest {
    private static final List<String> BANNED = List.of("System.currentTimeMillis", "System.nanoTime", "new Random(",
            "Math.random", "ThreadLocalRandom", "UUID.randomUUID", "Thread.sleep", "Instant.now", "IdentityHashMap",
            "hashCode()", "LocalDateTime.now");
    private static final Map<String, List<String>> ALLOWED = Map.of(
            "Campaign.java", List.of("System.nanoTime"),
            "TraceValidation.java", List.of("System.nanoTime"),
            "NonIdempotentReports.java", List.of("IdentityHashMap"));

    @Test
    void simulator_sources_use_no_clock_and_no_other_randomness() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/cluster/sim"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String name = file.getFileName().toString();
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).length() > 130) {
                        found.add(name + ":" + (i + 1) + " is longer than 130 columns");
                    }
                    for (String banned : BANNED) {
                        if (lines.get(i).contains(banned) && !ALLOWED.getOrDefault(name, List.of()).contains(banned)) {
                            found.add(name + ":" + (i + 1) + " uses " + banned);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }
}
