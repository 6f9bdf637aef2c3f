package dev.smsbilling.billing.payment.stripe;

/**
 * Which answers are worth sending the same request again for. Every resend carries the same
 * Idempotency-Key, so Stripe replays a charge it already made instead of making a second one;
 * a resend can only ever cost time.
 */
final class StripeRetryPolicy {
    private static final int CONFLICT = 409;
    private static final int TOO_MANY_REQUESTS = 429;
    private static final int FIRST_SERVER_ERROR = 500;

    private StripeRetryPolicy() {
    }

    /**
     * Stripe's own {@code Stripe-Should-Retry} header decides when present: it says true for a
     * lock timeout, false where a resend would only replay the same answer. Without it, a 409
     * (another request with this key is still running), a 429 and any 5xx are retried.
     * stripe-java leaves 429 alone; it is retried here because after the back-off the limit has
     * often passed, and the alternative is failing the top-up at once.
     */
    static boolean worthRetrying(StripeResponse response) {
        if ("true".equals(response.shouldRetry())) {
            return true;
        }
        if ("false".equals(response.shouldRetry())) {
            return false;
        }
        int status = response.status();
        return status == CONFLICT || status == TOO_MANY_REQUESTS || status >= FIRST_SERVER_ERROR;
    }
}
