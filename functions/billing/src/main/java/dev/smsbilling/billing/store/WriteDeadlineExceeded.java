package dev.smsbilling.billing.store;

/**
 * A balance change kept conflicting until the invocation ran out of time. Nothing was written by
 * this call, so the request may be retried as it is (with its Idempotency-Key when it has one).
 */
public class WriteDeadlineExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WriteDeadlineExceeded(String accountId, int attempts) {
        super("gave up changing the balance of account " + accountId + " after " + attempts
                + " attempts: the deadline left no time for another; nothing was written");
    }
}
