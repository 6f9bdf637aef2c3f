package dev.smsbilling.billing.store;

/** The charge is no longer pending on the account: another run recorded its outcome. Nothing was written. */
public record AlreadyRecorded(String accountId) implements SettleResult {
}
