package dev.smsbilling.billing.payment;

import java.util.Objects;

/** What the processor decided. A decline is an answer, not a failure: nothing was charged. */
public sealed interface ChargeResult {
    /**
     * The card's bank asks its holder to authenticate, who is not there (an auto-charge): not a
     * failure of the card, and no retry without the holder can succeed.
     */
    String AUTHENTICATION_REQUIRED = "authentication_required";

    /** The decline of a card not saved to the account's customer: nothing was asked of the card. */
    String NOT_SAVED = "payment_method_not_saved";

    /** The decline of {@link #NOT_SAVED}, with what the customer can do about it. */
    static Declined notSaved() {
        return new Declined(NOT_SAVED, "This card is not saved to this account; save it to the account first.");
    }

    /** The money was taken; {@code reference} identifies the charge at the processor. */
    record Succeeded(String reference, long amountMicros) implements ChargeResult {
        public Succeeded {
            Objects.requireNonNull(reference, "reference");
        }
    }

    /** Nothing was charged. {@code code} is the processor's stable decline code (Stripe's names). */
    record Declined(String code, String message) implements ChargeResult {
        public Declined {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }
}
