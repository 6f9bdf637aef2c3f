package dev.smsbilling.billing.store.dynamodb;

import dev.smsbilling.billing.store.BeginResult;
import dev.smsbilling.billing.store.BeginResult.Started;
import dev.smsbilling.billing.store.Idempotency;
import dev.smsbilling.billing.store.IdempotencyRecord;
import dev.smsbilling.billing.store.IdempotencyStatus;
import dev.smsbilling.billing.store.KeySeenBefore;
import dev.smsbilling.billing.store.KeySeenBefore.InProgress;
import dev.smsbilling.billing.store.Timestamps;
import dev.smsbilling.billing.store.UnsettledTopUp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Holding a key across a call to the outside world (add-funds charges a card between the hold and
 * the credit), releasing it when the request failed with a 4xx, and looking a key up.
 */
final class IdempotencyKeys {
    private final DynamoDbClient dynamo;
    private final ReadRequests reads;
    private final WriteRequests writes;
    private final Clock clock;

    IdempotencyKeys(DynamoDbClient dynamo, ReadRequests reads, WriteRequests writes, Clock clock) {
        this.dynamo = dynamo;
        this.reads = reads;
        this.writes = writes;
        this.clock = clock;
    }

    BeginResult begin(String accountId, Idempotency idempotency, Duration hold) {
        if (hold.isNegative() || hold.isZero()) {
            throw new IllegalArgumentException("a hold must last a while: " + hold);
        }
        Instant now = Timestamps.now(clock);
        String holder = Ids.holder();
        String newCharge = Ids.holdCharge();
        try {
            Optional<IdempotencyRecord> replaced = Values.present(dynamo.updateItem(
                            writes.beginIdempotency(accountId, idempotency, now, now.plus(hold), holder, newCharge)).attributes())
                    .map(IdempotencyItems::fromItem);
            return started(accountId, idempotency, holder, newCharge, replaced, now);
        } catch (ConditionalCheckFailedException e) {
            Optional<IdempotencyRecord> old = Values.present(e.item()).map(IdempotencyItems::fromItem)
                    .or(() -> lookup(accountId, idempotency.key()));
            // Empty only if the blocking record vanished meanwhile (a release): report it as busy,
            // the client's retry will find the key free.
            return KeyVerdicts.forBegin(old, idempotency, now)
                    .<BeginResult>map(seen -> seen)
                    .orElseGet(() -> new InProgress(idempotency.key()));
        }
    }

    /**
     * What the hold write replaced decides which charge this hold makes: nothing or an expired
     * record of another request, a new one; this request's own hold (an abandoned one taken over,
     * or this attempt's own first write, whose answer was lost), that hold's charge, and its word
     * on whether the charge may have been sent. A hold written before holds were named has no
     * charge of its own: it is given the one its attempt made ({@link Started#LEGACY_CHARGE}), which may exist.
     */
    private Started started(String accountId, Idempotency idempotency, String holder, String newCharge,
                            Optional<IdempotencyRecord> replaced, Instant now) {
        Optional<IdempotencyRecord> sameRequest = replaced.filter(old -> old.status() == IdempotencyStatus.IN_PROGRESS
                && old.requestHash().equals(idempotency.requestHash()) && !old.isExpiredAt(now));
        if (sameRequest.isPresent() && sameRequest.get().holder().isEmpty()) {
            dynamo.updateItem(writes.holdCharge(accountId, idempotency, holder, Started.LEGACY_CHARGE, true, now));
            return new Started(idempotency.key(), holder, Started.LEGACY_CHARGE, true);
        }
        if (sameRequest.isPresent()) {
            IdempotencyRecord old = sameRequest.get();
            return new Started(idempotency.key(), holder, old.chargeKey().orElse(newCharge), old.chargeStarted());
        }
        if (replaced.flatMap(IdempotencyRecord::chargeKey).isPresent()) {
            // Another request's charge (or one of a day ago): never this request's to make again.
            dynamo.updateItem(writes.holdCharge(accountId, idempotency, holder, newCharge, false, now));
        }
        return new Started(idempotency.key(), holder, newCharge, false);
    }

    /**
     * Records that the holder is about to send the charge, so that an attempt which takes over
     * its hold knows the charge may exist. False when the hold is no longer this holder's (it was
     * taken over as abandoned): then it must not charge.
     */
    boolean startCharge(String accountId, Idempotency idempotency, String holder) {
        try {
            dynamo.updateItem(writes.chargeStarted(accountId, idempotency, holder, Timestamps.now(clock)));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** Returns false when there was no hold of this holder to release (completed, taken over, or someone else's). */
    boolean release(String accountId, Idempotency idempotency, String holder) {
        try {
            dynamo.deleteItem(writes.releaseIdempotency(accountId, idempotency, holder));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    List<UnsettledTopUp> unsettled(Instant chargedBefore, int limit) {
        return IndexPages.read(dynamo, (start, page) -> reads.unsettledTopUps(chargedBefore, start, page),
                IdempotencyItems::unsettledFromItem, limit);
    }

    /** The key's record judged by the rule every keyed write applies ({@link KeyVerdicts}). */
    Optional<KeySeenBefore> seenBefore(String accountId, Idempotency idempotency) {
        return KeyVerdicts.forCompletion(lookup(accountId, idempotency.key()), idempotency, Timestamps.now(clock));
    }

    /** The record of a key, unless it is absent or past its 24 hours. */
    Optional<IdempotencyRecord> lookup(String accountId, String key) {
        Instant now = Timestamps.now(clock);
        return Values.present(dynamo.getItem(reads.idempotency(accountId, key)).item())
                .map(IdempotencyItems::fromItem)
                .filter(record -> !record.isExpiredAt(now));
    }
}
