package cluster.messages;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a message field that may be null. Every other reference field is required:
 * {@link MessageValidator} rejects a message whose required field is null, so a decoder
 * never hands out a half-built message.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Nullable {
}
