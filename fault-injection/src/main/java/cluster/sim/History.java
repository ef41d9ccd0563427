package cluster.sim;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What happened so far, for the properties (the spec's history variables): launches per executor identity
 * ({@code launchCount}), real abnormal endings per app ({@code abnormalExits}), finished apps
 * ({@code finishedApps}: a tombstone was stored), and which executor ids were started for which driver.
 */
final class History {
    /** appId/execId → how many times a worker started it. */
    final Map<String, Integer> launchCount = new HashMap<>();
    /** appId → the largest executor id ever started. */
    final Map<String, Integer> largestLaunchedId = new HashMap<>();
    final Map<String, Integer> abnormalExits = new HashMap<>();
    final Set<String> finishedApps = new TreeSet<>();
    /** driver node → executor ids started for it. */
    final Map<String, Set<Integer>> launchedForDriver = new HashMap<>();
    long launches;

    /** Records a start; returns how many times this identity has been started now. */
    int launched(String appId, int execId, String driverNode) {
        launches++;
        largestLaunchedId.merge(appId, execId, Math::max);
        launchedForDriver.computeIfAbsent(driverNode, k -> new TreeSet<>()).add(execId);
        return launchCount.merge(appId + '/' + execId, 1, Integer::sum);
    }

    void abnormalExit(String appId) {
        abnormalExits.merge(appId, 1, Integer::sum);
    }

    int abnormalExits(String appId) {
        return abnormalExits.getOrDefault(appId, 0);
    }
}
