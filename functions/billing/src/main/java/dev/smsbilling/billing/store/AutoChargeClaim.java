package dev.smsbilling.billing.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One run's hold on a due account until {@code claimUntil}, and the one charge it may make:
 * {@code charge} carries the processor key, derived from the crossing and {@code attempt}, and the
 * card and amount fixed when that attempt was first claimed; {@code paymentCustomer} is the
 * account's customer at the processor, when one is saved; {@code chargeMayExist} when a run that
 * died may have sent this charge already, which is then settled as it is.
 */
public record AutoChargeClaim(String accountId, PendingCharge charge, int attempt, int declinesSoFar,
                              Instant claimUntil, Optional<String> paymentCustomer, boolean chargeMayExist) implements ClaimResult {
    public AutoChargeClaim {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(charge, "charge");
        Objects.requireNonNull(claimUntil, "claimUntil");
        Objects.requireNonNull(paymentCustomer, "paymentCustomer");
    }
}
