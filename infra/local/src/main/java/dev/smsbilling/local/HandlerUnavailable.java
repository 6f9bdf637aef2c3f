package dev.smsbilling.local;

/**
 * A handler class that cannot be loaded: a missing module, not a bug, so it carries one
 * sentence and no stack trace.
 */
final class HandlerUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HandlerUnavailable(String message) {
        super(message, null, false, false);
    }
}
