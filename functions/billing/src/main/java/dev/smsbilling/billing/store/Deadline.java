package dev.smsbilling.billing.store;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * How long a write may keep retrying. In a Lambda it follows the invocation's remaining time, less
 * a margin for answering: a retry that the runtime would cut off half way helps nobody.
 */
@FunctionalInterface
public interface Deadline {

    Duration remaining();

    default boolean allows(Duration wait) {
        return remaining().compareTo(wait) > 0;
    }

    /** For a Lambda: {@code Deadline.fromRemainingMillis(context::getRemainingTimeInMillis, Duration.ofSeconds(1))}. */
    static Deadline fromRemainingMillis(LongSupplier remainingMillis, Duration margin) {
        return () -> Duration.ofMillis(remainingMillis.getAsLong()).minus(margin);
    }

    /** A fixed budget counted from now (tests, local runs, scheduled jobs). */
    static Deadline within(Duration budget) {
        long end = System.nanoTime() + budget.toNanos();
        return () -> Duration.ofNanos(end - System.nanoTime());
    }
}
