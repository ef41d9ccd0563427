package cluster.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;

/**
 * How an executor tells the worker that started it that it registered with its driver: a file {@value #NAME} in
 * the executor's working directory (which the worker made for it), holding the executor's vector clock after that
 * step, so the worker's RUNNING report is ordered after the registration in the merged trace. A file works the
 * same whether the worker speaks TCP or the Maelstrom protocol, and needs no connection that could break between
 * two processes on one machine. It is written under another name and renamed, so the worker never reads half.
 */
final class RegistrationNotice {

    static final String NAME = "registered";

    private RegistrationNotice() {
    }

    static void write(Path dir, Map<String, Long> clock) {
        Path tmp = dir.resolve(NAME + ".tmp");
        try {
            Files.writeString(tmp, ProcessClock.encode(clock), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, dir.resolve(NAME), StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dir.resolve(NAME), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot tell the worker this executor registered (" + dir + ")", e);
        }
    }

    /** The clock in the notice in {@code dir}, or empty while there is none. */
    static Optional<Map<String, Long>> read(Path dir) {
        try {
            return Optional.of(ProcessClock.decode(Files.readString(dir.resolve(NAME), StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve(NAME), e);
        }
    }

    /** Removes a notice left from an earlier process in {@code dir}. */
    static void clear(Path dir) throws IOException {
        Files.deleteIfExists(dir.resolve(NAME));
    }
}
