package cluster.messages;

import net.openhft.chronicle.wire.SelfDescribingMarshallable;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageCatalogueTest {

    /** Messages a master sends: receivers fence on the epoch, so each must carry one. */
    private static final List<Class<? extends Message>> MASTER_COMMANDS = List.of(
            RegisteredWorker.class, RegisterWorkerFailed.class, ReconnectWorker.class, LaunchExecutor.class,
            KillExecutor.class, ExecutorStateChangedAck.class, ApplicationFinished.class, MasterChanged.class,
            RegisteredApplication.class, ExecutorAdded.class, ExecutorUpdated.class, WorkerRemoved.class,
            ApplicationRemoved.class, MasterStateResponse.class);

    @Test
    void catalogueListsEveryPermittedMessageOnce() {
        assertEquals(32, MessageCatalogue.MESSAGE_TYPES.size());
        Set<String> names = new HashSet<>();
        for (Class<? extends Message> type : MessageCatalogue.MESSAGE_TYPES) {
            assertTrue(names.add(type.getSimpleName()), "duplicate name " + type);
            assertSame(type, MessageCatalogue.messageType(type.getSimpleName()));
        }
        assertNull(MessageCatalogue.messageType("NoSuchMessage"));
    }

    @Test
    void everyWireClassIsAFinalSelfDescribingMarshallableWithPublicFieldsAndANoArgConstructor() throws Exception {
        for (Class<?> type : MessageCatalogue.WIRE_TYPES) {
            if (type.isEnum()) {
                continue;
            }
            assertTrue(SelfDescribingMarshallable.class.isAssignableFrom(type), type + " must extend SelfDescribingMarshallable");
            assertTrue(Modifier.isFinal(type.getModifiers()), type + " must be final");
            type.getConstructor().newInstance();
            for (Field f : type.getDeclaredFields()) {
                if (!f.isSynthetic() && !Modifier.isStatic(f.getModifiers())) {
                    assertTrue(Modifier.isPublic(f.getModifiers()), f + " must be public (Chronicle equals needs it)");
                }
            }
        }
    }

    @Test
    void everyMasterCommandCarriesTheEpoch() throws Exception {
        for (Class<? extends Message> type : MASTER_COMMANDS) {
            assertEquals(long.class, type.getField("epoch").getType(), type.getSimpleName());
        }
    }

    @Test
    void typeIsTheSimpleClassName() {
        assertEquals("LaunchExecutor", new LaunchExecutor().type());
        assertEquals("RequestMasterState", new RequestMasterState().type());
    }

    @Test
    void finishedExecutorStates() {
        assertEquals(Set.of(ExecutorState.KILLED, ExecutorState.FAILED, ExecutorState.LOST, ExecutorState.EXITED),
                Set.copyOf(java.util.Arrays.stream(ExecutorState.values()).filter(ExecutorState::isFinished).toList()));
    }

    @Test
    void constructorsCopyListsSoCallersCanReuseTheirs() {
        List<String> command = new java.util.ArrayList<>(List.of("java"));
        LaunchExecutor launch = new LaunchExecutor(1, "w", "app-0001", 0, 1, 512, command);
        command.add("changed");
        assertEquals(List.of("java"), launch.command);
    }
}
