package dev.smsbilling.billing.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An account waiting for an auto-charge: the crossing ({@code dueId}, {@code dueSince}), the
 * declines already recorded against it ({@code attempt}), the run holding it, if any, and the
 * charge that may be in flight.
 */
public record DueMark(String dueId, Instant dueSince, int attempt, Optional<Instant> claimUntil,
                      Optional<PendingCharge> pending, boolean pendingUnsent) {

    /** A mark whose pending charge, if any, may have been sent. */
    public DueMark(String dueId, Instant dueSince, int attempt, Optional<Instant> claimUntil, Optional<PendingCharge> pending) {
        this(dueId, dueSince, attempt, claimUntil, pending, false);
    }

    /** A charge pending that may exist at the processor: it must be settled whatever the settings say now. */
    public Optional<PendingCharge> mayHaveBeenSent() {
        return pendingUnsent ? Optional.empty() : pending;
    }

    public DueMark {
        Objects.requireNonNull(dueId, "dueId");
        Objects.requireNonNull(dueSince, "dueSince");
        Objects.requireNonNull(claimUntil, "claimUntil");
        Objects.requireNonNull(pending, "pending");
        if (attempt < 0) {
            throw new IllegalArgumentException("attempt must not be negative");
        }
    }

    /** Held by a run whose lease has not lapsed at {@code now}. */
    public boolean claimedAt(Instant now) {
        return claimUntil.map(until -> until.isAfter(now)).orElse(false);
    }
}
