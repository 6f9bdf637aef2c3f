package dev.smsbilling.billing.store;

import java.util.Objects;

/**
 * A charge a run was about to make, or made and could not yet record. Fixed at the first claim of
 * an attempt, so a later run repeats this exact request (same key, card and amount) and the
 * processor answers with the same charge, whatever the settings say by then.
 */
public record PendingCharge(String chargeKey, String paymentMethod, long amountMicros) {
    public PendingCharge {
        Objects.requireNonNull(chargeKey, "chargeKey");
        Objects.requireNonNull(paymentMethod, "paymentMethod");
        if (amountMicros <= 0) {
            throw new IllegalArgumentException("amountMicros must be positive");
        }
    }
}
