package dev.smsbilling.billing.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smsbilling.billing.store.Account;
import dev.smsbilling.billing.store.EntryDetails;
import dev.smsbilling.billing.store.EntryType;
import dev.smsbilling.billing.store.Idempotency;
import dev.smsbilling.billing.store.IdempotencyRecord;
import dev.smsbilling.billing.store.KeySeenBefore.KeyReused;
import dev.smsbilling.billing.store.KeySeenBefore.Replayed;
import dev.smsbilling.billing.store.LedgerEntry;
import dev.smsbilling.billing.store.StoredResponse;
import dev.smsbilling.billing.store.Subscription;
import dev.smsbilling.billing.store.WriteOutcome;
import dev.smsbilling.billing.store.WriteOutcome.Committed;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;

/**
 * The reasons DynamoDB gives for a cancelled transaction, including those no local emulator
 * produces (moto never reports TransactionConflict), and what each one must lead to.
 */
class CancellationsTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:15:30.123Z");
    private static final Idempotency KEY = new Idempotency("k", "a".repeat(64));
    private static final StoredResponse RESPONSE = new StoredResponse(202, "{\"data\":{}}");
    /** The entry each attempt below writes: a message charge at seq 6, and a payment credited at seq 6. */
    private static final LedgerEntry DEBIT = new LedgerEntry("TXours", 6, EntryType.MESSAGE_CHARGE, -10_000, 90_000, NOW,
            new EntryDetails.Message("ACours", EntryDetails.Message.QUEUED, StoreFixture.charge(10_000)));
    private static final LedgerEntry CREDIT = new LedgerEntry("TXours", 6, EntryType.FUNDS_ADDED, 25_000_000, 25_000_000, NOW,
            new EntryDetails.Payment("ch_once"));
    private static final Function<String, Optional<IdempotencyRecord>> NO_LOOKUP = key -> {
        throw new AssertionError("the old item should have answered");
    };

    @Test
    void aTransactionConflictOrThrottlingIsRetried() {
        assertThat(classify(reasons(none(), none(), code("TransactionConflict")), Optional.of(KEY), NO_LOOKUP)).isEmpty();
        assertThat(classify(reasons(code("ThrottlingError"), none()), Optional.empty(), NO_LOOKUP)).isEmpty();
        assertThat(classify(reasons(code("TransactionConflict"), none()), Optional.empty(), NO_LOOKUP)).isEmpty();
    }

    @Test
    void aMovedSeqIsRetriedFromAFreshRead() {
        Map<String, AttributeValue> account = AccountItems.toItem(new Account("BA1", 5, 9, Subscription.ACTIVE, NOW));

        assertThat(classify(reasons(failed(account), failed(Map.of())), Optional.empty(), NO_LOOKUP)).isEmpty();
    }

    @Test
    void aCompletedKeyOfTheSameRequestIsReplayedEvenWhenTheSeqMovedToo() {
        Map<String, AttributeValue> old = IdempotencyItems.completed("BA1", KEY, RESPONSE, NOW);

        assertThat(classify(reasons(failed(Map.of()), failed(Map.of()), failed(old)), Optional.of(KEY), NO_LOOKUP))
                .contains(new Replayed(RESPONSE));
    }

    @Test
    void aKeyOfAnotherRequestIsReported() {
        Map<String, AttributeValue> old = IdempotencyItems.completed("BA1", new Idempotency("k", "b".repeat(64)), RESPONSE, NOW);

        assertThat(classify(reasons(none(), none(), failed(old)), Optional.of(KEY), NO_LOOKUP)).contains(new KeyReused("k"));
    }

    @Test
    void withoutTheOldItemTheKeyIsLookedUp() {
        IdempotencyRecord stored = IdempotencyItems.fromItem(IdempotencyItems.completed("BA1", KEY, RESPONSE, NOW));

        assertThat(classify(reasons(none(), none(), failed(Map.of())), Optional.of(KEY), key -> Optional.of(stored)))
                .contains(new Replayed(RESPONSE));
    }

    @Test
    void aLedgerEntryAheadOfTheAccountIsAnInconsistencyNotARetry() {
        assertThatThrownBy(() -> classify(reasons(none(), failed(Map.of())), Optional.empty(), NO_LOOKUP))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ledger");
    }

    @Test
    void aLedgerEntryAtTheNextSeqBesideAConflictOnTheAccountIsTheWinnersEntryAndIsRetried() {
        assertThat(classify(reasons(code("TransactionConflict"), failed(Map.of())), Optional.empty(), NO_LOOKUP)).isEmpty();
    }

    @Test
    void aPaymentCreditedBeforeToThisAccountIsAnsweredAsItWasCredited() {
        LedgerEntry earlier = new LedgerEntry("TX1", 1, EntryType.FUNDS_ADDED, 25_000_000, 25_000_000, NOW,
                new EntryDetails.Payment("ch_once"));
        Map<String, AttributeValue> guard = PaymentItems.toItem("BA1", earlier, RESPONSE);
        var attempt = new Cancellations.Attempt("BA1", CREDIT, new StoredResponse(201, "{\"data\":\"second\"}"), Optional.of(KEY), NOW);

        // account seq moved, ledger taken, key free (its 24 hours are over), the payment's guard there
        assertThat(classify(attempt, reasons(failed(Map.of()), failed(Map.of()), none(), failed(guard)), key -> Optional.empty(),
                reference -> Optional.empty())).contains(new Replayed(RESPONSE));
        assertThat(classify(attempt, reasons(none(), none(), none(), failed(Map.of())), key -> Optional.empty(),
                reference -> Optional.of(guard))).as("looked up when the old item is missing").contains(new Replayed(RESPONSE));
    }

    @Test
    void aPaymentCreditedToAnotherAccountIsRefusedLoudly() {
        LedgerEntry earlier = new LedgerEntry("TX1", 1, EntryType.FUNDS_ADDED, 25_000_000, 25_000_000, NOW,
                new EntryDetails.Payment("ch_once"));
        var attempt = new Cancellations.Attempt("BA2", CREDIT, RESPONSE, Optional.empty(), NOW);

        assertThatThrownBy(() -> classify(attempt, reasons(none(), none(), failed(PaymentItems.toItem("BA1", earlier, RESPONSE))),
                NO_LOOKUP, reference -> Optional.empty())).isInstanceOf(IllegalStateException.class).hasMessageContaining("another account");
    }

    @Test
    void ourOwnEntryAtTheSeqIsOurCommitAnsweredOnceMore() {
        Map<String, AttributeValue> ours = LedgerItems.toItem("BA1", DEBIT);
        Map<String, AttributeValue> old = IdempotencyItems.completed("BA1", KEY, RESPONSE, NOW);

        // The SDK resent a transaction whose answer was lost: every condition fails on what it wrote itself.
        assertThat(classify(reasons(failed(Map.of()), failed(ours), failed(old)), Optional.of(KEY), NO_LOOKUP))
                .contains(new Committed(DEBIT, RESPONSE));
        assertThat(classify(reasons(failed(Map.of()), failed(LedgerItems.toItem("BA1", new LedgerEntry("TXtheirs", 6,
                EntryType.MESSAGE_CHARGE, -10_000, 90_000, NOW, DEBIT.details())))), Optional.empty(), NO_LOOKUP))
                .as("another writer's entry: a lost race").isEmpty();
    }

    @Test
    void aValidationErrorIsNotRetried() {
        assertThatThrownBy(() -> classify(reasons(code("ValidationError"), none()), Optional.empty(), NO_LOOKUP))
                .isInstanceOf(IllegalStateException.class);
    }

    private static Optional<WriteOutcome> classify(List<CancellationReason> reasons, Optional<Idempotency> key,
                                                   Function<String, Optional<IdempotencyRecord>> lookup) {
        return classify(new Cancellations.Attempt("BA1", DEBIT, RESPONSE, key, NOW), reasons, lookup, reference -> {
            throw new AssertionError("no payment in this attempt");
        });
    }

    private static Optional<WriteOutcome> classify(Cancellations.Attempt attempt, List<CancellationReason> reasons,
                                                   Function<String, Optional<IdempotencyRecord>> keys,
                                                   Function<String, Optional<Map<String, AttributeValue>>> payments) {
        return Cancellations.classify(attempt, reasons, new Cancellations.Lookup() {
            @Override
            public Optional<Map<String, AttributeValue>> ledgerEntry(long seq) {
                return Optional.empty();
            }

            @Override
            public Optional<IdempotencyRecord> idempotency(String key) {
                return keys.apply(key);
            }

            @Override
            public Optional<Map<String, AttributeValue>> payment(String reference) {
                return payments.apply(reference);
            }
        });
    }

    private static List<CancellationReason> reasons(CancellationReason... reasons) {
        return List.of(reasons);
    }

    private static CancellationReason none() {
        return code("None");
    }

    private static CancellationReason code(String code) {
        return CancellationReason.builder().code(code).build();
    }

    private static CancellationReason failed(Map<String, AttributeValue> oldItem) {
        return CancellationReason.builder().code("ConditionalCheckFailed").item(oldItem).build();
    }
}
