package cluster.coordination;

import cluster.core.AppRecord;
import cluster.core.WorkerRecord;
import cluster.messages.ApplicationDescription;

import java.util.List;

/** Sample records for the coordination tests. */
final class TestRecords {

    private TestRecords() {
    }

    static AppRecord app(String appId) {
        ApplicationDescription description = new ApplicationDescription("pi \u00e9\u6f22", null, 2, 512, 0,
                List.of("java", "-cp", "x", "{{EXECUTOR_ID}}"));
        return new AppRecord(appId, "driver-key-" + appId, "driver@host:7077", description, AppRecord.State.ACTIVE,
                3, 4);
    }

    static WorkerRecord worker(String workerId) {
        return new WorkerRecord(workerId, 2, "host-" + workerId, 7078, 8, 16_384);
    }
}
