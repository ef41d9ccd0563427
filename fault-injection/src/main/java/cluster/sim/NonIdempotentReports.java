package cluster.sim;

import cluster.master.LeaderTerm;
import cluster.master.MasterApp;
import cluster.master.MasterCore;
import cluster.messages.ExecutorStateChanged;
import cluster.messages.Message;

import java.lang.reflect.Field;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Variant {@code non-idempotent-reports} (spec mutant: a duplicated abnormal-exit report is counted again). The
 * retry count lives only inside the master core, and no message makes the idempotent handler count a report of an
 * executor it no longer books; so after the real handler took such a duplicate FAILED report, this variant adds
 * the count a non-idempotent handler would have added (by reflection: the core is not edited).
 */
final class NonIdempotentReports implements ProtocolMutation {
    private static final Field RETRIES = retriesField();
    /** FAILED reports already taken per master core (identity: one core object per master process). */
    private final Map<MasterCore, java.util.Set<String>> taken = new IdentityHashMap<>();

    @Override
    public void afterMasterReceived(MasterCore master, Message message) {
        if (!(message instanceof ExecutorStateChanged m) || m.normal()) {
            return;
        }
        LeaderTerm term = master.state().term();
        MasterApp app = term == null ? null : term.apps().get(m.appId);
        if (app == null) {
            return;
        }
        String report = term.epoch() + "/" + m.workerId + "/" + m.incarnation + "/" + m.appId + "/" + m.execId;
        if (!taken.computeIfAbsent(master, k -> new java.util.TreeSet<>()).add(report)) {
            bump(app);
        }
    }

    private static void bump(MasterApp app) {
        try {
            RETRIES.setInt(app, app.retries() + 1);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot reach MasterApp.retries", e);
        }
    }

    private static Field retriesField() {
        try {
            Field f = MasterApp.class.getDeclaredField("retries");
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("MasterApp has no retries field any more", e);
        }
    }
}
