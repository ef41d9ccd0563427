package cluster.core;

import cluster.messages.Message;

import java.util.ArrayList;
import java.util.List;

/** Test helpers to read a step's effects in the spec's vocabulary. */
public final class Effects {
    private Effects() {
    }

    /** The spec action the step's trace event names, or null when the step was no spec step. */
    public static String action(List<Effect> effects) {
        String action = null;
        for (Effect e : effects) {
            if (e instanceof Effect.TraceEvent t) {
                if (action != null) {
                    throw new AssertionError("two trace events in one step: " + effects);
                }
                action = t.action();
            }
        }
        return action;
    }

    public static Effect.TraceEvent trace(List<Effect> effects) {
        for (Effect e : effects) {
            if (e instanceof Effect.TraceEvent t) {
                return t;
            }
        }
        throw new AssertionError("no trace event in " + effects);
    }

    /** Messages of this type sent to {@code to} (any node if null). */
    public static <T extends Message> List<T> sent(List<Effect> effects, Class<T> type, String to) {
        List<T> messages = new ArrayList<>();
        for (Effect e : effects) {
            if (e instanceof Effect.Send s && type.isInstance(s.message()) && (to == null || to.equals(s.to()))) {
                messages.add(type.cast(s.message()));
            }
        }
        return messages;
    }

    public static <T extends Message> List<T> sent(List<Effect> effects, Class<T> type) {
        return sent(effects, type, null);
    }

    public static <T extends Message> T sentOne(List<Effect> effects, Class<T> type, String to) {
        List<T> messages = sent(effects, type, to);
        if (messages.size() != 1) {
            throw new AssertionError("expected one " + type.getSimpleName() + " to " + to + ", got " + messages
                    + " in " + effects);
        }
        return messages.get(0);
    }

    public static List<Effect.Send> sends(List<Effect> effects) {
        List<Effect.Send> sends = new ArrayList<>();
        for (Effect e : effects) {
            if (e instanceof Effect.Send s) {
                sends.add(s);
            }
        }
        return sends;
    }

    public static List<PersistedRecord> persisted(List<Effect> effects) {
        List<PersistedRecord> records = new ArrayList<>();
        for (Effect e : effects) {
            if (e instanceof Effect.Persist p) {
                records.add(p.record());
            }
        }
        return records;
    }

    public static List<String> unpersisted(List<Effect> effects) {
        List<String> keys = new ArrayList<>();
        for (Effect e : effects) {
            if (e instanceof Effect.Unpersist u) {
                keys.add(u.key());
            }
        }
        return keys;
    }

    public static List<Effect.SetTimer> timers(List<Effect> effects) {
        List<Effect.SetTimer> timers = new ArrayList<>();
        for (Effect e : effects) {
            if (e instanceof Effect.SetTimer t) {
                timers.add(t);
            }
        }
        return timers;
    }

    public static <T extends Effect> List<T> ofType(List<Effect> effects, Class<T> type) {
        List<T> found = new ArrayList<>();
        for (Effect e : effects) {
            if (type.isInstance(e)) {
                found.add(type.cast(e));
            }
        }
        return found;
    }

    /** Index of the first effect of this type, or -1. */
    public static int indexOf(List<Effect> effects, Class<? extends Effect> type) {
        for (int i = 0; i < effects.size(); i++) {
            if (type.isInstance(effects.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
