package cluster.trace;

import cluster.messages.ExecutorStateChanged;
import cluster.messages.ExecutorState;
import cluster.messages.LaunchExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonLinesTraceSinkTest {
    @TempDir
    Path dir;

    private static TraceEntry entry(long seq) {
        LaunchExecutor launch = new LaunchExecutor(2, "w1", 1, "app-2-0000", 7, 1, 512, List.of("executor", "{{APP_ID}}"));
        Map<String, Object> changed = new LinkedHashMap<>();
        changed.put("wEpoch", 2L);
        changed.put("wExecs", List.of(Map.of("app", "app-2-0000", "id", 7L, "cores", 1L, "mem", 512L)));
        changed.put("wSeen", List.of(List.of("app-2-0000", 7L)));
        changed.put("wMaster", "m\u00e9-1 \ud83d\ude00");
        changed.put("flag", true);
        // a core's spec view holds sorted maps: Chronicle's JSON writer once lost a brace on a TreeMap
        java.util.TreeMap<String, Object> workers = new java.util.TreeMap<>();
        workers.put("w1", new java.util.TreeMap<>(Map.of("state", "ALIVE", "inc", 1L)));
        changed.put("mWorkers", workers);
        return new TraceEntry("worker@h:1", seq, Map.of("worker@h:1", seq, "m1", 4L), "WorkerHandleLaunchExecutor",
                new TraceEntry.MessageRef("m1", "worker@h:1", 9, launch),
                List.of(new TraceEntry.MessageRef("worker@h:1", "m1", seq, new ExecutorStateChanged("w1", 1, "app-2-0000", 7,
                        ExecutorState.RUNNING, null, null, false))), changed);
    }

    @Test
    void entries_round_trip_through_one_json_line_each() throws IOException {
        try (JsonLinesTraceSink sink = new JsonLinesTraceSink(dir, "worker@h:1")) {
            sink.append(entry(1));
            sink.append(entry(2));
        }
        Path file = dir.resolve("worker_h_1.trace.jsonl");
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size());
        List<TraceEntry> read = TraceFileReader.read(file);
        assertEquals(entry(1).changed(), read.get(0).changed());
        assertEquals(Map.of("w1", Map.of("state", "ALIVE", "inc", 1L)), read.get(0).changed().get("mWorkers"));
        assertEquals(entry(2).sent(), read.get(1).sent());
        assertEquals(entry(2).received(), read.get(1).received());
        assertEquals(entry(2), read.get(1));
    }

    @Test
    void a_torn_last_line_is_reported_as_incomplete_with_file_and_line() throws IOException {
        try (JsonLinesTraceSink sink = new JsonLinesTraceSink(dir, "n")) {
            sink.append(new TraceEntry("n", 1, Map.of("n", 1L), "DriverStop", null, List.of(), Map.of()));
        }
        Path file = dir.resolve("n.trace.jsonl");
        Files.writeString(file, "{\"@TraceLine\":{\"node\":\"n\",\"seq\":2", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        MalformedTraceException e = assertThrows(MalformedTraceException.class, () -> TraceFileReader.read(file));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("incomplete last line"), e.getMessage());
    }

    @Test
    void a_gap_in_the_sequence_names_the_missing_events() throws IOException {
        try (JsonLinesTraceSink sink = new JsonLinesTraceSink(dir, "n")) {
            for (long seq = 1; seq <= 3; seq++) {
                sink.append(new TraceEntry("n", seq, Map.of("n", seq), "DriverStop", null, List.of(), Map.of()));
            }
        }
        Path file = dir.resolve("n.trace.jsonl");
        List<String> lines = Files.readAllLines(file);
        Files.write(file, List.of(lines.get(0), lines.get(2)));
        MalformedTraceException e = assertThrows(MalformedTraceException.class, () -> TraceFileReader.read(file));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("events 2..2 are missing or out of sequence"), e.getMessage());
    }
}
