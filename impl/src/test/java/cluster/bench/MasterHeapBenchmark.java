package cluster.bench;

import cluster.core.Effect;
import cluster.core.Input;
import cluster.master.MasterConfig;
import cluster.master.MasterCore;
import cluster.messages.ApplicationDescription;
import cluster.messages.RegisterApplication;
import cluster.messages.RegisterWorker;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;

/**
 * The master's heap with 10,000 workers and 1,000 applications registered and one scheduling pass done (the
 * goal is under 256 MB). Run with {@code mvn -pl impl test-compile exec:exec@heap-bench}: it prints the heap
 * used after a full GC before and after, and the difference, which is what the master's books cost.
 */
public final class MasterHeapBenchmark {
    private static final int WORKERS = 10_000;
    private static final int APPS = 1_000;

    private MasterHeapBenchmark() {
    }

    public static void main(String[] args) {
        long baseline = usedAfterGc();
        MasterCore master = new MasterCore(MasterConfig.defaults("master@127.0.0.1:7077", "spark://127.0.0.1:7077"));
        master.step(new Input.Started(false), 0);
        master.step(new Input.ElectedLeader(1, List.of()), 0);
        List<String> command = List.of("java", "-Xmx1g", "-cp", "/opt/app/lib/*", "cluster.runtime.ExecutorMain",
                "--driver", "driver@10.0.0.1:40000", "--app-id", "{{APP_ID}}", "--executor-id", "{{EXECUTOR_ID}}",
                "--hostname", "{{HOSTNAME}}", "--cores", "{{CORES}}", "--worker-url", "{{WORKER_URL}}");
        int launches = 0;
        for (int w = 0; w < WORKERS; w++) {
            String host = "10.1." + (w / 250) + "." + (w % 250);
            master.step(new Input.Received("worker@" + host + ":7078", new RegisterWorker("worker@" + host + ":7078",
                    1, host, 7078, 16, 64 * 1024, List.of())), 1);
        }
        Effect.SetTimer schedule = null;
        for (int a = 0; a < APPS; a++) {
            ApplicationDescription app = new ApplicationDescription("app-" + a, 8 + (a % 64), 1 + (a % 4), 1024, null,
                    command);
            List<Effect> effects = master.step(new Input.Received("driver@10.2.0." + a + ":40000", new RegisterApplication("key-" + a,
                    "spark://10.2.0." + a + ":40000", app)), 2);
            for (Effect e : effects) {
                if (e instanceof Effect.SetTimer t && t.name().equals("MasterSchedule")) {
                    schedule = t;
                }
            }
        }
        if (schedule == null) {
            throw new IllegalStateException("registering apps asked for no scheduling pass");
        }
        for (Effect e : master.step(new Input.TimerFired(schedule.name(), schedule.key()), 3)) {
            if (e instanceof Effect.Send s && s.message() instanceof cluster.messages.LaunchExecutor) {
                launches++;
            }
        }
        long used = usedAfterGc();
        System.out.printf("master heap: %,d workers, %,d apps, %,d executors booked: %.1f MB used (baseline %.1f MB, "
                        + "master's books %.1f MB)%n", master.state().term().workers().size(),
                master.state().term().apps().size(), launches, used / 1e6, baseline / 1e6, (used - baseline) / 1e6);
        if (master.state().term().workers().size() != WORKERS || master.state().term().apps().size() != APPS) {
            throw new IllegalStateException("not everything registered");
        }
    }

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
