package dev.smsbilling.billing.store.dynamodb;

import dev.smsbilling.billing.store.EntryDetails;
import dev.smsbilling.billing.store.Idempotency;
import dev.smsbilling.billing.store.IdempotencyRecord;
import dev.smsbilling.billing.store.KeySeenBefore;
import dev.smsbilling.billing.store.KeySeenBefore.Replayed;
import dev.smsbilling.billing.store.LedgerEntry;
import dev.smsbilling.billing.store.StoredResponse;
import dev.smsbilling.billing.store.WriteOutcome;
import dev.smsbilling.billing.store.WriteOutcome.Committed;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;

/**
 * Reads why DynamoDB cancelled a balance-change transaction. The reasons come in the order of the
 * transaction's items ({@link WriteRequests#ACCOUNT}, LEDGER, then IDEMPOTENCY when there is a key
 * and the payment guard last for a credit of a payment) and carry the old item of a failed
 * condition (ALL_OLD), which usually answers the question without another read.
 */
final class Cancellations {
    private static final String CONDITION_FAILED = "ConditionalCheckFailed";
    private static final String NONE = "None";
    private static final List<String> RETRYABLE =
            List.of(NONE, CONDITION_FAILED, "TransactionConflict", "ThrottlingError", "ProvisionedThroughputExceeded");

    /** What was being written: whose balance, which entry and answer, under which key, for which payment. */
    record Attempt(String accountId, LedgerEntry entry, StoredResponse response, Optional<Idempotency> idempotency,
                   Instant now) {
        Optional<String> paymentReference() {
            return entry.details() instanceof EntryDetails.Payment payment ? Optional.of(payment.paymentReference()) : Optional.empty();
        }

        /** Whether the ledger item at this entry's seq is this very entry (ids are unique per write). */
        boolean wrote(Optional<Map<String, AttributeValue>> ledgerItem) {
            return ledgerItem.map(item -> entry.id().equals(Values.string(item, Attributes.ID))).orElse(false);
        }

        int paymentIndex() {
            return idempotency.isPresent() ? WriteRequests.IDEMPOTENCY + 1 : WriteRequests.IDEMPOTENCY;
        }
    }

    /** The reads that answer a failed condition when DynamoDB did not return the old item. */
    interface Lookup {
        Optional<Map<String, AttributeValue>> ledgerEntry(long seq);

        Optional<IdempotencyRecord> idempotency(String key);

        Optional<Map<String, AttributeValue>> payment(String reference);
    }

    private Cancellations() {
    }

    /**
     * The answer the cancellation already gives, or empty to read again and decide afresh.
     *
     * @throws IllegalStateException when the reasons show the data is inconsistent or the request invalid
     */
    static Optional<WriteOutcome> classify(Attempt attempt, List<CancellationReason> reasons, Lookup lookup) {
        // Our own entry at the seq means this very transaction applied before: sent once more by
        // the SDK after a lost answer, or by us, and refused only because it was there already
        // (DynamoDB's request token would have answered success; an emulator's does not).
        if (failed(reasons, WriteRequests.LEDGER)) {
            Optional<Map<String, AttributeValue>> there = oldItem(reasons, WriteRequests.LEDGER)
                    .or(() -> lookup.ledgerEntry(attempt.entry().seq()));
            if (attempt.wrote(there)) {
                return Optional.of(new Committed(attempt.entry(), attempt.response()));
            }
        }
        // The key is judged next: when a concurrent retry of the same request won, the account's
        // seq moved too, and the right answer is that request's response, not another attempt.
        if (attempt.idempotency().isPresent() && failed(reasons, WriteRequests.IDEMPOTENCY)) {
            Idempotency request = attempt.idempotency().get();
            Optional<IdempotencyRecord> old = oldItem(reasons, WriteRequests.IDEMPOTENCY).map(IdempotencyItems::fromItem)
                    .or(() -> lookup.idempotency(request.key()));
            Optional<KeySeenBefore> seen = KeyVerdicts.forCompletion(old, request, attempt.now());
            if (seen.isPresent()) {
                return Optional.of(seen.get());
            }
        }
        // Then the payment: a charge credited before, under a key long expired or by a request
        // that died before it could answer, is answered as it was credited, never credited again.
        if (attempt.paymentReference().isPresent() && failed(reasons, attempt.paymentIndex())) {
            String reference = attempt.paymentReference().get();
            Optional<Map<String, AttributeValue>> guard = oldItem(reasons, attempt.paymentIndex()).or(() -> lookup.payment(reference));
            if (guard.isPresent()) {
                if (!PaymentItems.accountOf(guard.get()).equals(attempt.accountId())) {
                    throw new IllegalStateException("payment " + reference + " was credited to another account than "
                            + attempt.accountId() + "; nothing was written");
                }
                return Optional.of(new Replayed(PaymentItems.responseOf(guard.get())));
            }
        }
        if (failed(reasons, WriteRequests.ACCOUNT)) {
            return Optional.empty(); // another change got there first: the re-read decides again
        }
        // An entry already at the next seq is only an inconsistency when the account's own
        // condition held (its seq is the one read). Beside a TransactionConflict on the account it
        // is the entry of the writer that just won: a lost race like any other.
        if (failed(reasons, WriteRequests.LEDGER) && codeOf(reasons, WriteRequests.ACCOUNT).equals(NONE)) {
            throw new IllegalStateException("account " + attempt.accountId()
                    + " has a ledger entry beyond its seq: the ledger and the balance disagree");
        }
        if (reasons.stream().map(CancellationReason::code).allMatch(code -> code == null || RETRYABLE.contains(code))) {
            return Optional.empty();
        }
        // Codes only: the reasons carry the old items, with a payment method and stored answers in them.
        throw new IllegalStateException("balance change of account " + attempt.accountId() + " cancelled: "
                + reasons.stream().map(CancellationReason::code).toList());
    }

    private static String codeOf(List<CancellationReason> reasons, int index) {
        String code = reasons.size() > index ? reasons.get(index).code() : null;
        return code == null ? NONE : code;
    }

    private static boolean failed(List<CancellationReason> reasons, int index) {
        return reasons.size() > index && CONDITION_FAILED.equals(reasons.get(index).code());
    }

    private static Optional<Map<String, AttributeValue>> oldItem(List<CancellationReason> reasons, int index) {
        return reasons.size() > index ? Values.present(reasons.get(index).item()) : Optional.empty();
    }
}
