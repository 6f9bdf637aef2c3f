package dev.smsbilling.billing.store;

import java.util.Objects;

/** The balance changed: {@code entry} is the new ledger entry, {@code response} what was stored for replays. */
public record Committed(LedgerEntry entry, StoredResponse response) implements WriteOutcome {
    public Committed {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(response, "response");
    }

    public long balanceAfterMicros() {
        return entry.balanceAfterMicros();
    }
}
