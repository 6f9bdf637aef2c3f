package dev.smsbilling.billing.store.dynamodb;

import dev.smsbilling.http.Jitter;
import java.time.Duration;

/**
 * Exponential backoff with full jitter (a random pause up to the exponential ceiling): writers that
 * lost the same race spread out instead of colliding again in step, across instances restored
 * from one SnapStart snapshot too ({@link Jitter}).
 */
final class WriteConflictBackoff {
    private final long baseMillis;
    private final long capMillis;

    WriteConflictBackoff(Duration base, Duration cap) {
        this.baseMillis = base.toMillis();
        this.capMillis = cap.toMillis();
    }

    static WriteConflictBackoff standard() {
        return new WriteConflictBackoff(Duration.ofMillis(4), Duration.ofMillis(250));
    }

    /** The pause before retry number {@code retry} (0 for the first). */
    Duration pause(int retry) {
        long ceiling = Math.min(capMillis, baseMillis << Math.min(retry, 20));
        return Duration.ofMillis(Jitter.upTo(ceiling));
    }

    static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off; nothing was written", e);
        }
    }
}
