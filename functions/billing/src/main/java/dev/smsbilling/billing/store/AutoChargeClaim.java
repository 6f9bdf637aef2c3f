package dev.smsbilling.billing.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One run's hold on a due account until {@code claimUntil}, and the one charge it may make:
 * {@code charge} carries the processor key, derived from the crossing and {@code attempt}, and the
 * card and amount fixed when that attempt was first claimed.
 */
public record AutoChargeClaim(String accountId, PendingCharge charge, int attempt, int declinesSoFar,
                              Instant claimUntil) implements ClaimResult {
    public AutoChargeClaim {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(charge, "charge");
        Objects.requireNonNull(claimUntil, "claimUntil");
    }
}
