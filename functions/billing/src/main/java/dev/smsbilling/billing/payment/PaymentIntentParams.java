package dev.smsbilling.billing.payment;

import com.stripe.param.PaymentIntentCreateParams;

/** The PaymentIntent that one {@link ChargeRequest} asks Stripe to create and confirm in one call. */
final class PaymentIntentParams {
    private PaymentIntentParams() {
    }

    static PaymentIntentCreateParams of(ChargeRequest request) {
        return PaymentIntentCreateParams.builder()
                .setAmount(Cents.fromMicros(request.amountMicros()))
                .setCurrency("usd")
                .setPaymentMethod(request.paymentMethod())
                // Cards only: they settle while we wait, where bank debits would sit in
                // "processing" for days and redirect methods need a customer who is not here.
                .addPaymentMethodType("card")
                .setConfirm(true)
                // Top-ups and auto-charges run without the customer: Stripe then declines with
                // authentication_required instead of waiting for a 3-D Secure challenge.
                .setOffSession(true)
                .setDescription(request.description())
                .build();
    }
}
