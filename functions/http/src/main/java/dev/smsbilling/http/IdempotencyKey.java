package dev.smsbilling.http;

import java.util.List;
import java.util.Optional;

/**
 * The client's {@code Idempotency-Key}: 1 to 255 printable ASCII characters (U+0020 to
 * U+007E), not all spaces.
 *
 * <p>A header that is present but empty or malformed is an error, not "no key": silently
 * ignoring it would turn a retry the client believes safe into a second charge.
 */
public final class IdempotencyKey {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 255;

    private final String value;

    private IdempotencyKey(String value) {
        this.value = value;
    }

    /** @throws ApiException 400 when absent or malformed */
    public static IdempotencyKey required(ApiRequest request) {
        String header = request.header(HEADER);
        if (header == null) {
            throw invalid("is required for this request");
        }
        return of(header);
    }

    /** @throws ApiException 400 when present but malformed */
    public static Optional<IdempotencyKey> optional(ApiRequest request) {
        String header = request.header(HEADER);
        return header == null ? Optional.empty() : Optional.of(of(header));
    }

    /** @throws ApiException 400 when malformed */
    public static IdempotencyKey of(String value) {
        String problem = problemWith(value);
        if (problem != null) {
            throw invalid(problem);
        }
        return new IdempotencyKey(value);
    }

    public String value() {
        return value;
    }

    private static String problemWith(String value) {
        if (value.isEmpty()) {
            return "must not be empty";
        }
        if (value.length() > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters, not " + value.length();
        }
        boolean allSpaces = true;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return "must contain only printable ASCII characters (space to ~)";
            }
            allSpaces &= c == ' ';
        }
        return allSpaces ? "must not be only spaces" : null;
    }

    private static ApiException invalid(String problem) {
        return ApiException.invalid("The " + HEADER + " header is not valid.", List.of(new FieldError(HEADER, problem)));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdempotencyKey key && key.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Only the length: keys are client data and stay out of logs. */
    @Override
    public String toString() {
        return "IdempotencyKey[" + value.length() + " chars]";
    }
}
