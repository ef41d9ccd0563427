package cluster.runtime;

/**
 * The launch floor of {@code bin/cluster bench launch}: a JVM with an executor's class path and flags that
 * only reports it entered {@code main}, then exits. No cluster can start an executor faster than this.
 */
public final class FloorProbe {
    private FloorProbe() {
    }

    public static void main(String[] args) {
        System.out.println("main");
        System.out.flush();
    }
}
