package dev.smsbilling.billing.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Ledger entries newest first, and the cursor for the older ones when there are any. */
public record TransactionPage(List<LedgerEntry> entries, Optional<String> nextCursor) {
    public TransactionPage {
        entries = List.copyOf(entries);
        Objects.requireNonNull(nextCursor, "nextCursor");
    }
}
