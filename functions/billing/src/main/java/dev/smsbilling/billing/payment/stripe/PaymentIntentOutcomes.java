package dev.smsbilling.billing.payment.stripe;

import dev.smsbilling.billing.payment.ChargeResult;
import dev.smsbilling.billing.payment.PaymentUnavailable;

/** What a confirmed PaymentIntent's status means for the charge. */
final class PaymentIntentOutcomes {

    private PaymentIntentOutcomes() {
    }

    static ChargeResult of(PaymentIntent intent) throws PaymentUnavailable {
        switch (intent.status()) {
            case "succeeded":
                return new ChargeResult.Succeeded(intent.id(), intent.amountMicros());
            case "requires_action":
                // The bank wants the customer to authenticate, and the customer is not here.
                return new ChargeResult.Declined(ChargeResult.AUTHENTICATION_REQUIRED,
                        "Your bank asks you to authenticate this payment; pay once with the customer present, then try again.");
            case "requires_payment_method":
                return fromLastError(intent.lastPaymentError());
            case "canceled":
                return new ChargeResult.Declined("payment_intent_canceled", "The payment was canceled.");
            case PaymentIntent.PROCESSING:
                throw new PaymentUnavailable("Stripe is still processing " + intent.id()
                        + "; retry later with the same idempotency key");
            default:
                // requires_confirmation and requires_capture cannot follow confirm=true with
                // automatic capture; whatever this is, nobody knows if money moved.
                throw new PaymentUnavailable("PaymentIntent " + intent.id() + " is in an unexpected status: " + intent.status());
        }
    }

    private static ChargeResult.Declined fromLastError(StripeError error) {
        if (error == null) {
            return new ChargeResult.Declined("payment_failed", "The payment failed; try another payment method.");
        }
        return StripeDeclines.declined(error.declineCode(), error.code(), error.message());
    }
}
