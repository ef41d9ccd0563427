package cluster.runtime;

import cluster.trace.JsonLinesTraceSink;
import cluster.trace.TraceEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A node restarted under its id goes on from its trace file, also when its predecessor died mid-line. */
class TracesTest {

    @TempDir
    Path dir;

    private static TraceEntry entry(long seq) {
        return new TraceEntry("master@h:1", seq, Map.of("master@h:1", seq), "MasterSchedule", null, List.of(),
                Map.of("mState", "ALIVE"));
    }

    @Test
    void a_torn_last_line_is_dropped_and_the_history_goes_on_after_the_last_whole_one() throws Exception {
        try (JsonLinesTraceSink sink = new JsonLinesTraceSink(dir, "master@h:1")) {
            sink.append(entry(1));
            sink.append(entry(2));
        }
        Path file = dir.resolve(JsonLinesTraceSink.fileName("master@h:1"));
        String whole = Files.readString(file);
        Files.writeString(file, "{\"@TraceLine\":{\"node\":\"master@h:1\",\"seq\":3,", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        Traces.Resume resume = Traces.resume(dir.toString(), "master@h:1");

        assertTrue(resume.restart());
        assertEquals(2, resume.lastSeq());
        assertEquals(Map.of("master@h:1", 2L), resume.clock());
        assertEquals(whole, Files.readString(file), "the torn line is gone, the whole ones are kept");
    }

    @Test
    void a_file_of_only_a_torn_line_is_a_fresh_start() throws Exception {
        Path file = dir.resolve(JsonLinesTraceSink.fileName("master@h:1"));
        Files.writeString(file, "{\"@TraceLine\":{\"no");

        assertEquals(Traces.Resume.FRESH, Traces.resume(dir.toString(), "master@h:1"));
        assertEquals(0, Files.size(file));
    }
}
