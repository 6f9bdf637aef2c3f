package dev.smsbilling.billing.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smsbilling.billing.store.Idempotency;
import dev.smsbilling.billing.store.IdempotencyRecord;
import dev.smsbilling.billing.store.IdempotencyStatus;
import dev.smsbilling.billing.store.KeySeenBefore.InProgress;
import dev.smsbilling.billing.store.KeySeenBefore.KeyReused;
import dev.smsbilling.billing.store.KeySeenBefore.Replayed;
import dev.smsbilling.billing.store.StoredResponse;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyVerdictsTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:15:30.123Z");
    private static final Idempotency REQUEST = new Idempotency("k", "a".repeat(64));
    private static final StoredResponse RESPONSE = new StoredResponse(201, "{\"data\":{}}");

    @Test
    void aCompletedRecordOfTheSameRequestIsReplayed() {
        assertThat(KeyVerdicts.forCompletion(Optional.of(completed("a")), REQUEST, NOW)).contains(new Replayed(RESPONSE));
        assertThat(KeyVerdicts.forBegin(Optional.of(completed("a")), REQUEST, NOW)).contains(new Replayed(RESPONSE));
    }

    @Test
    void anotherRequestHashMeansTheKeyWasReused() {
        assertThat(KeyVerdicts.forCompletion(Optional.of(completed("b")), REQUEST, NOW)).contains(new KeyReused("k"));
        assertThat(KeyVerdicts.forBegin(Optional.of(inProgress("b", NOW.plusSeconds(5))), REQUEST, NOW))
                .contains(new KeyReused("k"));
    }

    @Test
    void aLiveHoldBlocksAnotherBeginButNotTheCompletionOfItsOwnRequest() {
        IdempotencyRecord live = inProgress("a", NOW.plusSeconds(5));

        assertThat(KeyVerdicts.forBegin(Optional.of(live), REQUEST, NOW)).contains(new InProgress("k"));
        assertThat(KeyVerdicts.forCompletion(Optional.of(live), REQUEST, NOW)).isEmpty();
    }

    @Test
    void anAbandonedHoldOrAnExpiredRecordNoLongerCounts() {
        assertThat(KeyVerdicts.forBegin(Optional.of(inProgress("a", NOW.minusMillis(1))), REQUEST, NOW)).isEmpty();
        IdempotencyRecord expired = new IdempotencyRecord("k", "b".repeat(64), IdempotencyStatus.COMPLETED,
                Optional.of(RESPONSE), NOW.minusSeconds(1), Optional.empty());
        assertThat(KeyVerdicts.forCompletion(Optional.of(expired), REQUEST, NOW)).isEmpty();
    }

    private static IdempotencyRecord completed(String hashChar) {
        return new IdempotencyRecord("k", hashChar.repeat(64), IdempotencyStatus.COMPLETED, Optional.of(RESPONSE),
                NOW.plusSeconds(3600), Optional.empty());
    }

    private static IdempotencyRecord inProgress(String hashChar, Instant until) {
        return new IdempotencyRecord("k", hashChar.repeat(64), IdempotencyStatus.IN_PROGRESS, Optional.empty(),
                NOW.plusSeconds(3600), Optional.of(until));
    }
}
