package dev.smsbilling.billing.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void aValidationErrorIsNotRetried() {
        assertThatThrownBy(() -> classify(reasons(code("ValidationError"), none()), Optional.empty(), NO_LOOKUP))
                .isInstanceOf(IllegalStateException.class);
    }

    private static Optional<WriteOutcome> classify(List<CancellationReason> reasons, Optional<Idempotency> key,
                                                   Function<String, Optional<IdempotencyRecord>> lookup) {
        return Cancellations.classify("BA1", reasons, key, NOW, lookup);
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
