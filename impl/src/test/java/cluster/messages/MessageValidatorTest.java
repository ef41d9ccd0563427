package cluster.messages;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageValidatorTest {

    @Test
    void completeMessageWithNullableFieldsUnsetPasses() {
        ExecutorStateChanged changed = new ExecutorStateChanged("w", "app-0001", 1, ExecutorState.RUNNING, null, null);
        assertDoesNotThrow(() -> MessageValidator.validate(Envelope.of("w", "m", 1, changed)));
    }

    @Test
    void missingRequiredFieldIsNamedWithItsPath() {
        LaunchExecutor launch = new LaunchExecutor(1, null, "app-0001", 0, 1, 512, List.of());
        InvalidMessageException e = assertThrows(InvalidMessageException.class,
                () -> MessageValidator.validate(Envelope.of("m", "w", 1, launch)));
        assertTrue(e.getMessage().contains("Envelope.body.workerId is null"), e.getMessage());
    }

    @Test
    void nullInsideListsMapsAndNestedValuesIsFound() {
        assertThrows(InvalidMessageException.class, () -> MessageValidator.validate(
                Envelope.of("m", "w", 1, new LaunchExecutor(1, "w", "a", 0, 1, 1, Arrays.asList("java", null)))));
        assertThrows(InvalidMessageException.class, () -> MessageValidator.validate(
                Envelope.of("d", "m", 1, new RegisterApplication("k", "d",
                        new ApplicationDescription(null, null, null, 1, null, List.of())))));
        Envelope nullClockValue = Envelope.of("a", "b", 1, new Heartbeat("w"));
        nullClockValue.vectorClock.put("a", null);
        assertThrows(InvalidMessageException.class, () -> MessageValidator.validate(nullClockValue));
        assertThrows(InvalidMessageException.class, () -> MessageValidator.validate(
                new Envelope("a", "b", 1, Map.of(), null)));
    }
}
