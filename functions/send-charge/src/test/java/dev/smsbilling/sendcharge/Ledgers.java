package dev.smsbilling.sendcharge;

import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.billing.store.Credit;
import dev.smsbilling.billing.store.Deadline;
import dev.smsbilling.billing.store.EntryType;
import dev.smsbilling.billing.store.LedgerEntry;
import dev.smsbilling.billing.store.StoredResponse;
import dev.smsbilling.billing.store.Subscription;
import dev.smsbilling.billing.testing.WholeLedger;
import dev.smsbilling.http.auth.ApiKeys;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Opens funded accounts and reads their ledgers back through the real store. */
final class Ledgers {
    private final BillingStore store;

    Ledgers(BillingStore store) {
        this.store = store;
    }

    String open(long balanceMicros, Subscription subscription) {
        String account = store.createAccount(subscription, ApiKeys.hash(ApiKeys.generate())).id();
        if (balanceMicros > 0) {
            topUp(account, balanceMicros);
        }
        return account;
    }

    void topUp(String account, long micros) {
        store.credit(account, new Credit(EntryType.FUNDS_ADDED, micros, "pi_test_seed_" + java.util.UUID.randomUUID()), Optional.empty(),
                entry -> new StoredResponse(201, "{}"), Deadline.within(Duration.ofSeconds(10)));
    }

    long balance(String account) {
        return store.readAccount(account).orElseThrow().balanceMicros();
    }

    List<LedgerEntry> entries(String account) {
        return WholeLedger.newestFirst(store, account);
    }

    long ledgerSum(String account) {
        return entries(account).stream().mapToLong(LedgerEntry::amountMicros).sum();
    }
}
