package cluster.tracecheck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The Markdown report the checker leaves beside the trace files. */
final class TraceReport {
    private TraceReport() {
    }

    /** Writes {@code trace-check.md} into dir; returns its path, or null when dir is not a writable directory. */
    static Path write(Path dir, TraceVerdict v) {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        StringBuilder s = new StringBuilder("# Trace check\n\n");
        s.append("| | |\n|---|---|\n");
        s.append("| verdict | ").append(v.kind()).append(" (exit ").append(v.exitCode()).append(") |\n");
        s.append("| events | ").append(v.events()).append(" |\n");
        s.append(String.format(Locale.ROOT, "| time | %.1f s |%n", v.seconds()));
        if (v.events() > 0) {
            s.append(String.format(Locale.ROOT, "| events per second | %.0f |%n", v.events() / Math.max(v.seconds(), 1e-3)));
        }
        s.append("\n").append(v.message()).append("\n");
        if (!v.details().isEmpty()) {
            s.append("\n```\n").append(v.details()).append("\n```\n");
        }
        Path file = dir.resolve(TraceChecker.REPORT_FILE);
        try {
            Files.writeString(file, s);
            return file;
        } catch (IOException e) {
            return null;
        }
    }
}
