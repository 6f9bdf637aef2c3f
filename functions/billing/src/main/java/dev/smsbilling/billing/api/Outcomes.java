package dev.smsbilling.billing.api;

import dev.smsbilling.billing.store.KeySeenBefore.InProgress;
import dev.smsbilling.billing.store.KeySeenBefore.KeyReused;
import dev.smsbilling.billing.store.KeySeenBefore.Replayed;
import dev.smsbilling.billing.store.LedgerEntry;
import dev.smsbilling.billing.store.StoredResponse;
import dev.smsbilling.billing.store.WriteOutcome;
import dev.smsbilling.billing.store.WriteOutcome.AccountNotFound;
import dev.smsbilling.billing.store.WriteOutcome.Committed;
import dev.smsbilling.http.ApiException;
import dev.smsbilling.http.ApiResponse;
import dev.smsbilling.http.ErrorCode;
import dev.smsbilling.http.HttpFunction;
import dev.smsbilling.http.telemetry.Metric;
import dev.smsbilling.http.telemetry.Telemetry;
import java.util.Map;

/**
 * A money write's outcome as the API answers it, the same for every function that moves money:
 * the stored response (replayed byte for byte, marked {@code Idempotent-Replayed}), or the
 * error of a key that belongs to another request.
 */
public final class Outcomes {
    private Outcomes() {
    }

    public static ApiResponse toResponse(WriteOutcome outcome) {
        if (outcome instanceof Committed committed) {
            count(committed.entry());
            return stored(committed.response());
        }
        if (outcome instanceof Replayed replayed) {
            return replayed(replayed.response());
        }
        if (outcome instanceof KeyReused) {
            throw new ApiException(ErrorCode.IDEMPOTENCY_KEY_REUSED);
        }
        if (outcome instanceof InProgress) {
            throw inProgress();
        }
        if (outcome instanceof AccountNotFound) {
            // The authorizer vouched for an account that is gone: the key no longer opens anything.
            throw new ApiException(ErrorCode.UNAUTHORIZED);
        }
        throw new IllegalStateException("unmapped outcome " + outcome.getClass().getSimpleName());
    }

    /** Another attempt of the same request holds its key right now: retry in a moment. */
    public static ApiException inProgress() {
        return new ApiException(ErrorCode.REQUEST_IN_PROGRESS).withRetryAfter(BillingFunction.RETRY_SOON);
    }

    /** A new entry, not a replay: what the business metrics count (a credit's amount is positive, a charge's negative). */
    private static void count(LedgerEntry entry) {
        Telemetry telemetry = Telemetry.current();
        switch (entry.type()) {
            case MESSAGE_CHARGE -> telemetry.add(Metric.SENDS_ACCEPTED).add(Metric.MICROS_CHARGED, Math.negateExact(entry.amountMicros()));
            case FUNDS_ADDED -> telemetry.add(Metric.TOP_UPS).add(Metric.MICROS_TOPPED_UP, entry.amountMicros());
            default -> {
                // auto-charge credits are counted by their run, refunds by theirs
            }
        }
    }

    /** A stored answer given again, marked so a client (and the telemetry) can tell. */
    private static ApiResponse replayed(StoredResponse response) {
        return stored(response).withHeader(HttpFunction.REPLAYED_HEADER, "true");
    }

    private static ApiResponse stored(StoredResponse response) {
        return ApiResponse.of(response.statusCode(), Map.of("Content-Type", ApiResponse.JSON_CONTENT_TYPE), response.body());
    }

    /** The response to store: exactly the bytes the first caller gets. */
    public static StoredResponse toStored(ApiResponse response) {
        return new StoredResponse(response.status(), response.body());
    }
}
