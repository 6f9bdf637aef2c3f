package dev.smsbilling.billing.store.dynamodb;

import dev.smsbilling.billing.store.Idempotency;
import dev.smsbilling.billing.store.IdempotencyRecord;
import dev.smsbilling.billing.store.IdempotencyStatus;
import dev.smsbilling.billing.store.KeySeenBefore;
import dev.smsbilling.billing.store.KeySeenBefore.InProgress;
import dev.smsbilling.billing.store.KeySeenBefore.KeyReused;
import dev.smsbilling.billing.store.KeySeenBefore.Replayed;
import java.time.Instant;
import java.util.Optional;

/**
 * What an existing idempotency record means for a request carrying the same key. The same rules
 * decide before a write (from a read) and after a refused one (from its ALL_OLD item), so the
 * two paths cannot disagree.
 */
final class KeyVerdicts {
    private KeyVerdicts() {
    }

    /**
     * For a write that completes the key. An IN_PROGRESS record of the same request is the hold
     * add-funds took before charging, so the write may go ahead.
     */
    static Optional<KeySeenBefore> forCompletion(Optional<IdempotencyRecord> record, Idempotency request, Instant now) {
        return judge(record, request, now, false);
    }

    /** For taking hold of the key: a live hold of the same request means it is running elsewhere. */
    static Optional<KeySeenBefore> forBegin(Optional<IdempotencyRecord> record, Idempotency request, Instant now) {
        return judge(record, request, now, true);
    }

    private static Optional<KeySeenBefore> judge(Optional<IdempotencyRecord> found, Idempotency request,
                                                 Instant now, boolean liveHoldBlocks) {
        if (found.isEmpty() || found.get().isExpiredAt(now)) {
            return Optional.empty();
        }
        IdempotencyRecord record = found.get();
        if (!record.requestHash().equals(request.requestHash())) {
            return Optional.of(new KeyReused(request.key()));
        }
        if (record.status() == IdempotencyStatus.COMPLETED) {
            return Optional.of(new Replayed(record.response().orElseThrow()));
        }
        if (liveHoldBlocks && !record.isAbandonedAt(now)) {
            return Optional.of(new InProgress(request.key()));
        }
        return Optional.empty();
    }
}
