package cluster.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Replays one run with its timeline recorded, and writes its HTML report. */
public final class Replay {
    private Replay() {
    }

    /** Replays {@code options} (the same seed gives the same run) and writes the report to {@code file}. */
    public static RunResult writeReport(SimOptions options, Path file) throws IOException {
        Timeline timeline = new Timeline();
        RunResult result = new Simulation(options, timeline, cluster.trace.TraceSink.NONE).run();
        String title = "Simulated campaign run, seed " + options.seed()
                + (result.failed() ? ": " + result.violation().property() + " violated" : ": no violation");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, HtmlReport.render(result, timeline, title), StandardCharsets.UTF_8);
        return result;
    }
}
