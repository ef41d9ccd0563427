package cluster.sim;

import cluster.trace.JsonLinesTraceSink;
import cluster.tracecheck.TraceVerdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The trace checker judges the simulator's traces, not just accepts them: a run's trace conforms, and the same trace
 * with one logged value changed is rejected, naming that event and the variable that differs.
 */
class TamperedTraceTest {

    @Test
    void a_simulated_trace_with_one_event_tampered_is_rejected_naming_that_event(@TempDir Path dir) throws Exception {
        SimOptions run = SimOptions.defaults(1).withSteps(80);
        new Simulation(run, null, new TraceFiles(dir)).run();
        TraceVerdict honest = TraceValidation.checker(run).run(dir);
        assertEquals(TraceVerdict.Kind.CONFORMS, honest.kind(), honest.message() + "\n" + honest.details());

        // the first worker a master registers: logged ALIVE at once instead of UNKNOWN (its executor list unknown)
        Path file = dir.resolve(JsonLinesTraceSink.fileName("master-1"));
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        int index = -1;
        for (int i = 0; i < lines.size() && index < 0; i++) {
            if (lines.get(i).contains("\"action\":\"MasterHandleRegisterWorker\"")) {
                index = i;
            }
        }
        assertTrue(index >= 0, "master-1 registers a worker in this run");
        String line = lines.get(index);
        int at = line.lastIndexOf("\"state\":\"UNKNOWN\"");
        assertTrue(at > line.indexOf("\"changed\""), line);
        lines.set(index, line.substring(0, at) + "\"state\":\"ALIVE\"" + line.substring(at + "\"state\":\"UNKNOWN\"".length()));
        Files.write(file, lines, StandardCharsets.UTF_8);

        TraceVerdict tampered = TraceValidation.checker(run).run(dir);
        assertEquals(TraceVerdict.Kind.VIOLATION, tampered.kind(), tampered.message());
        assertTrue(tampered.message().contains("event master-1#" + (index + 1) + " MasterHandleRegisterWorker"),
                tampered.message());
        assertTrue(tampered.details().contains("mWorkers"), tampered.details());
    }
}
