package dev.smsbilling.billing.store;

/**
 * Turns the entry about to be written into the response the caller will return. The store calls
 * it before its transaction and writes the result into the idempotency record in that same
 * transaction, so the first caller and every replay get identical bytes. It may be called once
 * per attempt and must not have side effects.
 */
@FunctionalInterface
public interface ResponseRenderer {
    StoredResponse render(LedgerEntry entry);
}
