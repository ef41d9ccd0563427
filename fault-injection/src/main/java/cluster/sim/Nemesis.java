package cluster.sim;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The nemesis vocabulary shared with the process harness (DESIGN.md, "Fault injection"). Each kind is a family
 * of faults the simulator draws from the seed; the fault actually injected is counted under a finer name
 * ({@link FaultKind}).
 */
public enum Nemesis {
    /** Partitions of every shape (halves, the leader isolated, a bridge, one-way) and loss of a master's session. */
    PARTITION,
    /** Long, random message delays: messages overtake each other. */
    DELAY,
    /** Messages lost. */
    DROP,
    /** Messages delivered twice. */
    DUPLICATE,
    /** A master or worker process killed, restarted later (volatile state lost, persisted state kept). */
    KILL,
    /** A master or worker process paused (SIGSTOP) and resumed later. */
    PAUSE;

    /** The name on the command line: {@code partition}, {@code delay}, ... */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a comma-separated list such as {@code partition,kill} ({@code none}: no faults); an unknown name is an
     * error naming it.
     */
    public static Set<Nemesis> parseList(String list) {
        EnumSet<Nemesis> kinds = EnumSet.noneOf(Nemesis.class);
        for (String part : list.split(",", -1)) {
            String name = part.trim();
            if (name.isEmpty() || name.equals("none")) {
                continue;
            }
            kinds.add(byCliName(name));
        }
        return kinds;
    }

    static Nemesis byCliName(String name) {
        for (Nemesis n : values()) {
            if (n.cliName().equals(name)) {
                return n;
            }
        }
        throw new IllegalArgumentException("unknown nemesis '" + name
                + "' (known: partition, delay, drop, duplicate, kill, pause)");
    }
}
