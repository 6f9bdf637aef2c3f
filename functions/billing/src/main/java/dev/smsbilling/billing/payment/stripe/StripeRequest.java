package dev.smsbilling.billing.payment.stripe;

/**
 * One call to Stripe, as sent on every attempt: a resend carries the same form and the same
 * Idempotency-Key, which is what makes resending a charge safe.
 *
 * @param form the encoded body of a POST, null for a GET
 * @param idempotencyKey sent as {@code Idempotency-Key} on a POST, null for a GET
 */
record StripeRequest(String method, String path, String form, String idempotencyKey) {

    static StripeRequest post(String path, String form, String idempotencyKey) {
        return new StripeRequest("POST", path, form, idempotencyKey);
    }

    static StripeRequest get(String path) {
        return new StripeRequest("GET", path, null, null);
    }
}
