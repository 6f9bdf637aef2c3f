package dev.smsbilling.http;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A request that ends in an error response of the envelope in the API contract.
 *
 * <p>It is an expected outcome, not a fault, so it carries no stack trace: filling one in on
 * every 4xx would cost time on the hot path and would tempt someone to log it. Instances are
 * immutable; the {@code with...} methods return a copy.
 */
public final class ApiException extends RuntimeException {

    private static final Set<String> ENVELOPE_FIELDS = Set.of("message", "code", "status", "title", "errors");

    private final ErrorCode code;
    private final List<FieldError> errors;
    private final Map<String, Object> extras;
    private final Map<String, String> headers;

    public ApiException(ErrorCode code) {
        this(code, code.defaultMessage());
    }

    public ApiException(ErrorCode code, String message) {
        this(code, message, List.of(), Map.of(), Map.of());
    }

    private ApiException(ErrorCode code, String message, List<FieldError> errors,
                         Map<String, Object> extras, Map<String, String> headers) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.errors = List.copyOf(errors);
        this.extras = Collections.unmodifiableMap(new LinkedHashMap<>(extras));
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** A 400 {@code invalid_request} listing every field that was wrong. */
    public static ApiException invalid(String message, List<FieldError> errors) {
        return new ApiException(ErrorCode.INVALID_REQUEST, message).withErrors(errors);
    }

    /** A 405 for a known path; {@code allowed} becomes the {@code Allow} header. */
    public static ApiException methodNotAllowed(String... allowed) {
        if (allowed.length == 0) {
            throw new IllegalArgumentException("a 405 must name at least one allowed method");
        }
        return new ApiException(ErrorCode.METHOD_NOT_ALLOWED)
                .withHeader("Allow", String.join(", ", allowed));
    }

    public ErrorCode code() {
        return code;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Extra top-level envelope fields, such as {@code balanceMicros} on a 402. */
    public Map<String, Object> extras() {
        return extras;
    }

    /** Response headers the error needs, such as {@code Allow} or {@code Retry-After}. */
    public Map<String, String> headers() {
        return headers;
    }

    public ApiException withErrors(List<FieldError> moreErrors) {
        List<FieldError> all = new java.util.ArrayList<>(errors);
        all.addAll(moreErrors);
        return new ApiException(code, getMessage(), all, extras, headers);
    }

    public ApiException withExtra(String name, Object value) {
        if (ENVELOPE_FIELDS.contains(name)) {
            throw new IllegalArgumentException("'" + name + "' is an envelope field, not an extra");
        }
        Map<String, Object> copy = new LinkedHashMap<>(extras);
        copy.put(name, value);
        return new ApiException(code, getMessage(), errors, copy, headers);
    }

    /** {@code Retry-After} in whole seconds, rounded up and at least one: a client never retries sooner than asked. */
    public ApiException withRetryAfter(Duration wait) {
        return withHeader("Retry-After", Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000)));
    }

    public ApiException withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ApiException(code, getMessage(), errors, extras, copy);
    }
}
