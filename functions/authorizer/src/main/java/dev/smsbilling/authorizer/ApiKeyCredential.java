package dev.smsbilling.authorizer;

import java.util.Locale;
import java.util.Optional;

/**
 * The API key in an Authorization header: the bare key (OpenPhone's style) or {@code Bearer <key>}.
 * Only a plausible key is returned, so a malformed or oversized header never costs a lookup.
 */
final class ApiKeyCredential {
    /** Far above the keys we issue (36 characters), far below anything that could hurt. */
    static final int MAX_KEY_LENGTH = 256;
    /** Room for the scheme and surrounding spaces; longer headers are not even trimmed. */
    private static final int MAX_HEADER_LENGTH = 1024;
    private static final String BEARER = "bearer";

    private ApiKeyCredential() {
    }

    static Optional<String> fromHeader(String header) {
        if (header == null || header.length() > MAX_HEADER_LENGTH) {
            return Optional.empty();
        }
        String value = header.strip();
        if (hasBearerScheme(value)) {
            value = value.substring(BEARER.length()).strip();
        } else if (value.equalsIgnoreCase(BEARER)) {
            return Optional.empty(); // the scheme with its key missing
        }
        return isPlausibleKey(value) ? Optional.of(value) : Optional.empty();
    }

    private static boolean hasBearerScheme(String value) {
        return value.length() > BEARER.length()
                && value.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)
                && Character.isWhitespace(value.charAt(BEARER.length()));
    }

    /** Visible ASCII only: every key we issue is, and anything else is not worth a database read. */
    private static boolean isPlausibleKey(String value) {
        if (value.isEmpty() || value.length() > MAX_KEY_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }
}
