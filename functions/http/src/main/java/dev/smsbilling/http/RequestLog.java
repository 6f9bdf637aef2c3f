package dev.smsbilling.http;

import com.amazonaws.services.lambda.runtime.Context;

/**
 * One line per request: method, path, status, milliseconds, and nothing a client sent in
 * headers or body (API keys, idempotency keys and message text stay out of the logs).
 */
final class RequestLog {

    private static final int MAX_PATH_CHARS = 200;
    private static final int MAX_FRAMES = 12;

    private RequestLog() {
    }

    static void request(Context context, String method, String path, int status, long millis) {
        write(context, clean(method) + " " + clean(path) + " " + status + " " + millis + "ms");
    }

    /**
     * Where an unexpected failure came from: exception classes and frames, but no messages,
     * because messages (a parser's, a number format's) can quote the customer's input.
     */
    static void failure(Context context, Throwable failure) {
        StringBuilder line = new StringBuilder("unexpected failure:");
        int causes = 0;
        for (Throwable t = failure; t != null && causes < 5; t = t.getCause(), causes++) {
            line.append(causes == 0 ? " " : " caused by ").append(t.getClass().getName());
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, MAX_FRAMES); i++) {
                line.append(" at ").append(frames[i]);
            }
        }
        write(context, line.toString());
    }

    /** Paths are the client's text: keep log lines single and bounded. */
    private static String clean(String value) {
        if (value == null || value.isEmpty()) {
            return "-";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_PATH_CHARS));
        for (int i = 0; i < value.length() && i < MAX_PATH_CHARS; i++) {
            char c = value.charAt(i);
            out.append(c < 0x20 || c == 0x7F || Character.isSurrogate(c) ? '?' : c);
        }
        return out.toString();
    }

    private static void write(Context context, String line) {
        if (context != null && context.getLogger() != null) {
            context.getLogger().log(line + "\n");
        } else {
            System.err.println(line);
        }
    }
}
