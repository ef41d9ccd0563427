package cluster.runtime;

import cluster.trace.TraceSink;

import java.util.function.Function;

/** Opens the trace sink of a node: tracing off unless a trace directory is configured. */
public final class Traces {
    private Traces() {
    }

    /** The sinks of a process with this trace directory (null: tracing off). */
    public static Function<String, TraceSink> in(String traceDir) {
        return traceDir == null ? id -> TraceSink.NONE : id -> open(traceDir, id);
    }

    /** One JSON-lines file per node in {@code traceDir} (format: trace-checker/README.md); a new file. */
    public static TraceSink open(String traceDir, String nodeId) {
        return new cluster.trace.JsonLinesTraceSink(java.nio.file.Path.of(traceDir), nodeId);
    }

    /** Where a node's history stands in its trace file: nothing yet, or the last event of an earlier process. */
    public record Resume(long lastSeq, java.util.Map<String, Long> clock, long lastMsgId) {
        public static final Resume FRESH = new Resume(0, java.util.Map.of(), 0);

        public boolean restart() {
            return lastSeq > 0;
        }
    }

    /**
     * The trace file of a node that may have run before under the same id (a master or worker restarted on its
     * port): where its history stands, so the new process goes on from there (a restart, in the spec's terms).
     */
    public static Resume resume(String traceDir, String nodeId) {
        if (traceDir == null) {
            return Resume.FRESH;
        }
        java.nio.file.Path file = java.nio.file.Path.of(traceDir, cluster.trace.JsonLinesTraceSink.fileName(nodeId));
        if (!java.nio.file.Files.isRegularFile(file)) {
            return Resume.FRESH;
        }
        dropTornLastLine(file);
        java.util.List<cluster.trace.TraceEntry> entries = cluster.trace.TraceFileReader.read(file);
        if (entries.isEmpty()) {
            return Resume.FRESH;
        }
        cluster.trace.TraceEntry last = entries.get(entries.size() - 1);
        long lastMsgId = entries.stream().flatMap(e -> e.sent().stream()).mapToLong(m -> m.msgId()).max().orElse(0);
        return new Resume(last.seq(), last.vectorClock(), lastMsgId);
    }

    /**
     * A process killed while it wrote a line leaves that line torn (each line is one write, so only the last one
     * can be). The step it recorded did not finish, so the next life goes on after the last whole line; without
     * this, a node killed at the wrong moment could never start again under its id.
     */
    static void dropTornLastLine(java.nio.file.Path file) {
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file,
                java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE)) {
            long size = channel.size();
            long keep = size;
            java.nio.ByteBuffer one = java.nio.ByteBuffer.allocate(1);
            while (keep > 0) {
                one.clear();
                channel.read(one, keep - 1);
                if (one.get(0) == '\n') {
                    break;
                }
                keep--;
            }
            if (keep < size) {
                channel.truncate(keep);
                org.slf4j.LoggerFactory.getLogger(Traces.class).warn(
                        "{}: dropped a torn last line of {} bytes left by the previous process", file, size - keep);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot repair the trace file " + file, e);
        }
    }

    /** The sink that continues from {@code resume}. */
    public static TraceSink open(String traceDir, String nodeId, Resume resume) {
        return new cluster.trace.JsonLinesTraceSink(java.nio.file.Path.of(traceDir), nodeId, resume.lastSeq());
    }
}
