package dev.smsbilling.billing.store;

/** The account's subscription is not active; nothing was written. */
public record SubscriptionInactive(String accountId) implements DebitResult {
}
