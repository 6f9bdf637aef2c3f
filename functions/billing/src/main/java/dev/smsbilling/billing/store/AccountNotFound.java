package dev.smsbilling.billing.store;

/** No account has this id; nothing was written. */
public record AccountNotFound(String accountId) implements WriteOutcome {
}
