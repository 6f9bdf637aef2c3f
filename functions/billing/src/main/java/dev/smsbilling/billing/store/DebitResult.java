package dev.smsbilling.billing.store;

/** How a debit ended: a {@link WriteOutcome}, or a refusal decided from the account with nothing written. */
public sealed interface DebitResult permits WriteOutcome, DebitResult.InsufficientFunds, DebitResult.SubscriptionInactive {

    /** The balance cannot cover the whole cost; nothing was written (there are no partial debits). */
    record InsufficientFunds(long balanceMicros, long costMicros) implements DebitResult {
    }

    /** The account's subscription is not active; nothing was written. */
    record SubscriptionInactive(String accountId) implements DebitResult {
    }
}
