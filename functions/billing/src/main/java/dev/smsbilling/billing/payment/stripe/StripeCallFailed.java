package dev.smsbilling.billing.payment.stripe;

import java.io.IOException;

/**
 * A Stripe call that did not give us the object we asked for: no answer came, Stripe answered
 * with an error, or the answer could not be read. {@link StripeErrors} decides what it means
 * for the charge. The message names the HTTP status, Stripe's error type and code and its
 * request id, never Stripe's message: that can quote a payment method id or part of the key.
 */
final class StripeCallFailed extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient StripeResponse response;
    private final transient StripeError error;

    private StripeCallFailed(String message, StripeResponse response, StripeError error, Throwable cause) {
        super(message, cause);
        this.response = response;
        this.error = error;
    }

    static StripeCallFailed noAnswer(IOException cause) {
        return new StripeCallFailed("no answer from Stripe: " + cause.getClass().getSimpleName(), null, null, cause);
    }

    static StripeCallFailed errorAnswer(StripeResponse response, StripeError error) {
        return new StripeCallFailed("Stripe answered HTTP " + response.status() + " (type " + error.type()
                + ", code " + error.code() + ", request-id " + response.requestId() + ")", response, error, null);
    }

    static StripeCallFailed unreadable(StripeResponse response) {
        return new StripeCallFailed("unreadable answer from Stripe, HTTP " + response.status()
                + " (request-id " + response.requestId() + ")", response, null, null);
    }

    boolean answered() {
        return response != null;
    }

    /** Only when {@link #answered()}. */
    int httpStatus() {
        return response.status();
    }

    /** Answered on the first send: no earlier send of the request may have been processed. */
    boolean firstAttempt() {
        return response != null && response.attempt() == 1;
    }

    /** Null when no answer came. */
    String requestId() {
        return response == null ? null : response.requestId();
    }

    /** Stripe's error object; null when no answer came or it could not be read. */
    StripeError error() {
        return error;
    }
}
