package dev.smsbilling.billing.payment.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final int SEEDS = 200;

    @Test
    void theFirstResendWaitsHalfASecond() {
        for (long seed = 0; seed < SEEDS; seed++) {
            assertThat(new StripeRetryBackoff(new Random(seed)).before(1)).isEqualTo(Duration.ofMillis(500));
        }
    }

    @Test
    void eachLaterResendWaitsTwiceAsLongLessUpToAQuarterCappedAtFiveSeconds() {
        long[][] boundsByRetry = {{750, 1_000}, {1_500, 2_000}, {3_000, 4_000}, {3_750, 5_000}, {3_750, 5_000}};
        for (long seed = 0; seed < SEEDS; seed++) {
            var backoff = new StripeRetryBackoff(new Random(seed));
            for (int i = 0; i < boundsByRetry.length; i++) {
                assertThat(backoff.before(i + 2).toMillis()).isBetween(boundsByRetry[i][0], boundsByRetry[i][1]);
            }
            assertThat(backoff.before(1_000).toMillis()).isBetween(3_750L, 5_000L);
        }
    }

    @Test
    void instancesThatFailTogetherComeBackAtDifferentTimes() {
        Set<Duration> waits = new HashSet<>();
        var backoff = new StripeRetryBackoff(new Random(42));
        for (int i = 0; i < 50; i++) {
            waits.add(backoff.before(2));
        }
        assertThat(waits).hasSizeGreaterThan(20);
    }

    @Test
    void retriesCountFromOne() {
        assertThatThrownBy(() -> new StripeRetryBackoff(new Random(1)).before(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
