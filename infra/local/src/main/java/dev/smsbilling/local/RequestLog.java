package dev.smsbilling.local;

/**
 * One line per request: method, path without the query string, status, milliseconds. Never
 * headers or bodies: they carry API keys, idempotency keys and message text.
 */
final class RequestLog {
    private static final int MAX_PATH_CHARS = 200;

    private RequestLog() {
    }

    static String line(String method, String rawPath, int status, long millis) {
        return clean(method) + " " + clean(rawPath) + " " + status + " " + millis + " ms";
    }

    /** The path is the client's text: one bounded line, whatever it sent. */
    private static String clean(String value) {
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > MAX_PATH_CHARS ? printable.substring(0, MAX_PATH_CHARS) + "..." : printable;
    }
}
