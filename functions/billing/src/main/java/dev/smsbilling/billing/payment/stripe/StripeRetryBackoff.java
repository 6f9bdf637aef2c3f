package dev.smsbilling.billing.payment.stripe;

import dev.smsbilling.http.Jitter;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long to wait before a resend: 0.5 s doubled per retry up to 5 s, less up to a quarter at
 * random, never under 0.5 s (stripe-java's schedule). The randomness spreads the resends of
 * many function instances that failed together, so they do not come back together.
 */
final class StripeRetryBackoff {
    static final Duration MIN = Duration.ofMillis(500);
    static final Duration MAX = Duration.ofSeconds(5);

    private final RandomGenerator random;

    /** @param random thread-safe, as function instances may charge from several threads */
    StripeRetryBackoff(RandomGenerator random) {
        this.random = random;
    }

    /** The deployed schedule: its randomness is drawn after a SnapStart restore ({@link Jitter}). */
    static StripeRetryBackoff jittered() {
        return new StripeRetryBackoff(Jitter.instance());
    }

    /** @param retry 1 for the first resend */
    Duration before(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry counts from 1: " + retry);
        }
        long doublings = Math.min(retry - 1, 10);
        long full = Math.min(MIN.toMillis() << doublings, MAX.toMillis());
        long jittered = full - random.nextLong(full / 4 + 1);
        return Duration.ofMillis(Math.max(jittered, MIN.toMillis()));
    }
}
