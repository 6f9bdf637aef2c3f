package dev.smsbilling.billing.store;

import java.util.Objects;

/** The outcomes a debit and a credit share. */
public sealed interface WriteOutcome extends DebitResult, CreditResult, SettleResult
        permits WriteOutcome.Committed, WriteOutcome.AccountNotFound, KeySeenBefore {

    /** The balance changed: {@code entry} is the new ledger entry, {@code response} what was stored for replays. */
    record Committed(LedgerEntry entry, StoredResponse response) implements WriteOutcome {
        public Committed {
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(response, "response");
        }

        public long balanceAfterMicros() {
            return entry.balanceAfterMicros();
        }
    }

    /** No account has this id; nothing was written. */
    record AccountNotFound(String accountId) implements WriteOutcome {
    }
}
