package dev.smsbilling.billing.payment.stripe;

import dev.smsbilling.billing.payment.ChargeRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The form parameters of the PaymentIntent that one {@link ChargeRequest} asks Stripe to create
 * and confirm in one call, named as Stripe's API reference names them.
 */
final class PaymentIntentParams {
    /** The metadata field that carries our idempotency key on every intent we create. */
    static final String CHARGE_KEY = "charge_key";

    private PaymentIntentParams() {
    }

    /** @throws IllegalArgumentException when the amount is not a whole number of cents */
    static Map<String, String> of(ChargeRequest request) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("amount", Long.toString(Cents.fromMicros(request.amountMicros())));
        params.put("currency", "usd");
        // For the account's customer: Stripe then refuses a card saved by another customer.
        params.put("customer", request.customer());
        params.put("payment_method", request.paymentMethod());
        // Cards only: they settle while we wait, where bank debits would sit in
        // "processing" for days and redirect methods need a customer who is not here.
        params.put("payment_method_types[0]", "card");
        params.put("confirm", "true");
        // Top-ups and auto-charges run without the customer: Stripe then declines with
        // authentication_required instead of waiting for a 3-D Secure challenge.
        params.put("off_session", "true");
        params.put("description", request.description());
        // Stripe does not show an intent's idempotency key; this is how a sweep that must never
        // charge finds the intent a dead request made under it (StripePaymentProcessor#find).
        params.put("metadata[" + CHARGE_KEY + "]", request.idempotencyKey());
        return params;
    }
}
