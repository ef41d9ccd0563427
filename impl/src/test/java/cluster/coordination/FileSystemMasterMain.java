package cluster.coordination;

import java.nio.file.Path;
import java.util.List;

/**
 * A stand-in master process for {@link FileSystemCoordinationTest}: joins the file-system election in the
 * directory given as the only argument, prints {@code LEADING <epoch>} once elected, and runs until killed.
 */
public final class FileSystemMasterMain {

    private FileSystemMasterMain() {
    }

    public static void main(String[] args) throws Exception {
        FileSystemCoordination service = new FileSystemCoordination(Path.of(args[0]), 20, 1);
        service.start("child", new LeadershipListener() {
            @Override
            public void elected(long epoch, List<cluster.core.PersistedRecord> records) {
                System.out.println("LEADING " + epoch);
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
}
