package dev.smsbilling.local;

/**
 * A function could not be constructed, threw, timed out or answered something API Gateway
 * cannot use. The message is for the console; the client only ever sees a 500 envelope.
 */
final class InvocationFailed extends Exception {
    private static final long serialVersionUID = 1L;

    InvocationFailed(String message, Throwable cause) {
        super(message, cause);
    }

    InvocationFailed(String message) {
        super(message);
    }
}
