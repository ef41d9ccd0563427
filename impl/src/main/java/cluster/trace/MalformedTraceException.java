package cluster.trace;

import java.nio.file.Path;

/** A trace file that cannot be read as a complete, well-formed trace; names the file and the line. */
public final class MalformedTraceException extends RuntimeException {
    private final Path file;
    private final long line;

    public MalformedTraceException(Path file, long line, String problem) {
        super(file + ":" + line + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    /** 1-based line number; 0 when the problem is the file as a whole. */
    public long line() {
        return line;
    }
}
