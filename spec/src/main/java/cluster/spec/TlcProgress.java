package cluster.spec;

/**
 * A progress report of a running TLC (TLC prints one per minute).
 *
 * @param depth           BFS depth reached so far; for a simulation, -1
 * @param statesGenerated states generated (simulation: states checked)
 * @param distinctStates  distinct states found; for a simulation, -1
 * @param queue           states left on the queue; for a simulation, -1
 * @param statesPerSecond states generated per second since the previous report
 * @param elapsedSeconds  wall time since the run started
 */
public record TlcProgress(int depth, long statesGenerated, long distinctStates, long queue,
                          double statesPerSecond, double elapsedSeconds) {
    public boolean isSimulation() {
        return distinctStates < 0;
    }
}
