package dev.smsbilling.billing.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One immutable change to a balance: entry {@code seq} is the account's seq-th change and
 * {@code balanceAfterMicros} is the exact balance it left, so a statement can be checked line by line.
 */
public record LedgerEntry(String id, long seq, EntryType type, long amountMicros, long balanceAfterMicros,
                          Instant createdAt, EntryDetails details) {
    public LedgerEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(details, "details");
        if (seq <= 0 || balanceAfterMicros < 0) {
            throw new IllegalArgumentException("seq must be positive and balanceAfterMicros not negative");
        }
        if (amountMicros == 0 || (amountMicros > 0) != type.isCredit()) {
            throw new IllegalArgumentException(type + " cannot carry amount " + amountMicros);
        }
        if ((details instanceof EntryDetails.Message) == type.isCredit()) {
            throw new IllegalArgumentException(type + " cannot carry " + details.getClass().getSimpleName());
        }
    }
}
