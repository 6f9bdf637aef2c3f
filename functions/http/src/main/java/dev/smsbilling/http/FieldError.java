package dev.smsbilling.http;

import java.util.Objects;

/**
 * One entry of the envelope's {@code errors}: which input was wrong and why.
 *
 * @param path    where the problem is: a body path such as {@code content}, {@code to[0]},
 *                {@code autoCharge.amountMicros}, or a header name such as {@code Idempotency-Key}
 * @param message what is wrong with it, in words a client developer can act on
 */
public record FieldError(String path, String message) {
    public FieldError {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }
}
