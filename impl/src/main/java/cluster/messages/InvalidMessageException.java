package cluster.messages;

/** A message (or envelope) breaks the catalogue's rules, e.g. a required field is null. */
public class InvalidMessageException extends RuntimeException {
    public InvalidMessageException(String message) {
        super(message);
    }
}
