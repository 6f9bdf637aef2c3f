package dev.smsbilling.billing.payment;

import java.util.Objects;

/** What the processor decided. A decline is an answer, not a failure: nothing was charged. */
public sealed interface ChargeResult {

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
