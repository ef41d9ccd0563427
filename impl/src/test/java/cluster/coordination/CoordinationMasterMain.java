package cluster.coordination;

import cluster.core.PersistedRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in master process for tests and benchmarks that kill a leader with SIGKILL: joins the election that
 * its {@code key=value} arguments configure ({@link CoordinationFactory} keys), prints {@code LEADING <epoch>}
 * when elected and {@code REVOKED} when not any more, and runs until killed.
 */
public final class CoordinationMasterMain {

    static final String LEADING = "LEADING ";

    private CoordinationMasterMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> conf = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            conf.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        CoordinationService service = CoordinationFactory.fromSparkConf(conf, 1);
        service.start("child-" + ProcessHandle.current().pid(), new LeadershipListener() {
            @Override
            public void elected(long epoch, List<PersistedRecord> records) {
                System.out.println(LEADING + epoch);
                System.out.flush();
            }

            @Override
            public void revoked() {
                System.out.println("REVOKED");
                System.out.flush();
            }
        }, Runnable::run);
        Thread.currentThread().join();
    }

    /** Starts this class in a new JVM with the test class path. */
    static Process fork(Map<String, String> conf) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CoordinationMasterMain.class.getName()));
        conf.forEach((k, v) -> command.add(k + "=" + v));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    /**
     * The epoch the forked master printed on its first election. The output is read on another thread, so a
     * silent child cannot hang the caller past {@code timeoutSeconds} (its {@code finally} kills the child).
     *
     * @throws IllegalStateException if the child ended, or did not lead in time
     */
    static long awaitLeading(Process process, long timeoutSeconds) throws Exception {
        Long epoch = CompletableFuture.supplyAsync(() -> firstEpoch(process)).get(timeoutSeconds, TimeUnit.SECONDS);
        if (epoch == null) {
            throw new IllegalStateException("the forked master ended without leading");
        }
        return epoch;
    }

    private static Long firstEpoch(Process process) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(
                process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(LEADING)) {
                    return Long.parseLong(line.substring(LEADING.length()));
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
