package dev.smsbilling.billing.payment.stripe;

/**
 * What Stripe answered, before anything is read from the body.
 *
 * @param requestId Stripe's {@code Request-Id}, the one thing support needs to find a call; may be null
 * @param shouldRetry Stripe's {@code Stripe-Should-Retry} header ("true" or "false"), null when absent
 * @param attempt which send of the request this answers, 1 for the first: an answer to a resend
 *     follows one that said nothing sure, so the request may have been processed before
 */
record StripeResponse(int status, String body, String requestId, String shouldRetry, int attempt) {

    StripeResponse(int status, String body, String requestId, String shouldRetry) {
        this(status, body, requestId, shouldRetry, 1);
    }

    StripeResponse toAttempt(int n) {
        return new StripeResponse(status, body, requestId, shouldRetry, n);
    }

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
