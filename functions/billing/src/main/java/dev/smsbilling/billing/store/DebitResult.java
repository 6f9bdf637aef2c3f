package dev.smsbilling.billing.store;

/** How a debit ended: a {@link WriteOutcome}, or a refusal decided from the account with nothing written. */
public sealed interface DebitResult permits WriteOutcome, InsufficientFunds, SubscriptionInactive {
}
