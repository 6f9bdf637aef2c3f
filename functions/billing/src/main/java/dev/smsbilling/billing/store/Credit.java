package dev.smsbilling.billing.store;

import java.util.Objects;

/** Money put into an account: a top-up, an auto-charge or a refund, with the payment it came from. */
public record Credit(EntryType type, long amountMicros, String paymentReference) {
    public Credit {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(paymentReference, "paymentReference");
        if (!type.isCredit()) {
            throw new IllegalArgumentException(type + " is not a credit");
        }
        if (amountMicros <= 0) {
            throw new IllegalArgumentException("a credit must be positive: " + amountMicros);
        }
    }
}
