package dev.smsbilling.billing.store.dynamodb;

import dev.smsbilling.billing.store.Account;
import dev.smsbilling.billing.store.Deadline;
import dev.smsbilling.billing.store.Idempotency;
import dev.smsbilling.billing.store.IdempotencyRecord;
import dev.smsbilling.billing.store.KeySeenBefore;
import dev.smsbilling.billing.store.KeySeenBefore.Replayed;
import dev.smsbilling.billing.store.LedgerEntry;
import dev.smsbilling.billing.store.ResponseRenderer;
import dev.smsbilling.billing.store.StoredResponse;
import dev.smsbilling.billing.store.Timestamps;
import dev.smsbilling.billing.store.WriteDeadlineExceeded;
import dev.smsbilling.billing.store.WriteOutcome;
import dev.smsbilling.billing.store.WriteOutcome.AccountNotFound;
import dev.smsbilling.billing.store.WriteOutcome.Committed;
import dev.smsbilling.billing.store.WriteOutcomeUnknown;
import dev.smsbilling.http.telemetry.Metric;
import dev.smsbilling.http.telemetry.Telemetry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The one protocol for changing a balance: read the account strongly consistent, decide, then one
 * transaction conditioned on the seq that was read. Losing a race only means deciding again on
 * fresh data, so this loops, with jittered backoff, until it commits, refuses, or the deadline
 * leaves no time for another attempt. A write whose answer is lost is never decided afresh: it is
 * resolved first ({@link #send}), so a caller is only ever told what happened.
 */
final class BalanceWriter {
    /** The least a write is given, so a deadline just reached still sends it once (as the loop decided). */
    private static final Duration MIN_CALL = Duration.ofMillis(100);

    private final DynamoDbClient dynamo;
    private final ReadRequests reads;
    private final WriteRequests writes;
    private final Clock clock;
    private final WriteConflictBackoff backoff;

    BalanceWriter(DynamoDbClient dynamo, ReadRequests reads, WriteRequests writes, Clock clock, WriteConflictBackoff backoff) {
        this.dynamo = dynamo;
        this.reads = reads;
        this.writes = writes;
        this.clock = clock;
        this.backoff = backoff;
    }

    <R> R apply(String accountId, BalanceChange<R> change, Optional<Idempotency> idempotency,
                ResponseRenderer renderer, Deadline deadline) {
        Fresher fresher = new Fresher();
        for (int attempt = 0; ; attempt++) {
            if (deadline.remaining().isNegative() || deadline.remaining().isZero()) {
                throw gaveUp(accountId, attempt);
            }
            Optional<R> result = attemptOnce(accountId, change, idempotency, renderer, deadline, fresher);
            if (result.isPresent()) {
                return result.get();
            }
            Duration pause = backoff.pause(attempt);
            if (!deadline.allows(pause)) {
                throw gaveUp(accountId, attempt + 1);
            }
            // Contention is normal, and how much of it there is tells when one account needs its balance sharded.
            Telemetry.current().add(Metric.WRITE_RETRIES);
            WriteConflictBackoff.sleep(pause);
        }
    }

    private static WriteDeadlineExceeded gaveUp(String accountId, int attempts) {
        Telemetry.current().add(Metric.CONTENTION_GIVE_UPS);
        return new WriteDeadlineExceeded(accountId, attempts);
    }

    /** One read-decide-write round; empty means it lost a race (and wrote nothing) and should be tried again. */
    private <R> Optional<R> attemptOnce(String accountId, BalanceChange<R> change, Optional<Idempotency> idempotency,
                                        ResponseRenderer renderer, Deadline deadline, Fresher fresher) {
        Optional<Snapshot> read = idempotency.isEmpty() && fresher.account != null
                ? Optional.of(new Snapshot(Optional.of(fresher.take()), Optional.empty()))
                : read(accountId, idempotency);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        Snapshot snapshot = read.get();
        Instant now = Timestamps.now(clock);
        if (snapshot.account().isEmpty()) {
            return Optional.of(change.outcome(new AccountNotFound(accountId)));
        }
        if (idempotency.isPresent()) {
            Optional<KeySeenBefore> seen = KeyVerdicts.forCompletion(snapshot.idempotency(), idempotency.get(), now);
            if (seen.isPresent()) {
                return Optional.of(change.outcome(seen.get()));
            }
        }
        Account account = snapshot.account().get();
        Optional<R> refusal = change.refusal(account);
        if (refusal.isPresent()) {
            return refusal;
        }
        LedgerEntry entry = new LedgerEntry(Ids.ledgerEntry(), Math.addExact(account.seq(), 1), change.type(),
                change.amountMicros(), Math.addExact(account.balanceMicros(), change.amountMicros()), now,
                change.details());
        StoredResponse response = renderer.render(entry);
        AutoChargeEffect effect = change.effect(account, entry.balanceAfterMicros(), now);
        Cancellations.Attempt attempt = new Cancellations.Attempt(accountId, entry, response, idempotency, now);
        TransactWriteItemsRequest write = writes.balanceChange(accountId, account.seq(), entry, effect, idempotency, response, now);
        return send(attempt, write, deadline, fresher).map(outcome -> change.outcome(keyed(attempt, outcome)));
    }

    /**
     * Sends the transaction until its outcome is known. The entry's id and seq were chosen before
     * it was sent, so after an answer that says nothing (a timeout, a lost connection, a 5xx) the
     * very same request is sent again: with its ClientRequestToken DynamoDB applies it at most
     * once and answers success if it had; where the token is not honoured (an emulator, or after
     * its ten minutes) the retry fails its conditions and the entry at that seq tells whether it
     * is ours. Empty when the write surely did not apply and a fresh round may decide again.
     *
     * @throws WriteOutcomeUnknown when the deadline passed with nothing DynamoDB said telling
     */
    private Optional<WriteOutcome> send(Cancellations.Attempt attempt, TransactWriteItemsRequest write, Deadline deadline,
                                        Fresher fresher) {
        LedgerEntry entry = attempt.entry();
        RuntimeException unknown = null;
        for (int resend = 0; ; resend++) {
            try {
                dynamo.transactWriteItems(withinDeadline(write, deadline));
                return Optional.of(new Committed(entry, attempt.response()));
            } catch (TransactionCanceledException e) {
                // Judged from the data, never from whether we saw an error before: the SDK resends
                // on its own after a lost answer, so any refusal may follow a write that applied.
                // Our own entry at the seq is a commit (Cancellations looks first for that).
                try {
                    Optional<WriteOutcome> verdict = Cancellations.classify(attempt, e.cancellationReasons(),
                            lookup(attempt.accountId()));
                    if (verdict.isEmpty()) {
                        fresher.offer(e.cancellationReasons());
                    }
                    return verdict;
                } catch (SdkException lookupFailed) {
                    unknown = firstOf(unknown, lookupFailed);
                }
            } catch (DynamoDbException e) {
                if (!e.isThrottlingException() && e.statusCode() < 500) {
                    // DynamoDB refused the request itself (the same on every attempt): nothing of it
                    // applied, unless one of the SDK's earlier attempts did before its answer was lost.
                    return lastLook(attempt, e, e);
                }
                // Throttled, still in progress, a 5xx: whether one of the SDK's own attempts applied
                // is not known, and the same request again (same token, same conditions) tells.
                unknown = firstOf(unknown, e);
            } catch (SdkClientException e) {
                unknown = firstOf(unknown, e);
            }
            Telemetry.current().add(Metric.WRITE_RETRIES);
            Duration pause = backoff.pause(resend);
            if (!deadline.allows(pause)) {
                return lastLook(attempt, unknown, new WriteOutcomeUnknown(attempt.accountId(), entry.seq(), unknown));
            }
            WriteConflictBackoff.sleep(pause);
        }
    }

    /**
     * The SDK's own resends of a write stop at the deadline: an answer that hangs must end in
     * time for the last look to tell what happened and for the function to say it.
     */
    private static TransactWriteItemsRequest withinDeadline(TransactWriteItemsRequest write, Deadline deadline) {
        Duration left = deadline.remaining();
        Duration bound = left.compareTo(MIN_CALL) < 0 ? MIN_CALL : left;
        return write.toBuilder().overrideConfiguration(c -> c.apiCallTimeout(bound)).build();
    }

    private static RuntimeException firstOf(RuntimeException first, RuntimeException next) {
        return first == null ? next : first;
    }

    /**
     * Out of time to resend, or DynamoDB refused the request: one read of the entry's seq still
     * tells if it is ours. Otherwise {@code notOurs} is thrown; a read that fails makes it unknown,
     * never guessed (a transaction whose answer was lost may still be finishing).
     */
    private Optional<WriteOutcome> lastLook(Cancellations.Attempt attempt, RuntimeException cause, RuntimeException notOurs) {
        try {
            if (attempt.wrote(lookup(attempt.accountId()).ledgerEntry(attempt.entry().seq()))) {
                return Optional.of(new Committed(attempt.entry(), attempt.response()));
            }
        } catch (SdkException e) {
            cause.addSuppressed(e);
            throw new WriteOutcomeUnknown(attempt.accountId(), attempt.entry().seq(), cause);
        }
        throw notOurs;
    }

    /**
     * A payment found credited before answers as that credit did; the client's key, held for
     * this request, then keeps that answer too, so the next retry is a plain replay.
     */
    private WriteOutcome keyed(Cancellations.Attempt attempt, WriteOutcome outcome) {
        if (outcome instanceof Replayed replayed && attempt.idempotency().isPresent() && attempt.paymentReference().isPresent()) {
            try {
                dynamo.putItem(writes.completeIdempotencyAlone(attempt.accountId(), attempt.idempotency().get(),
                        replayed.response(), attempt.now()));
            } catch (ConditionalCheckFailedException e) {
                // the key was completed already (by this very credit's request): its answer stands
            }
        }
        return outcome;
    }

    private Cancellations.Lookup lookup(String accountId) {
        return new Cancellations.Lookup() {
            @Override
            public Optional<Map<String, AttributeValue>> ledgerEntry(long seq) {
                return Values.present(dynamo.getItem(reads.ledgerEntry(accountId, seq)).item());
            }

            @Override
            public Optional<IdempotencyRecord> idempotency(String key) {
                return Values.present(dynamo.getItem(reads.idempotency(accountId, key)).item()).map(IdempotencyItems::fromItem);
            }

            @Override
            public Optional<Map<String, AttributeValue>> payment(String reference) {
                return Values.present(dynamo.getItem(reads.payment(reference)).item());
            }
        };
    }

    private Optional<Snapshot> read(String accountId, Optional<Idempotency> idempotency) {
        try {
            if (idempotency.isEmpty()) {
                Map<String, AttributeValue> item = dynamo.getItem(reads.account(accountId)).item();
                return Optional.of(new Snapshot(Values.present(item).map(AccountItems::fromItem), Optional.empty()));
            }
            List<ItemResponse> items = dynamo.transactGetItems(
                    reads.accountAndIdempotency(accountId, idempotency.get())).responses();
            return Optional.of(new Snapshot(
                    Values.present(items.get(0).item()).map(AccountItems::fromItem),
                    Values.present(items.get(1).item()).map(IdempotencyItems::fromItem)));
        } catch (TransactionCanceledException e) {
            return Optional.empty(); // a read that met a write in flight: read again shortly
        } catch (DynamoDbException e) {
            if (e.isThrottlingException()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private record Snapshot(Optional<Account> account, Optional<IdempotencyRecord> idempotency) {
    }

    /**
     * The account as the transaction that lost found it (its failed condition returns the item):
     * the next round decides on it without reading it again, which halves the requests a hot
     * account's writers make. Stale at worst, and then only another lost round: the seq condition
     * guards every write. One per call of {@link #apply}, never shared.
     */
    private static final class Fresher {
        private Account account;

        void offer(List<CancellationReason> reasons) {
            if (reasons.size() > WriteRequests.ACCOUNT && reasons.get(WriteRequests.ACCOUNT).hasItem()) {
                account = Values.present(reasons.get(WriteRequests.ACCOUNT).item()).map(AccountItems::fromItem).orElse(null);
            }
        }

        Account take() {
            Account taken = account;
            account = null;
            return taken;
        }
    }
}
