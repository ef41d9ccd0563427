package cluster.driver;

import cluster.messages.ApplicationDescription;

import java.util.List;
import java.util.Objects;

/**
 * Settings of one driver (its app client and scheduler endpoint).
 *
 * @param registrationKey     the app's identity towards the masters (the spec's app), the same on every
 *                            retry, so a repeated registration is recognised and a finished app stays finished
 * @param driverUrl           where executors reach the driver (goes into RegisterApplication)
 * @param description         what the app asks for
 * @param masters             node ids of every configured master; registration goes to all at once
 * @param registrationRetryMs how long an unanswered registration waits before it is sent again (Spark: 20 s)
 * @param masterLossGraceMs   how long after its master's connection closed the driver gives up on that master
 */
public record DriverConfig(String registrationKey, String driverUrl, ApplicationDescription description,
                           List<String> masters, long registrationRetryMs, long masterLossGraceMs) {

    public DriverConfig {
        Objects.requireNonNull(registrationKey, "registrationKey");
        Objects.requireNonNull(driverUrl, "driverUrl");
        Objects.requireNonNull(description, "description");
        masters = List.copyOf(masters);
        if (masters.isEmpty()) {
            throw new IllegalArgumentException("a driver needs at least one master");
        }
        if (registrationRetryMs <= 0 || masterLossGraceMs <= 0) {
            throw new IllegalArgumentException("periods must be positive");
        }
    }

    public static DriverConfig defaults(String registrationKey, String driverUrl, ApplicationDescription description,
            List<String> masters) {
        return new DriverConfig(registrationKey, driverUrl, description, masters, 20_000, 10_000);
    }

    /** Dynamic allocation: the app starts from an initial executor limit and may ask for a new total. */
    public boolean dynamicAllocation() {
        return description.initialExecutorLimit != null;
    }
}
