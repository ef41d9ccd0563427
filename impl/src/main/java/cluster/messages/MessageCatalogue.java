package cluster.messages;

import net.openhft.chronicle.core.pool.ClassAliasPool;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The list of every type that may appear on the wire, and their short type tags.
 * The message list is read from {@link Message}'s permits clause, so adding a message
 * class there is enough to register it everywhere (aliases, decoder allow-list, tests).
 */
public final class MessageCatalogue {

    /** Every protocol message, in the order of the permits clause. */
    public static final List<Class<? extends Message>> MESSAGE_TYPES = messageTypes();

    /** Value classes and enums nested inside messages. */
    public static final List<Class<?>> VALUE_TYPES = List.of(
            ExecutorDescription.class, ApplicationDescription.class,
            WorkerSummary.class, ApplicationSummary.class, ExecutorSummary.class,
            ExecutorState.class, ApplicationState.class, WorkerState.class, RecoveryState.class, TaskState.class);

    /** Everything a decoder may instantiate: the envelope, the messages and their value types. */
    public static final List<Class<?>> WIRE_TYPES = wireTypes();

    private static final Map<String, Class<? extends Message>> BY_NAME = MESSAGE_TYPES.stream()
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private static volatile boolean aliasesRegistered;

    private MessageCatalogue() {
    }

    /**
     * Registers the simple class names as Chronicle type tags ({@code !LaunchExecutor},
     * {@code {"@Envelope": ...}}) in the JVM-wide alias pool. Call once at start-up, before
     * any encoding; calling it again does nothing. The codecs call it themselves.
     */
    public static void registerAliases() {
        if (aliasesRegistered) {
            return;
        }
        synchronized (MessageCatalogue.class) {
            if (!aliasesRegistered) {
                ClassAliasPool.CLASS_ALIASES.addAlias(WIRE_TYPES.toArray(new Class<?>[0]));
                aliasesRegistered = true;
            }
        }
    }

    /** The message class with this spec/trace name, or null if there is none. */
    public static Class<? extends Message> messageType(String name) {
        return BY_NAME.get(name);
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends Message>> messageTypes() {
        List<Class<? extends Message>> types = new ArrayList<>();
        for (Class<?> c : Message.class.getPermittedSubclasses()) {
            types.add((Class<? extends Message>) c);
        }
        return Collections.unmodifiableList(types);
    }

    private static List<Class<?>> wireTypes() {
        List<Class<?>> types = new ArrayList<>(Arrays.asList(Envelope.class));
        types.addAll(MESSAGE_TYPES);
        types.addAll(VALUE_TYPES);
        return Collections.unmodifiableList(types);
    }
}
