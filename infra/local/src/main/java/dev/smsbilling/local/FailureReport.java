package dev.smsbilling.local;

/**
 * The console line for a failed invocation: our own message, then exception classes and frames
 * without their messages, which can quote a request's headers or body.
 */
final class FailureReport {
    private static final int MAX_FRAMES = 12;

    private FailureReport() {
    }

    static String describe(InvocationFailed failure) {
        StringBuilder line = new StringBuilder(failure.getMessage());
        if (failure.getCause() instanceof HandlerUnavailable) {
            return line.toString();
        }
        int depth = 0;
        for (Throwable t = failure.getCause(); t != null && depth < 5; t = t.getCause(), depth++) {
            line.append(depth == 0 ? "\n  " : "\n  caused by ").append(t.getClass().getName());
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, MAX_FRAMES); i++) {
                line.append("\n    at ").append(frames[i]);
            }
        }
        return line.toString();
    }
}
