package dev.smsbilling.billing.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;

/**
 * Reads why DynamoDB cancelled a balance-change transaction. The reasons come in the order of the
 * transaction's items ({@link WriteRequests#ACCOUNT}, LEDGER, IDEMPOTENCY) and carry the old item
 * of a failed condition (ALL_OLD), which usually answers the question without another read.
 */
final class Cancellations {
    private static final String CONDITION_FAILED = "ConditionalCheckFailed";
    private static final List<String> RETRYABLE =
            List.of("None", CONDITION_FAILED, "TransactionConflict", "ThrottlingError", "ProvisionedThroughputExceeded");

    private Cancellations() {
    }

    /**
     * The answer the cancellation already gives, or empty to read again and decide afresh.
     *
     * @param lookup reads a key's record, for when DynamoDB did not return the old item
     * @throws IllegalStateException when the reasons show the data is inconsistent or the request invalid
     */
    static Optional<WriteOutcome> classify(String accountId, List<CancellationReason> reasons,
                                           Optional<Idempotency> idempotency, Instant now,
                                           Function<String, Optional<IdempotencyRecord>> lookup) {
        // The key is judged first: when a concurrent retry of the same request won, the account's
        // seq moved too, and the right answer is that request's response, not another attempt.
        if (idempotency.isPresent() && failed(reasons, WriteRequests.IDEMPOTENCY)) {
            Idempotency request = idempotency.get();
            Optional<IdempotencyRecord> old = oldItem(reasons, WriteRequests.IDEMPOTENCY).map(IdempotencyItems::fromItem)
                    .or(() -> lookup.apply(request.key()));
            Optional<KeySeenBefore> seen = KeyVerdicts.forCompletion(old, request, now);
            if (seen.isPresent()) {
                return Optional.of(seen.get());
            }
        }
        if (failed(reasons, WriteRequests.ACCOUNT)) {
            return Optional.empty(); // another change got there first: the re-read decides again
        }
        if (failed(reasons, WriteRequests.LEDGER)) {
            throw new IllegalStateException("account " + accountId
                    + " has a ledger entry beyond its seq: the ledger and the balance disagree");
        }
        if (reasons.stream().map(CancellationReason::code).allMatch(code -> code == null || RETRYABLE.contains(code))) {
            return Optional.empty();
        }
        throw new IllegalStateException("balance change of account " + accountId + " cancelled: " + reasons);
    }

    private static boolean failed(List<CancellationReason> reasons, int index) {
        return reasons.size() > index && CONDITION_FAILED.equals(reasons.get(index).code());
    }

    private static Optional<Map<String, AttributeValue>> oldItem(List<CancellationReason> reasons, int index) {
        return reasons.size() > index ? Values.present(reasons.get(index).item()) : Optional.empty();
    }
}
