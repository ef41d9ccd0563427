package cluster.messages.codec;

/**
 * A frame or line could not be turned into a complete, valid {@link cluster.messages.Envelope}:
 * garbage bytes, an unknown or forbidden type tag, trailing bytes, or a missing required field.
 * The message says which; the cause, if any, is Chronicle's own exception.
 */
public class MessageCodecException extends RuntimeException {
    public MessageCodecException(String message) {
        super(message);
    }

    public MessageCodecException(String message, Throwable cause) {
        super(message, cause);
    }
}
