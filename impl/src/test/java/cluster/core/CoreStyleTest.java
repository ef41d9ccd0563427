package cluster.core;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The protocol cores stay deterministic and free of I/O: their sources may not read a clock, draw
 * randomness, sleep, start threads, or touch the network or the file system (style-examples.md §6, 8, 15).
 */
class CoreStyleTest {
    static final List<String> CORE_PACKAGES = List.of("core", "master", "worker", "driver", "executor");

    private static final List<String> BANNED = List.of("System.currentTimeMillis", "System.nanoTime", "new Random",
            "Thread.sleep", "UUID.randomUUID", "java.net", "java.io.File", "Instant.now", "LocalDateTime.now",
            "ThreadLocalRandom", "new Thread", "Math.random", "java.nio.file");

    @Test
    void core_sources_use_no_clock_randomness_threads_network_or_files() throws IOException {
        List<Path> files = SpecNamesTest.coreSourceFiles();
        assertFalse(files.isEmpty());
        List<String> violations = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                for (String banned : BANNED) {
                    if (lines.get(i).contains(banned)) {
                        violations.add(file + ":" + (i + 1) + " uses " + banned);
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void core_source_lines_stay_short() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : SpecNamesTest.coreSourceFiles()) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).length() > 130) {
                    violations.add(file + ":" + (i + 1) + " is " + lines.get(i).length() + " characters");
                }
            }
        }
        assertEquals(List.of(), violations);
    }
}
