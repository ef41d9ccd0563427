package cluster.cli;

import java.util.concurrent.CountDownLatch;

/** Runs a started node until the process is told to stop; the node is closed on the way out. */
final class Foreground {
    private Foreground() {
    }

    static int run(String readyLine, AutoCloseable node) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (Exception e) {
                System.err.println("error while stopping: " + e);
            } finally {
                stopped.countDown();
            }
        }, "stop"));
        System.out.println(readyLine);
        System.out.flush();
        stopped.await();
        return 0;
    }
}
