package dev.smsbilling.billing.api;

import com.amazonaws.services.lambda.runtime.Context;
import dev.smsbilling.billing.store.Deadline;
import java.time.Duration;

/** How long a money write may retry: the invocation's remaining time, less time to answer. */
public final class Deadlines {
    static final Duration ANSWER_MARGIN = Duration.ofMillis(500);
    /** Outside Lambda (tests, the local API) there is no remaining time to ask for. */
    static final Duration WITHOUT_CONTEXT = Duration.ofSeconds(8);

    private Deadlines() {
    }

    public static Deadline of(Context context) {
        return context == null
                ? Deadline.within(WITHOUT_CONTEXT)
                : Deadline.fromRemainingMillis(context::getRemainingTimeInMillis, ANSWER_MARGIN);
    }
}
