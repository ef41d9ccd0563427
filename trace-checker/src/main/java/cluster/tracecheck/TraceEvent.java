package cluster.tracecheck;

import cluster.trace.TraceEntry;

import java.nio.file.Path;

/** A traced event with where it came from: the node's file and its line there (line = seq). */
record TraceEvent(TraceEntry entry, Path file) {
    String name() {
        return entry.node() + "#" + entry.seq() + " " + entry.action();
    }

    String where() {
        return file.getFileName() + ":" + entry.seq();
    }
}
