package dev.smsbilling.billing.payment;

import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeError;

/** What a confirmed PaymentIntent's status means for the charge. */
final class PaymentIntentOutcomes {
    static final String AUTHENTICATION_REQUIRED = "authentication_required";

    private PaymentIntentOutcomes() {
    }

    static ChargeResult of(PaymentIntent intent) throws PaymentUnavailable {
        String status = intent.getStatus();
        switch (status == null ? "" : status) {
            case "succeeded":
                return new ChargeResult.Succeeded(intent.getId(), Cents.toMicros(intent.getAmount()));
            case "requires_action":
                // The bank wants the customer to authenticate, and the customer is not here.
                return new ChargeResult.Declined(AUTHENTICATION_REQUIRED,
                        "Your bank asks you to authenticate this payment; pay once with the customer present, then try again.");
            case "requires_payment_method":
                return fromLastError(intent.getLastPaymentError());
            case "canceled":
                return new ChargeResult.Declined("payment_intent_canceled", "The payment was canceled.");
            case "processing":
                throw new PaymentUnavailable("Stripe is still processing " + intent.getId()
                        + "; retry later with the same idempotency key");
            default:
                // requires_confirmation and requires_capture cannot follow confirm=true with
                // automatic capture; whatever this is, nobody knows if money moved.
                throw new PaymentUnavailable("PaymentIntent " + intent.getId() + " is in an unexpected status: " + status);
        }
    }

    private static ChargeResult.Declined fromLastError(StripeError error) {
        if (error == null) {
            return new ChargeResult.Declined("payment_failed", "The payment failed; try another payment method.");
        }
        return StripeDeclines.declined(error.getDeclineCode(), error.getCode(), error.getMessage());
    }
}
