package dev.smsbilling.billing.store.dynamodb;

import java.time.Instant;
import java.util.Objects;

/** What a balance change does to the account's auto-charge state, in the same write as the money. */
sealed interface AutoChargeEffect {
    AutoChargeEffect NONE = new None();

    record None() implements AutoChargeEffect {
    }

    /** The new balance is below the threshold: the account waits for a top-up from now on. */
    record MarkDue(String dueId, Instant since) implements AutoChargeEffect {
        public MarkDue {
            Objects.requireNonNull(dueId, "dueId");
            Objects.requireNonNull(since, "since");
        }
    }

    /** The credit of the pending charge {@code chargeKey}: it ends the crossing. */
    record Settle(String chargeKey) implements AutoChargeEffect {
        public Settle {
            Objects.requireNonNull(chargeKey, "chargeKey");
        }
    }
}
