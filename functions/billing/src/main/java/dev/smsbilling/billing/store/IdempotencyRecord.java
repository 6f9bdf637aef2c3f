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
                                Optional<Instant> inProgressUntil, Optional<String> holder,
                                Optional<String> chargeKey, boolean chargeStarted) {

    /** A record with no hold of its own (a completed key, or one from before holds were named). */
    public IdempotencyRecord(String key, String requestHash, IdempotencyStatus status, Optional<StoredResponse> response,
                             Instant expiresAt, Optional<Instant> inProgressUntil) {
        this(key, requestHash, status, response, expiresAt, inProgressUntil, Optional.empty(), Optional.empty(), false);
    }

    public IdempotencyRecord {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(requestHash, "requestHash");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(inProgressUntil, "inProgressUntil");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(chargeKey, "chargeKey");
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
