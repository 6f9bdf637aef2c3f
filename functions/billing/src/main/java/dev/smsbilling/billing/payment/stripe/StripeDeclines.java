package dev.smsbilling.billing.payment.stripe;

import dev.smsbilling.billing.payment.ChargeResult;

/**
 * A Stripe decline as our {@link ChargeResult.Declined}. The decline code is the more precise
 * (card_declined / insufficient_funds), so it wins over the error code when both are given;
 * Stripe's message for a card error is written to be shown to the customer.
 */
final class StripeDeclines {
    private StripeDeclines() {
    }

    static ChargeResult.Declined declined(String declineCode, String code, String message) {
        String chosen = declineCode != null ? declineCode : code != null ? code : "card_declined";
        return new ChargeResult.Declined(chosen, message != null ? message : "Your card was declined.");
    }
}
