package cluster.trace;

import cluster.messages.ModifiedUtf8;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.wire.Wire;
import net.openhft.chronicle.wire.WireType;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A node's trace file: {@code <dir>/<node>.trace.jsonl} (characters other than letters, digits, '.', '-' and
 * '_' in the node id become '_'), one Chronicle Wire JSON object per {@link TraceEntry}, one per line. Each
 * line is written with a single write call straight to the file (no buffer in this JVM), so a process that is
 * killed leaves whole lines behind, except perhaps a torn last one, which the reader reports as incomplete.
 * Format: trace-checker/README.md.
 *
 * <p>Not thread-safe: a node's runtime appends from its one event loop.
 */
public final class JsonLinesTraceSink implements TraceSink {
    public static final String SUFFIX = ".trace.jsonl";

    private final Path file;
    private final String node;
    private final OutputStream out;
    private final Wire wire = WireType.JSON_ONLY.apply(Bytes.allocateElasticOnHeap(512));
    private long lastSeq;

    /**
     * Creates (or truncates) the trace file of {@code node} in {@code dir}, creating {@code dir} if needed.
     *
     * @throws UncheckedIOException if the file cannot be created
     */
    public JsonLinesTraceSink(Path dir, String node) {
        this(dir, node, 0);
    }

    /**
     * Continues the trace file of {@code node} whose last entry has sequence number {@code lastSeq} (a node that
     * starts again under the same id: its history goes on in the same file); {@code 0} creates or truncates it.
     */
    public JsonLinesTraceSink(Path dir, String node, long lastSeq) {
        cluster.messages.codec.WireSelfCheck.verifyJson();
        TraceLine.registerAliases();
        this.node = node;
        this.file = dir.resolve(fileName(node));
        this.lastSeq = lastSeq;
        try {
            Files.createDirectories(dir);
            this.out = lastSeq > 0
                    ? Files.newOutputStream(file, StandardOpenOption.APPEND, StandardOpenOption.WRITE)
                    : Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create trace file " + file, e);
        }
    }

    /** The file name of a node's trace: the node id made safe for file systems, plus {@link #SUFFIX}. */
    public static String fileName(String node) {
        return node.replaceAll("[^A-Za-z0-9._-]", "_") + SUFFIX;
    }

    public Path file() {
        return file;
    }

    /**
     * Appends one line.
     *
     * @throws IllegalArgumentException if the entry is of another node or breaks the sequence (1, 2, 3, ...)
     * @throws UncheckedIOException     if the write fails
     */
    @Override
    public void append(TraceEntry entry) {
        if (!entry.node().equals(node)) {
            throw new IllegalArgumentException("trace entry of " + entry.node() + " appended to the trace of " + node);
        }
        if (entry.seq() != lastSeq + 1) {
            throw new IllegalArgumentException("trace of " + node + ": seq " + entry.seq() + " after " + lastSeq);
        }
        try {
            out.write(encode(entry));
            lastSeq = entry.seq();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write trace file " + file, e);
        }
    }

    /** One line, terminator included, as UTF-8 bytes. */
    byte[] encode(TraceEntry entry) {
        wire.clear();
        wire.getValueOut().object(TraceLine.of(entry));
        // Chronicle writes modified UTF-8; the file is standard UTF-8 (the reader converts back).
        String json = ModifiedUtf8.decode(wire.bytes().toByteArray()).strip();
        if (json.indexOf('\n') >= 0 || json.indexOf('\r') >= 0) {
            throw new IllegalStateException("trace line spans several lines: " + json);
        }
        return (json + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close trace file " + file, e);
        }
    }
}
