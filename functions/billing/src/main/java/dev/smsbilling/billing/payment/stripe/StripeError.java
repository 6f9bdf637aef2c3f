package dev.smsbilling.billing.payment.stripe;

/**
 * Stripe's error object, as an error answer carries it under {@code "error"} and a PaymentIntent
 * under {@code "last_payment_error"}. Every field may be absent (null).
 *
 * @param message written by Stripe for the customer; it can quote a payment method id, so it
 *     goes into a decline shown to that customer and never into a log line
 */
record StripeError(String type, String code, String declineCode, String param, String message) {
    static final String IDEMPOTENCY_ERROR = "idempotency_error";
}
