package dev.smsbilling.billing.store.dynamodb;

import dev.smsbilling.billing.store.LedgerEntry;
import dev.smsbilling.billing.store.StoredResponse;
import dev.smsbilling.billing.store.WriteOutcome.Committed;

/**
 * What the balance-change protocol wants rendered for an auto-charge credit. Nobody replays it (a
 * scheduled run has no idempotency record); it only completes {@link Committed} for the caller.
 */
final class AutoChargeResponses {
    private AutoChargeResponses() {
    }

    static StoredResponse credited(LedgerEntry entry) {
        return new StoredResponse(200, "{\"transactionId\":\"" + entry.id() + "\",\"amountMicros\":" + entry.amountMicros()
                + ",\"balanceAfterMicros\":" + entry.balanceAfterMicros() + "}");
    }
}
