package cluster.scheduler;

import java.util.ArrayList;
import java.util.List;

/** The outcome of one scheduling pass: one {@link AppAllocation} per app, in the FIFO order given. */
public record SchedulePlan(List<AppAllocation> apps) {
    public SchedulePlan {
        apps = List.copyOf(apps);
    }

    /** Every planned executor, apps in FIFO order, each app's in its launch order. */
    public List<PlannedExecutor> executors() {
        List<PlannedExecutor> all = new ArrayList<>();
        for (AppAllocation app : apps) {
            all.addAll(app.executors());
        }
        return all;
    }
}
