package cluster.sim;

import cluster.trace.JsonLinesTraceSink;
import cluster.trace.TraceEntry;
import cluster.trace.TraceSink;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A run's trace as the real runtime writes it: one {@link JsonLinesTraceSink} file per node
 * ({@code <dir>/<node>.trace.jsonl}), opened when the node's first traced step comes, so the trace checker reads
 * simulated and real runs alike.
 */
public final class TraceFiles implements TraceSink {
    private final Path dir;
    private final Map<String, JsonLinesTraceSink> byNode = new LinkedHashMap<>();

    public TraceFiles(Path dir) {
        this.dir = dir;
    }

    @Override
    public void append(TraceEntry entry) {
        byNode.computeIfAbsent(entry.node(), node -> new JsonLinesTraceSink(dir, node)).append(entry);
    }

    @Override
    public void close() {
        byNode.values().forEach(JsonLinesTraceSink::close);
    }
}
