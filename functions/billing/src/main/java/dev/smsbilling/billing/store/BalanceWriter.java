package dev.smsbilling.billing.store;

import dev.smsbilling.http.telemetry.Metric;
import dev.smsbilling.http.telemetry.Telemetry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The one protocol for changing a balance: read the account strongly consistent, decide, then one
 * transaction conditioned on the seq that was read. Losing a race only means deciding again on
 * fresh data, so this loops, with jittered backoff, until it commits, refuses, or the deadline
 * leaves no time for another attempt.
 */
final class BalanceWriter {
    private final DynamoDbClient dynamo;
    private final ReadRequests reads;
    private final WriteRequests writes;
    private final Clock clock;
    private final Backoff backoff;

    BalanceWriter(DynamoDbClient dynamo, ReadRequests reads, WriteRequests writes, Clock clock, Backoff backoff) {
        this.dynamo = dynamo;
        this.reads = reads;
        this.writes = writes;
        this.clock = clock;
        this.backoff = backoff;
    }

    <R> R apply(String accountId, BalanceChange<R> change, Optional<Idempotency> idempotency,
                ResponseRenderer renderer, Deadline deadline) {
        for (int attempt = 0; ; attempt++) {
            if (deadline.remaining().isNegative() || deadline.remaining().isZero()) {
                throw gaveUp(accountId, attempt);
            }
            Optional<R> result = attemptOnce(accountId, change, idempotency, renderer);
            if (result.isPresent()) {
                return result.get();
            }
            Duration pause = backoff.pause(attempt);
            if (!deadline.allows(pause)) {
                throw gaveUp(accountId, attempt + 1);
            }
            // Contention is normal, and how much of it there is tells when one account needs its balance sharded.
            Telemetry.current().add(Metric.WRITE_RETRIES);
            Backoff.sleep(pause);
        }
    }

    private static WriteDeadlineExceeded gaveUp(String accountId, int attempts) {
        Telemetry.current().add(Metric.CONTENTION_GIVE_UPS);
        return new WriteDeadlineExceeded(accountId, attempts);
    }

    /** One read-decide-write round; empty means it lost a race and should be tried again. */
    private <R> Optional<R> attemptOnce(String accountId, BalanceChange<R> change, Optional<Idempotency> idempotency,
                                        ResponseRenderer renderer) {
        Optional<Snapshot> read = read(accountId, idempotency);
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
        try {
            dynamo.transactWriteItems(writes.balanceChange(accountId, account.seq(), entry, effect, idempotency, response, now));
            return Optional.of(change.outcome(new Committed(entry, response)));
        } catch (TransactionCanceledException e) {
            return Cancellations.classify(accountId, e.cancellationReasons(), idempotency, now, key -> lookup(accountId, key))
                    .map(change::outcome);
        } catch (DynamoDbException e) {
            if (e.isThrottlingException()) {
                return Optional.empty();
            }
            throw e;
        }
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

    private Optional<IdempotencyRecord> lookup(String accountId, String key) {
        return Values.present(dynamo.getItem(reads.idempotency(accountId, key)).item()).map(IdempotencyItems::fromItem);
    }

    private record Snapshot(Optional<Account> account, Optional<IdempotencyRecord> idempotency) {
    }
}
