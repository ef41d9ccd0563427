package cluster.sim;

import cluster.core.Input;
import cluster.driver.DriverConfig;
import cluster.driver.DriverState;
import cluster.messages.ApplicationDescription;

import java.util.ArrayList;
import java.util.List;

/**
 * The workload: drivers submitting apps of varied shapes (cores per executor set or unset, core caps, memory,
 * dynamic allocation), and what apps do during the faulty phase (the spec's application events): ask for a new
 * executor total, give an executor back, lose an executor (it exits, normally or not), stop, or crash.
 */
final class Workload {
    static final int MAX_DRIVERS = 4;
    private static final int[] MEMORY_MB = {256, 512, 1024, 1536};

    private final Simulation sim;
    private final double eventRate;
    private int driversStarted;

    Workload(Simulation sim) {
        this.sim = sim;
        this.eventRate = 0.01 + sim.random.nextDouble() * 0.04;
    }

    /** One or two drivers from the start. */
    void start() {
        int initial = 1 + sim.random.nextInt(2);
        for (int i = 0; i < initial; i++) {
            newDriver();
        }
    }

    void maybeAct() {
        if (sim.random.nextDouble() >= eventRate) {
            return;
        }
        int choice = sim.random.nextInt(10);
        if (choice < 2) {
            newDriver();
        } else if (choice < 4) {
            requestExecutors();
        } else if (choice < 6) {
            killExecutor();
        } else if (choice < 8) {
            executorExits();
        } else if (choice < 9) {
            stop(false);
        } else {
            stop(true);
        }
    }

    private void newDriver() {
        if (driversStarted >= MAX_DRIVERS) {
            return;
        }
        driversStarted++;
        String id = "driver-" + driversStarted;
        Integer coresPerExecutor = sim.random.nextInt(3) == 0 ? null : 1 + sim.random.nextInt(2);
        Integer maxCores = sim.random.nextBoolean() ? null : 1 + sim.random.nextInt(6);
        Integer initialLimit = sim.random.nextInt(3) == 0 ? sim.random.nextInt(3) : null;
        int memoryMb = MEMORY_MB[sim.random.nextInt(MEMORY_MB.length)];
        List<String> command = List.of("executor", "{{APP_ID}}", "{{EXECUTOR_ID}}", "{{HOSTNAME}}", "{{CORES}}",
                "--driver", id);
        ApplicationDescription description = new ApplicationDescription("app-of-" + id, maxCores, coresPerExecutor,
                memoryMb, initialLimit, command);
        List<String> masterIds = new ArrayList<>();
        sim.masters.forEach(m -> masterIds.add(m.id));
        DriverNode d = new DriverNode(id, new DriverConfig("key-" + id, "sim://" + id, description, masterIds, 2_000,
                2_000));
        sim.drivers.add(d);
        sim.nodes.put(id, d);
        sim.processes.startDriver(d);
    }

    private DriverNode liveDriver(boolean registeredOnly) {
        List<DriverNode> live = new ArrayList<>();
        for (DriverNode d : sim.drivers) {
            if (d.alive && (!registeredOnly || d.core.state().phase() == DriverState.Phase.REGISTERED)) {
                live.add(d);
            }
        }
        return live.isEmpty() ? null : live.get(sim.random.nextInt(live.size()));
    }

    /** Dynamic allocation asks for a new total (a driver without it ignores the request). */
    private void requestExecutors() {
        DriverNode d = liveDriver(true);
        if (d != null) {
            sim.input(d, sim.nowMs, new Input.ExecutorTotalRequested(sim.random.nextInt(5)));
        }
    }

    private void killExecutor() {
        DriverNode d = liveDriver(true);
        if (d == null || d.core.state().executors().isEmpty()) {
            return;
        }
        List<Integer> ids = new ArrayList<>(new java.util.TreeSet<>(d.core.state().executors()));
        sim.input(d, sim.nowMs, new Input.ExecutorKillRequested(ids.get(sim.random.nextInt(ids.size()))));
    }

    /** An executor process ends by itself: normally (exit 0) or not (exit 1, counted against the app's retries). */
    private void executorExits() {
        if (sim.executors.isEmpty()) {
            return;
        }
        List<ExecutorNode> running = new ArrayList<>(sim.executors.values());
        ExecutorNode e = running.get(sim.random.nextInt(running.size()));
        sim.processes.end(e, sim.random.nextBoolean() ? 1 : 0, true);
    }

    /** The app stops (DriverStop, then its process exits), or its driver process crashes. */
    private void stop(boolean crash) {
        DriverNode d = liveDriver(false);
        if (d == null) {
            return;
        }
        if (crash) {
            sim.processes.endDriver(d, true);
        } else {
            sim.input(d, sim.nowMs, new Input.StopRequested());
        }
    }
}
