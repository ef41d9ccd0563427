package cluster.tracecheck;

/** Which kind of process a node is, told by the spec actions it takes. */
enum Role {
    MASTER, WORKER, DRIVER, EXECUTOR;

    /** ExecutorExit and ExecutorDriverGone are the worker's steps (it sees the process end); the executor process registers. */
    static Role of(String action) {
        if (action.startsWith("Master")) {
            return MASTER;
        }
        if (action.startsWith("Worker") || action.equals("ExecutorExit") || action.equals("ExecutorDriverGone")) {
            return WORKER;
        }
        if (action.startsWith("Driver")) {
            return DRIVER;
        }
        if (action.startsWith("Executor")) {
            return EXECUTOR;
        }
        return null;
    }

    String specName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
