package dev.smsbilling.billing.store;

import java.time.Instant;
import java.util.Objects;

/**
 * An account as last read. {@code seq} is the number of its last ledger entry: every balance
 * change is conditioned on it, which is what keeps the ledger gapless and each balance-after exact.
 */
public record Account(String id, long balanceMicros, long seq, Subscription subscription, Instant createdAt,
                      AutoCharge autoCharge) {
    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(autoCharge, "autoCharge");
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(createdAt, "createdAt");
        if (balanceMicros < 0 || seq < 0) {
            throw new IllegalStateException("account " + id + " has a negative balance or seq");
        }
    }

    /** A new account: auto-charge as never set. */
    public Account(String id, long balanceMicros, long seq, Subscription subscription, Instant createdAt) {
        this(id, balanceMicros, seq, subscription, createdAt, AutoCharge.DEFAULT);
    }

    public boolean isActive() {
        return subscription == Subscription.ACTIVE;
    }
}
