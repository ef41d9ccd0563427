package cluster.transport;

/** The peer did not complete the shared-secret handshake. */
public class AuthenticationException extends Exception {
    public AuthenticationException(String message) {
        super(message);
    }
}
