package dev.smsbilling.autocharge;

import com.amazonaws.services.lambda.runtime.Context;
import dev.smsbilling.billing.store.Deadline;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The time a run may still spend. A run that the Lambda timeout cuts off leaves claims to lapse
 * and charges to be credited a run later; stopping early leaves nothing behind, so a new account
 * is only claimed while there is time to charge and credit it.
 */
final class RunBudget {
    /** Room for one account's claim, charge and credit, with the processor at its slowest. */
    static final Duration CLAIM_MARGIN = Duration.ofSeconds(10);
    /** Outside Lambda (tests, the local API) there is no remaining time to ask for. */
    static final Duration WITHOUT_CONTEXT = Duration.ofSeconds(50);
    private static final Duration WRITE_MARGIN = Duration.ofSeconds(1);

    private final LongSupplier remainingMillis;

    private RunBudget(LongSupplier remainingMillis) {
        this.remainingMillis = remainingMillis;
    }

    static RunBudget of(Context context) {
        if (context != null) {
            return new RunBudget(context::getRemainingTimeInMillis);
        }
        long end = System.nanoTime() + WITHOUT_CONTEXT.toNanos();
        return new RunBudget(() -> (end - System.nanoTime()) / 1_000_000);
    }

    boolean allowsAnotherClaim() {
        return remainingMillis.getAsLong() > CLAIM_MARGIN.toMillis();
    }

    /** How long a credit may keep retrying conflicts: to the end, less time to answer. */
    Deadline writeDeadline() {
        return Deadline.fromRemainingMillis(remainingMillis, WRITE_MARGIN);
    }
}
