package dev.smsbilling.billing.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the table remembers about one Idempotency-Key. A COMPLETED record carries the response
 * that was returned the first time; an IN_PROGRESS one only says until when it is held.
 */
public record IdempotencyRecord(String key, String requestHash, IdempotencyStatus status,
                                Optional<StoredResponse> response, Instant expiresAt,
                                Optional<Instant> inProgressUntil) {
    public IdempotencyRecord {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(requestHash, "requestHash");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(inProgressUntil, "inProgressUntil");
    }

    /** DynamoDB deletes expired items lazily (hours to days), so an expired one is treated as gone. */
    public boolean isExpiredAt(Instant now) {
        return expiresAt.getEpochSecond() < now.getEpochSecond();
    }

    /** An IN_PROGRESS hold outlives its request only when that request died; then it may be taken over. */
    public boolean isAbandonedAt(Instant now) {
        return status == IdempotencyStatus.IN_PROGRESS
                && inProgressUntil.map(until -> until.toEpochMilli() < now.toEpochMilli()).orElse(true);
    }
}
