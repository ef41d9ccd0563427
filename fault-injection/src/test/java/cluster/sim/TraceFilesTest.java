package cluster.sim;

import cluster.trace.JsonLinesTraceSink;
import cluster.trace.TraceEntry;
import cluster.trace.TraceFileReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A simulated run's trace is written as the runtime writes its own: a file per node that the trace reader reads. */
class TraceFilesTest {

    @Test
    void a_run_writes_one_readable_trace_file_per_node(@TempDir Path dir) throws Exception {
        InMemoryTraceSink memory = new InMemoryTraceSink();
        new Simulation(SimOptions.defaults(3), null, memory).run();
        new Simulation(SimOptions.defaults(3), null, new TraceFiles(dir)).run();
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.sorted().toList();
        }
        assertTrue(files.contains(dir.resolve(JsonLinesTraceSink.fileName("master-1"))), files.toString());
        long read = 0;
        for (Path file : files) {
            List<TraceEntry> entries = TraceFileReader.read(file);
            String node = entries.get(0).node();
            List<TraceEntry> expected = memory.entries.stream().filter(e -> e.node().equals(node)).toList();
            assertEquals(expected.size(), entries.size(), node);
            for (int i = 0; i < entries.size(); i++) {
                assertEquals(expected.get(i).action(), entries.get(i).action());
                assertEquals(expected.get(i).vectorClock(), entries.get(i).vectorClock());
            }
            read += entries.size();
        }
        assertEquals(memory.entries.size(), read);
    }

    @Test
    void a_campaign_traces_every_nth_run(@TempDir Path dir) throws Exception {
        SampledTraces traces = SampledTraces.in(dir, 40, 2);
        Campaign.run(SimOptions.defaults(40), 5, 2, done -> { }, traces::sink);
        try (Stream<Path> list = Files.list(dir)) {
            assertEquals(List.of("seed-40", "seed-42", "seed-44"),
                    list.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals(List.of(40L, 42L, 44L), traces.seeds());
        traces.close();
        assertTrue(Files.isDirectory(dir.resolve("seed-40")), "a directory the user gave is kept");
    }

    @Test
    void a_temporary_trace_directory_is_removed_and_every_0_traces_nothing() {
        Path root;
        try (SampledTraces traces = SampledTraces.temporary(7, 1)) {
            Campaign.run(SimOptions.defaults(7).withSteps(50), 1, 1, done -> { }, traces::sink);
            root = traces.dirOf(7).getParent();
            assertTrue(Files.isDirectory(traces.dirOf(7)));
        }
        assertTrue(Files.notExists(root), "removed: " + root);
        SampledTraces off = SampledTraces.temporary(7, 0);
        assertEquals(cluster.trace.TraceSink.NONE, off.sink(7));
        assertEquals(List.of(), off.seeds());
    }
}
