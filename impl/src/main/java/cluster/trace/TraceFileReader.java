package cluster.trace;

import cluster.messages.Envelope;
import cluster.messages.ModifiedUtf8;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.wire.Wire;
import net.openhft.chronicle.wire.WireType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a file written by {@link JsonLinesTraceSink} back into {@link TraceEntry}s, strictly: every line must be
 * one complete JSON object (a torn last line, as a killed process may leave, is reported as incomplete), hold a
 * {@code TraceLine} with every field, belong to one node, and the sequence numbers must run 1, 2, 3, ... with no
 * gap. Any problem throws {@link MalformedTraceException} naming the file and the line.
 */
public final class TraceFileReader {
    private TraceFileReader() {
    }

    public static List<TraceEntry> read(Path file) {
        TraceLine.registerAliases();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read trace file " + file, e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedTraceException(file, 0, "not UTF-8 text");
        }
        List<TraceEntry> entries = new ArrayList<>();
        String node = null;
        int lineNo = 0;
        int start = 0;
        while (start < text.length()) {
            lineNo++;
            int end = text.indexOf('\n', start);
            if (end < 0) {
                throw new MalformedTraceException(file, lineNo, "incomplete last line (no line end; the writer was "
                        + "probably killed mid-write): " + abbreviate(text.substring(start)));
            }
            String line = text.substring(start, end);
            start = end + 1;
            TraceEntry entry = parse(file, lineNo, line);
            if (node == null) {
                node = entry.node();
            } else if (!node.equals(entry.node())) {
                throw new MalformedTraceException(file, lineNo, "event of node " + entry.node() + " in the trace of " + node);
            }
            long expected = entries.size() + 1L;
            if (entry.seq() != expected) {
                throw new MalformedTraceException(file, lineNo, "node " + node + ": event seq " + entry.seq() + " where seq "
                        + expected + " was expected" + (entry.seq() > expected
                        ? " (events " + expected + ".." + (entry.seq() - 1) + " are missing or out of sequence)"
                        : " (out of sequence)"));
            }
            Long own = entry.vectorClock().get(node);
            if (own == null || own != entry.seq()) {
                throw new MalformedTraceException(file, lineNo, "node " + node + " event " + entry.seq()
                        + ": its own vector clock entry is " + own + ", not its seq");
            }
            entries.add(entry);
        }
        return entries;
    }

    static TraceEntry parse(Path file, int lineNo, String line) {
        if (!JsonShape.isOneObject(line)) {
            throw new MalformedTraceException(file, lineNo, "not one complete JSON object: " + abbreviate(line));
        }
        Wire wire = WireType.JSON_ONLY.apply(Bytes.wrapForRead(ModifiedUtf8.encode(line)));
        wire.classLookup(TraceClassLookup.INSTANCE);
        Object decoded;
        try {
            decoded = wire.getValueIn().object();
        } catch (RuntimeException e) {
            throw new MalformedTraceException(file, lineNo, "undecodable trace line (" + e.getMessage() + "): " + abbreviate(line));
        }
        if (!(decoded instanceof TraceLine t)) {
            throw new MalformedTraceException(file, lineNo, "not a TraceLine: " + abbreviate(line));
        }
        if (t.node == null || t.action == null || t.seq <= 0 || t.vectorClock == null || t.sent == null || t.changed == null) {
            throw new MalformedTraceException(file, lineNo, "trace line lacks node, seq, action, vectorClock, sent or changed: "
                    + abbreviate(line));
        }
        try {
            return new TraceEntry(t.node, t.seq, t.vectorClock, t.action, ref(t.received), refs(t.sent), normalise(t.changed));
        } catch (RuntimeException e) {
            throw new MalformedTraceException(file, lineNo, "incomplete message in trace line (" + e.getMessage() + ")");
        }
    }

    private static TraceEntry.MessageRef ref(Envelope e) {
        return e == null ? null : new TraceEntry.MessageRef(e.src, e.dest, e.msgId, e.body);
    }

    private static List<TraceEntry.MessageRef> refs(List<Envelope> envelopes) {
        List<TraceEntry.MessageRef> refs = new ArrayList<>();
        for (Envelope e : envelopes) {
            refs.add(ref(e));
        }
        return refs;
    }

    /** Numbers as Long, maps and lists as read; so equal values read equal whatever width Chronicle picked. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> normalise(Map<String, Object> changed) {
        Map<String, Object> out = new LinkedHashMap<>();
        changed.forEach((k, v) -> out.put(k, normaliseValue(v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    static Object normaliseValue(Object v) {
        if (v instanceof Number n && !(v instanceof Double || v instanceof Float)) {
            return n.longValue();
        }
        if (v instanceof Double d && d == Math.rint(d)) {
            return d.longValue();
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<Object, Object>) m).forEach((k, x) -> out.put(String.valueOf(k), normaliseValue(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(normaliseValue(x)));
            return out;
        }
        if (v instanceof CharSequence s) {
            return s.toString();
        }
        return v;
    }

    static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
