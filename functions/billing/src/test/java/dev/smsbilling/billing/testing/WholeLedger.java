package dev.smsbilling.billing.testing;

import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.billing.store.LedgerEntry;
import dev.smsbilling.billing.store.TransactionPage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** An account's whole ledger, read through the public paging API, for audits in tests. */
public final class WholeLedger {
    private WholeLedger() {
    }

    public static List<LedgerEntry> newestFirst(BillingStore store, String accountId) {
        List<LedgerEntry> entries = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            TransactionPage page = store.transactions(accountId, 100, cursor);
            entries.addAll(page.entries());
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        return entries;
    }

    public static List<LedgerEntry> oldestFirst(BillingStore store, String accountId) {
        List<LedgerEntry> entries = newestFirst(store, accountId);
        Collections.reverse(entries);
        return entries;
    }
}
