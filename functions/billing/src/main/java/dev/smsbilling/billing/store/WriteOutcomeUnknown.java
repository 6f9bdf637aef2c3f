package dev.smsbilling.billing.store;

/**
 * A balance change was sent, DynamoDB did not say whether it applied, and nothing it answered
 * until the deadline told: the one case where this store cannot say what happened. The write is
 * either in the ledger or not at all (the transaction is atomic); a retry with the request's
 * Idempotency-Key finds out, and without one the statement shows it.
 */
public class WriteOutcomeUnknown extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WriteOutcomeUnknown(String accountId, long seq, Throwable cause) {
        super("could not learn whether the change of account " + accountId + " to seq " + seq + " applied", cause);
    }
}
