package dev.smsbilling.billing.payment;

/**
 * What Stripe answered, before anything is read from the body.
 *
 * @param requestId Stripe's {@code Request-Id}, the one thing support needs to find a call; may be null
 * @param shouldRetry Stripe's {@code Stripe-Should-Retry} header ("true" or "false"), null when absent
 */
record StripeResponse(int status, String body, String requestId, String shouldRetry) {

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
