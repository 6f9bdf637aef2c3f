package dev.smsbilling.billing.api;

import dev.smsbilling.billing.store.WriteDeadlineExceeded;
import dev.smsbilling.billing.store.WriteOutcomeUnknown;
import dev.smsbilling.http.ApiException;
import dev.smsbilling.http.ErrorCode;
import dev.smsbilling.http.HttpFunction;
import java.time.Duration;

/**
 * The base of the functions that change a balance: what the store's two failures that are not
 * bugs mean for a client. Contention that outlasted the deadline wrote nothing, so it is a 503
 * {@code account_busy} to retry after a moment; a write DynamoDB never confirmed is a 503
 * {@code outcome_unknown}, never the 500 that the contract reserves for "surely no effect".
 */
public abstract class BillingFunction extends HttpFunction {
    /**
     * The Retry-After of a request to try again in a moment: long enough for the writers ahead on
     * the account, or the attempt holding the same key, to be done, short enough not to lose the user.
     */
    public static final Duration RETRY_SOON = Duration.ofSeconds(1);

    @Override
    protected ApiException asApiError(RuntimeException failure) {
        if (failure instanceof WriteDeadlineExceeded) {
            return new ApiException(ErrorCode.ACCOUNT_BUSY).withRetryAfter(RETRY_SOON);
        }
        if (failure instanceof WriteOutcomeUnknown) {
            return new ApiException(ErrorCode.OUTCOME_UNKNOWN).withRetryAfter(RETRY_SOON);
        }
        return null;
    }
}
