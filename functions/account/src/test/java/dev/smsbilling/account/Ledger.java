package dev.smsbilling.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.billing.store.Credit;
import dev.smsbilling.billing.store.Deadline;
import dev.smsbilling.billing.store.EntryType;
import dev.smsbilling.billing.store.MessageCharge;
import dev.smsbilling.billing.store.StoredResponse;
import dev.smsbilling.billing.store.WriteOutcome.Committed;
import java.time.Duration;
import java.util.Optional;

/** Puts entries on a test account's ledger through the store, the way the money-moving functions will. */
final class Ledger {
    private static final Deadline GENEROUS = Deadline.within(Duration.ofMinutes(2));

    private final BillingStore store;

    Ledger(BillingStore store) {
        this.store = store;
    }

    void fund(String accountId, long micros, String paymentReference) {
        assertThat(store.credit(accountId, new Credit(EntryType.FUNDS_ADDED, micros, paymentReference), Optional.empty(),
                entry -> new StoredResponse(201, "{}"), GENEROUS)).isInstanceOf(Committed.class);
    }

    /** A two-segment message to Great Britain at $0.05 a segment. */
    void sendToGreatBritain(String accountId) {
        MessageCharge charge = new MessageCharge("+447400123456", "+14155550100", 2, "GB", 50_000, "GSM-7", 100_000, "2026-11-01");
        assertThat(store.debit(accountId, charge, Optional.empty(), entry -> new StoredResponse(202, "{}"), GENEROUS))
                .isInstanceOf(Committed.class);
    }
}
