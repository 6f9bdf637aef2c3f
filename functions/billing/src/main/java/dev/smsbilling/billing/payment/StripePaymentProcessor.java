package dev.smsbilling.billing.payment;

import java.util.Map;

/**
 * Charges through Stripe: one PaymentIntent, created and confirmed off-session in one call,
 * with our idempotency key as Stripe's. A retry after a crash, ours or the transport's own,
 * therefore returns the first PaymentIntent instead of making a second charge.
 *
 * <p>Stripe's REST API is called directly ({@link StripeApi}) rather than through stripe-java:
 * that jar was 16.7 MiB of a function zip meant to stay under 12 MiB, for two endpoints.
 */
public final class StripePaymentProcessor implements PaymentProcessor {
    private final StripeApi stripe;

    private StripePaymentProcessor(StripeApi stripe) {
        this.stripe = stripe;
    }

    /**
     * Build once per function instance.
     *
     * @throws IllegalArgumentException when the key is not a secret or restricted key, or the
     *     configured API base is not an http(s) URL
     */
    public static StripePaymentProcessor create(String secretKey, StripeConfig config) {
        return new StripePaymentProcessor(StripeApi.create(secretKey, config));
    }

    @Override
    public ChargeResult charge(ChargeRequest request) throws PaymentUnavailable {
        Map<String, String> params = PaymentIntentParams.of(request);
        try {
            PaymentIntent intent = stripe.createPaymentIntent(params, request.idempotencyKey());
            return PaymentIntentOutcomes.of(current(intent));
        } catch (StripeCallFailed e) {
            return StripeErrors.outcome(e, request);
        }
    }

    /**
     * Stripe answers a repeated idempotency key with the first response, so a retry of a
     * charge that was "processing" would read "processing" forever. Its current state is
     * fetched instead; while it is still processing the caller is told to retry later.
     */
    private PaymentIntent current(PaymentIntent intent) throws StripeCallFailed {
        return intent.isProcessing() ? stripe.retrievePaymentIntent(intent.id()) : intent;
    }
}
