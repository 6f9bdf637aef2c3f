package dev.smsbilling.addfunds;

import dev.smsbilling.billing.store.EntryDetails;
import dev.smsbilling.billing.store.InProgress;
import dev.smsbilling.billing.store.KeyReused;
import dev.smsbilling.billing.store.KeySeenBefore;
import dev.smsbilling.billing.store.LedgerEntry;
import dev.smsbilling.billing.store.Replayed;
import dev.smsbilling.billing.store.StoredResponse;
import dev.smsbilling.http.ApiException;
import dev.smsbilling.http.ApiResponse;
import dev.smsbilling.http.ErrorCode;
import java.util.LinkedHashMap;
import java.util.Map;

/** The 201 of a top-up, stored with the credit so replays are byte for byte, and the answers to a key seen before. */
final class FundsResponses {
    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private FundsResponses() {
    }

    /** The store's renderer: no side effects, it may run once per write attempt. */
    static StoredResponse created(LedgerEntry entry) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("transactionId", entry.id());
        data.put("amountMicros", entry.amountMicros());
        data.put("balanceAfterMicros", entry.balanceAfterMicros());
        data.put("paymentReference", ((EntryDetails.Payment) entry.details()).paymentReference());
        ApiResponse response = ApiResponse.data(201, data);
        return new StoredResponse(response.status(), response.body());
    }

    static ApiResponse first(StoredResponse stored) {
        return ApiResponse.of(stored.statusCode(), Map.of("Content-Type", ApiResponse.JSON_CONTENT_TYPE), stored.body());
    }

    static ApiResponse seenBefore(KeySeenBefore seen) {
        if (seen instanceof Replayed replayed) {
            return first(replayed.response()).withHeader(REPLAYED_HEADER, "true");
        }
        if (seen instanceof KeyReused) {
            throw new ApiException(ErrorCode.IDEMPOTENCY_KEY_REUSED);
        }
        if (seen instanceof InProgress) {
            throw new ApiException(ErrorCode.REQUEST_IN_PROGRESS);
        }
        throw new IllegalStateException("unhandled key verdict " + seen.getClass().getSimpleName());
    }
}
