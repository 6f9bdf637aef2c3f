package dev.smsbilling.billing.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An account as last read. {@code seq} is the number of its last ledger entry: every balance
 * change is conditioned on it, which is what keeps the ledger gapless and each balance-after exact.
 * {@code due} is present while the account waits for a scheduled auto-charge.
 * {@code paymentCustomer} is its customer at the payment processor, once its first charge needed one.
 */
public record Account(String id, long balanceMicros, long seq, Subscription subscription, Instant createdAt,
                      AutoCharge autoCharge, Optional<DueMark> due, Optional<String> paymentCustomer) {
    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(autoCharge, "autoCharge");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(paymentCustomer, "paymentCustomer");
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(createdAt, "createdAt");
        if (balanceMicros < 0 || seq < 0) {
            throw new IllegalStateException("account " + id + " has a negative balance or seq");
        }
    }

    /** A new account: auto-charge as never set. */
    public Account(String id, long balanceMicros, long seq, Subscription subscription, Instant createdAt) {
        this(id, balanceMicros, seq, subscription, createdAt, AutoCharge.DEFAULT, Optional.empty(), Optional.empty());
    }

    public boolean isActive() {
        return subscription == Subscription.ACTIVE;
    }

    /**
     * Whether the account should wait for a top-up once its balance is {@code balanceMicros}. The
     * store decides it from a read, and the table re-checks the same rule in its condition
     * wherever acting on a stale read could charge a card.
     */
    public boolean shouldBeDueAt(long balanceMicros) {
        return autoCharge.settings().enabled()
                && autoCharge.status() != AutoChargeStatus.DISABLED_AFTER_FAILURES
                && autoCharge.status() != AutoChargeStatus.ACTION_REQUIRED
                && isActive()
                && balanceMicros < autoCharge.settings().thresholdMicros();
    }
}
