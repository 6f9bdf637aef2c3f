package dev.smsbilling.billing.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A top-up hold whose charge may have been sent and that nobody completed or released.
 *
 * @param chargeStartedAt when its charge was first about to be sent; the processor's record of
 *     that charge is no older
 */
public record UnsettledTopUp(String accountId, String idempotencyKey, Instant chargeStartedAt) {
    public UnsettledTopUp {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(chargeStartedAt, "chargeStartedAt");
    }
}
