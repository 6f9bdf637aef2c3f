package dev.smsbilling.billing.payment;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import java.util.Objects;

/**
 * Charges through Stripe: one PaymentIntent, created and confirmed off-session in one call,
 * with our idempotency key as Stripe's. A retry after a crash, ours or the Stripe client's
 * own, therefore returns the first PaymentIntent instead of making a second charge.
 */
public final class StripePaymentProcessor implements PaymentProcessor {
    private static final String PROCESSING = "processing";

    private final StripeClient client;

    StripePaymentProcessor(StripeClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** Build once per function instance: the client is thread-safe and holds no connection. */
    public static StripePaymentProcessor create(String secretKey, StripeConfig config) {
        return new StripePaymentProcessor(StripeClients.create(secretKey, config));
    }

    @Override
    public ChargeResult charge(ChargeRequest request) throws PaymentUnavailable {
        var params = PaymentIntentParams.of(request);
        var options = RequestOptions.builder().setIdempotencyKey(request.idempotencyKey()).build();
        try {
            PaymentIntent intent = client.v1().paymentIntents().create(params, options);
            return PaymentIntentOutcomes.of(current(intent));
        } catch (StripeException e) {
            return StripeErrors.outcome(e, request);
        }
    }

    /**
     * Stripe answers a repeated idempotency key with the first response, so a retry of a
     * charge that was "processing" would read "processing" forever. Its current state is
     * fetched instead; while it is still processing the caller is told to retry later.
     */
    private PaymentIntent current(PaymentIntent intent) throws StripeException {
        return PROCESSING.equals(intent.getStatus()) ? client.v1().paymentIntents().retrieve(intent.getId()) : intent;
    }
}
