package dev.smsbilling.billing.store;

/** The outcomes a debit and a credit share. */
public sealed interface WriteOutcome extends DebitResult, CreditResult, SettleResult permits Committed, AccountNotFound, KeySeenBefore {
}
