package cluster.sim;

import cluster.trace.TraceEntry;
import cluster.trace.TraceSink;

import java.util.ArrayList;
import java.util.List;

/** Test helper: keeps the trace entries in a list. */
final class InMemoryTraceSink implements TraceSink {
    final List<TraceEntry> entries = new ArrayList<>();
    boolean closed;

    @Override
    public void append(TraceEntry entry) {
        entries.add(entry);
    }

    @Override
    public void close() {
        closed = true;
    }
}
