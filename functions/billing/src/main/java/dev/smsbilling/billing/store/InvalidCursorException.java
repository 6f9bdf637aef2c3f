package dev.smsbilling.billing.store;

/** A transactions cursor that this account did not get from us: malformed, tampered, or another account's. */
public class InvalidCursorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidCursorException(String message) {
        super(message);
    }
}
