package cluster.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The simulated wire. Without faults each link is FIFO with a small delay (as a TCP connection). The nemesis can
 * make delays long and random (messages overtake each other), lose or duplicate messages, and cut links
 * ({@link Partition}) silently (as iptables DROP: no one is told). A message that meets a cut when it leaves or when
 * it would arrive waits until the cut heals (TCP retransmits over a stalled connection), or, on the spec's network,
 * is lost.
 */
final class SimNetwork {
    static final long BASE_DELAY_MS = 2;
    static final long LONG_DELAY_MS = 1_500;

    private final SplittableRandom random;
    private final Map<String, Long> lastArrivalByLink = new HashMap<>();
    final List<Partition> partitions = new ArrayList<>();
    int delayFaults;
    int dropFaults;
    int duplicateFaults;
    double dropRate;
    double duplicateRate;

    SimNetwork(SplittableRandom random, boolean partitionsLose) {
        this.random = random;
        this.partitionsLose = partitionsLose;
    }

    /** True: partitions lose the messages that meet them (the spec's network); false: they hold them (TCP). */
    final boolean partitionsLose;

    boolean cut(String sourceHost, String targetHost) {
        return cutBy(sourceHost, targetHost) != null;
    }

    /** The first partition cutting this link, or null. */
    Partition cutBy(String sourceHost, String targetHost) {
        for (int i = 0; i < partitions.size(); i++) {
            if (partitions.get(i).blocks(sourceHost, targetHost)) {
                return partitions.get(i);
            }
        }
        return null;
    }

    /** Lost on the way (the drop fault); draws from the run's random source only while the fault is on. */
    boolean lose() {
        return dropFaults > 0 && random.nextDouble() < dropRate;
    }

    boolean duplicate() {
        return duplicateFaults > 0 && random.nextDouble() < duplicateRate;
    }

    /** When a message sent now on this link arrives. */
    long arrival(String from, String to, long nowMs) {
        if (delayFaults > 0) {
            // heavy tail: most messages are quick, some very late, so they overtake each other
            long delay = random.nextInt(10) < 7 ? 1 + random.nextInt(50) : 1 + random.nextLong(LONG_DELAY_MS);
            return nowMs + delay;
        }
        String link = from + '>' + to;
        long arrival = nowMs + BASE_DELAY_MS + random.nextInt(3);
        Long last = lastArrivalByLink.get(link);
        if (last != null && last > arrival) {
            arrival = last; // FIFO per link
        }
        lastArrivalByLink.put(link, arrival);
        return arrival;
    }

    /** A duplicate arrives a little after the original. */
    long duplicateArrival(long arrivalMs) {
        return arrivalMs + 1 + random.nextInt(200);
    }

    void healAll() {
        partitions.clear();
        delayFaults = 0;
        dropFaults = 0;
        duplicateFaults = 0;
    }
}
