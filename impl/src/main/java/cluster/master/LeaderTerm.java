package cluster.master;

import cluster.core.AppRecord;
import cluster.core.ExecutorKey;
import cluster.messages.ApplicationState;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a master knows while it leads one term (spec {@code mEpoch}, {@code mApps},
 * {@code mAppOrder}, {@code mWorkers}, {@code mWorkerOrder}, {@code mExecs}), plus its copy of the
 * app records in the coordination service. Created by MasterElectedLeader from the persisted records
 * and thrown away when the master steps down, so nothing of a term survives into the next.
 */
public final class LeaderTerm {
    final long epoch;
    /** Apps by id, in the order the term learned of them. */
    final Map<String, MasterApp> apps = new LinkedHashMap<>();
    /** Spec {@code mAppOrder}: WAITING and RUNNING apps in FIFO registration order. */
    final List<String> appOrder = new ArrayList<>();
    final Map<String, MasterWorker> workers = new LinkedHashMap<>();
    /** Spec {@code mWorkerOrder}: ALIVE workers in registration order. */
    final List<String> workerOrder = new ArrayList<>();
    /** Spec {@code mExecs}: booked executors. */
    final Map<ExecutorKey, BookedExecutor> executors = new LinkedHashMap<>();
    /** This master's copy of the persisted app records (spec {@code storeApp}), tombstones included. */
    final Map<String, AppRecord> storedApps = new LinkedHashMap<>();
    /** Apps registered in this term so far (for their ids). */
    int appsRegistered;

    LeaderTerm(long epoch) {
        if (epoch <= 0) {
            throw new IllegalArgumentException("a leader term has an epoch >= 1: " + epoch);
        }
        this.epoch = epoch;
    }

    public long epoch() {
        return epoch;
    }

    public Map<String, MasterApp> apps() {
        return java.util.Collections.unmodifiableMap(apps);
    }

    public List<String> appOrder() {
        return List.copyOf(appOrder);
    }

    public Map<String, MasterWorker> workers() {
        return java.util.Collections.unmodifiableMap(workers);
    }

    public List<String> workerOrder() {
        return List.copyOf(workerOrder);
    }

    public Collection<BookedExecutor> executors() {
        return List.copyOf(executors.values());
    }

    MasterApp appByRegistrationKey(String registrationKey) {
        for (MasterApp app : apps.values()) {
            if (app.registrationKey.equals(registrationKey)) {
                return app;
            }
        }
        return null;
    }

    AppRecord storedAppByRegistrationKey(String registrationKey) {
        for (AppRecord record : storedApps.values()) {
            if (record.registrationKey().equals(registrationKey)) {
                return record;
            }
        }
        return null;
    }

    /** Spec {@code BookedOn(mExecs[m], w)}. */
    List<BookedExecutor> bookedOn(String workerId) {
        List<BookedExecutor> booked = new ArrayList<>();
        for (BookedExecutor e : executors.values()) {
            if (e.workerId().equals(workerId)) {
                booked.add(e);
            }
        }
        return booked;
    }

    List<BookedExecutor> bookedFor(String appId) {
        List<BookedExecutor> booked = new ArrayList<>();
        for (BookedExecutor e : executors.values()) {
            if (e.appId().equals(appId)) {
                booked.add(e);
            }
        }
        return booked;
    }

    /** Spec {@code FreeCores(mExecs[m], w)}. */
    int freeCores(MasterWorker worker) {
        int used = 0;
        for (BookedExecutor e : bookedOn(worker.workerId)) {
            used += e.cores();
        }
        return worker.cores - used;
    }

    /** Spec {@code FreeMem(mExecs[m], w)}. */
    int freeMemoryMb(MasterWorker worker) {
        int used = 0;
        for (BookedExecutor e : bookedOn(worker.workerId)) {
            used += e.memoryMb();
        }
        return worker.memoryMb - used;
    }

    /** Spec {@code CoresGranted(mExecs[m], a)}. */
    int coresGranted(String appId) {
        int granted = 0;
        for (BookedExecutor e : bookedFor(appId)) {
            granted += e.cores();
        }
        return granted;
    }

    /** Every recovered worker and app has answered (none is UNKNOWN): recovery may complete at once. */
    boolean everyoneAnswered() {
        for (MasterWorker w : workers.values()) {
            if (w.state == MasterWorker.State.UNKNOWN) {
                return false;
            }
        }
        for (MasterApp a : apps.values()) {
            if (a.state == ApplicationState.UNKNOWN) {
                return false;
            }
        }
        return true;
    }

    /** Spec {@code mWorkerOrder' = Append(Remove(@, w), w)}. */
    void moveToEndOfWorkerOrder(String workerId) {
        workerOrder.remove(workerId);
        workerOrder.add(workerId);
    }

    void appendToAppOrder(String appId) {
        if (!appOrder.contains(appId)) {
            appOrder.add(appId);
        }
    }
}
