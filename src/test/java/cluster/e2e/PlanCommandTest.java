package cluster.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs the real {@code bin/cluster plan … --json} as a process and checks where the executors go. */
class PlanCommandTest {
    /** Generous: bin/cluster rebuilds first if any source is newer than the cli jar. */
    private static final long TIMEOUT_SECONDS = 300;

    private static Commands.Run plan(String... args) throws Exception {
        Path home = Path.of(System.getProperty("cluster.home", "..")).toAbsolutePath().normalize();
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/cluster").toString(), "plan"));
        command.addAll(List.of(args));
        return Commands.runProcess(command, home, TIMEOUT_SECONDS);
    }

    /** The parsed JSON plan: cores per --worker flag, and executors as [worker, cores, memoryMb]. */
    private record Plan(List<Long> coresPerWorker, List<List<Long>> executors) {
        @SuppressWarnings("unchecked")
        static Plan of(Commands.Run run) {
            assertEquals(0, run.exitCode(), "exit code; stderr: " + run.err());
            Map<String, Object> json = (Map<String, Object>) new MiniJson(run.out().trim()).value();
            List<List<Long>> executors = new ArrayList<>();
            for (Object e : (List<Object>) json.get("executors")) {
                Map<String, Object> executor = (Map<String, Object>) e;
                executors.add(List.of((Long) executor.get("worker"), (Long) executor.get("cores"),
                        (Long) executor.get("memoryMb")));
            }
            return new Plan((List<Long>) json.get("coresPerWorker"), executors);
        }
    }

    @Test
    void spreadOutRoundRobinsCoresWithCoresPerExecutorUnset() throws Exception {
        Plan plan = Plan.of(plan("--worker", "10:4096", "--worker", "10:4096", "--worker", "10:4g",
                "--total-executor-cores", "8", "--json"));
        assertEquals(List.of(3L, 3L, 2L), plan.coresPerWorker()); // not [3,3,3]: the cap is checked before every step
        assertEquals(List.of(List.of(0L, 3L, 1024L), List.of(1L, 3L, 1024L), List.of(2L, 2L, 1024L)), plan.executors());
    }

    @Test
    void consolidateFillsTheFirstWorker() throws Exception {
        Plan plan = Plan.of(plan("--worker", "10:4096", "--worker", "10:4096", "--worker", "10:4096",
                "--total-executor-cores", "8", "--spread-out", "false", "--executor-memory", "512m", "--json"));
        assertEquals(List.of(8L, 0L, 0L), plan.coresPerWorker());
        assertEquals(List.of(List.of(0L, 8L, 512L)), plan.executors());
    }

    @Test
    void fixedSizeExecutorsGoToTheWorkerWithMostFreeCoresFirst() throws Exception {
        Plan plan = Plan.of(plan("--worker", "4:8g", "--worker", "12:8g", "--executor-cores", "4",
                "--executor-memory", "2g", "--json"));
        assertEquals(List.of(4L, 12L), plan.coresPerWorker());
        assertEquals(List.of(List.of(1L, 4L, 2048L), List.of(1L, 4L, 2048L), List.of(1L, 4L, 2048L),
                List.of(0L, 4L, 2048L)), plan.executors());
    }

    @Test
    void memoryLimitsFixedSizeExecutorsAndTheExecutorLimitApplies() throws Exception {
        // 4096 MB per worker fits four 1 GB executors of 2 cores: 8 cores each (Spark's MasterSuite numbers).
        Plan plan = Plan.of(plan("--worker", "10:4096", "--worker", "10:4096", "--worker", "10:4096",
                "--executor-cores", "2", "--json"));
        assertEquals(List.of(8L, 8L, 8L), plan.coresPerWorker());
        assertEquals(12, plan.executors().size());
        Plan limited = Plan.of(plan("--worker", "10:4096", "--worker", "10:4096", "--worker", "10:4096",
                "--executor-limit", "2", "--spread-out", "true", "--json"));
        assertEquals(List.of(10L, 10L, 0L), limited.coresPerWorker());
    }

    @Test
    void badValuesExitTwoAndNameTheFlag() throws Exception {
        Commands.Run badWorker = plan("--worker", "ten:4096", "--json");
        assertEquals(2, badWorker.exitCode(), badWorker.err());
        assertTrue(badWorker.err().contains("--worker"), badWorker.err());
        Commands.Run badSpreadOut = plan("--worker", "10:4096", "--spread-out", "maybe", "--json");
        assertEquals(2, badSpreadOut.exitCode(), badSpreadOut.err());
        assertTrue(badSpreadOut.err().contains("--spread-out"), badSpreadOut.err());
        assertEquals("", badSpreadOut.out(), "no plan printed on a usage error");
    }

    /** Just enough JSON for the plan: objects, arrays, whole numbers and plain strings. */
    private static final class MiniJson {
        private final String text;
        private int at;

        MiniJson(String text) {
            this.text = text;
        }

        Object value() {
            Object v = parse();
            skipSpace();
            if (at != text.length()) {
                throw new IllegalArgumentException("trailing text at " + at + ": " + text);
            }
            return v;
        }

        private Object parse() {
            skipSpace();
            char c = text.charAt(at);
            if (c == '{') {
                Map<String, Object> object = new LinkedHashMap<>();
                at++;
                while (!consume('}')) {
                    consume(',');
                    String key = (String) parse();
                    expect(':');
                    object.put(key, parse());
                }
                return object;
            }
            if (c == '[') {
                List<Object> array = new ArrayList<>();
                at++;
                while (!consume(']')) {
                    consume(',');
                    array.add(parse());
                }
                return array;
            }
            if (c == '"') {
                int end = text.indexOf('"', at + 1);
                String s = text.substring(at + 1, end);
                at = end + 1;
                return s;
            }
            int start = at;
            while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '-')) {
                at++;
            }
            if (start == at) {
                throw new IllegalArgumentException("unexpected '" + c + "' at " + at + ": " + text);
            }
            return Long.parseLong(text.substring(start, at));
        }

        private boolean consume(char c) {
            skipSpace();
            if (at < text.length() && text.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!consume(c)) {
                throw new IllegalArgumentException("expected '" + c + "' at " + at + ": " + text);
            }
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }
}
