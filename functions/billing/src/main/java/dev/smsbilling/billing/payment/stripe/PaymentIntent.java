package dev.smsbilling.billing.payment.stripe;

/**
 * The fields of a Stripe PaymentIntent that decide a charge's outcome.
 *
 * @param amountMicros the intent's amount, converted from Stripe's cents
 * @param lastPaymentError why the last attempt failed; null when none did
 * @param chargeKey our idempotency key, from its metadata; null on an intent we did not create
 */
record PaymentIntent(String id, String status, long amountMicros, StripeError lastPaymentError, String chargeKey) {
    static final String PROCESSING = "processing";

    boolean isProcessing() {
        return PROCESSING.equals(status);
    }
}
