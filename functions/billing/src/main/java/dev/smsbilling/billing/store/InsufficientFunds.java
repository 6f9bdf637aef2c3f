package dev.smsbilling.billing.store;

/** The balance cannot cover the whole cost; nothing was written (there are no partial debits). */
public record InsufficientFunds(long balanceMicros, long costMicros) implements DebitResult {
}
