package cluster.tracecheck;

import cluster.trace.JsonLinesTraceSink;
import cluster.trace.TraceEntry;
import cluster.trace.TraceFileReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** Breaks traces by hand for the tests: read a run's files, change one node's events, write them elsewhere. */
final class TraceEdit {
    private final Map<String, List<TraceEntry>> byNode = new TreeMap<>();

    private TraceEdit(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(JsonLinesTraceSink.SUFFIX))::iterator) {
                List<TraceEntry> entries = TraceFileReader.read(f);
                byNode.put(entries.get(0).node(), new ArrayList<>(entries));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TraceEdit of(Path dir) {
        return new TraceEdit(dir);
    }

    List<TraceEntry> events(String node) {
        return byNode.get(node);
    }

    /** The first event of a node with this action, or of any node when node is null. */
    TraceEntry first(String node, String action) {
        return byNode.entrySet().stream().filter(e -> node == null || e.getKey().equals(node))
                .flatMap(e -> e.getValue().stream()).filter(t -> t.action().equals(action)).findFirst().orElseThrow();
    }

    TraceEdit replace(TraceEntry old, UnaryOperator<TraceEntry> change) {
        List<TraceEntry> events = byNode.get(old.node());
        events.set((int) old.seq() - 1, change.apply(old));
        return this;
    }

    /** Writes every node's events through the real sink (so the files stay well-formed). */
    Path writeTo(Path dir) {
        byNode.forEach((node, entries) -> {
            try (JsonLinesTraceSink sink = new JsonLinesTraceSink(dir, node)) {
                entries.forEach(sink::append);
            }
        });
        return dir;
    }

    static TraceEntry with(TraceEntry e, Map<String, Long> clock, String action, TraceEntry.MessageRef received,
            List<TraceEntry.MessageRef> sent, Map<String, Object> changed) {
        return new TraceEntry(e.node(), e.seq(), clock, action, received, sent, changed);
    }
}
