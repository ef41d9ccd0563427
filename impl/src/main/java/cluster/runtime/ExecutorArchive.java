package cluster.runtime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A class-data-sharing archive of the classes an executor JVM loads (AppCDS), so executors start faster: the
 * JVM maps the classes already parsed and verified instead of loading some four thousand of them from jars. It is
 * made once per installation (JVM, class path, its jars' sizes and times, and flags; the archive's name is a hash
 * of them) by running an executor in dry-run mode with {@code -XX:ArchiveClassesAtExit}, and then used by every executor with
 * {@code -XX:SharedArchiveFile}. If it cannot be made, executors start without it: so with a class path of
 * directories (a development build, or a test run), which the JVM cannot archive.
 *
 * <p>Each use touches the archive; making a new one removes archives nobody used for {@value #STALE_HOURS} hours
 * (every rebuild of an installation makes a new one, of some 14 MB).
 */
public final class ExecutorArchive {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutorArchive.class);
    static final int STALE_HOURS = 24;
    private static Optional<Path> cached;

    private ExecutorArchive() {
    }

    /** The archive for executors with these JVM options, made first if needed; empty if it cannot be made. */
    public static synchronized Optional<Path> forOptions(List<String> jvmOptions) {
        if (cached != null) {
            return cached;
        }
        cached = Optional.empty();
        String directory = classPathDirectory();
        if (directory != null) {
            LOG.info("executors start without a class-data-sharing archive: the class path has a directory ({}), "
                    + "which the JVM cannot archive", directory);
            return cached;
        }
        try {
            Path dir = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "cluster-cds"));
            List<String> base = JavaCommand.of(jvmOptions, ExecutorMain.class.getName());
            Path archive = dir.resolve("executor-" + hash(base) + ".jsa");
            if (Files.isRegularFile(archive)) {
                touch(archive);
            } else {
                make(jvmOptions, archive);
                removeStale(dir, archive);
            }
            cached = Optional.of(archive);
        } catch (IOException | RuntimeException e) {
            LOG.warn("executors start without a class-data-sharing archive: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return cached;
    }

    private static void make(List<String> jvmOptions, Path archive) throws IOException, InterruptedException {
        Path partial = Files.createTempFile(archive.getParent(), "partial-", ".jsa");
        Files.delete(partial); // the JVM writes it at exit
        List<String> options = new ArrayList<>(jvmOptions);
        options.add("-XX:ArchiveClassesAtExit=" + partial);
        List<String> command = JavaCommand.of(options, ExecutorMain.class.getName());
        command.add(ExecutorMain.DRY_RUN);
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("making the executor archive took over 120 s");
        }
        if (process.exitValue() != 0 || !Files.isRegularFile(partial)) {
            Files.deleteIfExists(partial);
            throw new IOException("the executor dry run for the archive exited with " + process.exitValue());
        }
        Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        LOG.info("made the executors' class-data-sharing archive {} in {} ms", archive,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    /** Marks the archive as used, so no other installation's clean-up removes it. */
    private static void touch(Path archive) {
        try {
            Files.setLastModifiedTime(archive, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            LOG.debug("touching {}: {}", archive, e.toString()); // another user's archive: still usable
        }
    }

    /** A directory on this JVM's class path, or null if it has only jars. */
    private static String classPathDirectory() {
        for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty() && Files.isDirectory(Path.of(entry))) {
                return entry;
            }
        }
        return null;
    }

    /** Removes the archives in {@code dir} but {@code keep} that nobody used for {@value #STALE_HOURS} hours. */
    static void removeStale(Path dir, Path keep) {
        long cutoff = System.currentTimeMillis() - TimeUnit.HOURS.toMillis(STALE_HOURS);
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                if (!p.equals(keep) && name.startsWith("executor-") && name.endsWith(".jsa")
                        && Files.getLastModifiedTime(p).toMillis() < cutoff) {
                    Files.deleteIfExists(p);
                    LOG.info("removed the executor archive {}, unused for {} hours", p, STALE_HOURS);
                }
            }
        } catch (IOException e) {
            LOG.debug("cleaning {}: {}", dir, e.toString()); // only tidiness is lost
        }
    }

    private static String hash(List<String> command) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(System.getProperty("java.vm.version", "").getBytes(StandardCharsets.UTF_8));
            for (String part : command) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            // The JVM refuses an archive whose jars changed since (size or time), silently: a rebuilt
            // installation needs an archive of its own, or its executors would start without one for good.
            for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
                java.io.File jar = new java.io.File(entry);
                sha.update((entry + "\0" + jar.length() + "\0" + jar.lastModified() + "\0").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
