package dev.smsbilling.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.billing.store.MessageCharge;
import dev.smsbilling.billing.store.StoredResponse;
import dev.smsbilling.billing.store.WriteOutcome.Committed;
import dev.smsbilling.billing.testing.TestAccounts;
import java.util.Optional;

/** The shared accounts, with the entries a statement shows put on their ledgers the way the money-moving functions do. */
final class Ledger extends TestAccounts {

    Ledger(BillingStore store) {
        super(store);
    }

    /** A two-segment message to Great Britain at $0.05 a segment. */
    void sendToGreatBritain(String accountId) {
        MessageCharge charge = new MessageCharge("+447400123456", "+14155550100", 2, "GB", 50_000, "GSM-7", 100_000, "2026-11-01");
        assertThat(store.debit(accountId, charge, Optional.empty(), entry -> new StoredResponse(202, "{}"), generous()))
                .isInstanceOf(Committed.class);
    }
}
