package cluster.core;

/** Exit codes an executor process ends with, and what the worker reads from them. */
public final class ExitCodes {
    /** The executor finished normally: reported EXITED. */
    public static final int NORMAL = 0;
    /** The executor's driver is gone (spec ExecutorDriverGone): reported EXITED with driverGone set. */
    public static final int DRIVER_GONE = 3;
    /** The driver refused the executor's registration: reported FAILED (counts against the retry budget). */
    public static final int REGISTRATION_REFUSED = 4;

    private ExitCodes() {
    }
}
