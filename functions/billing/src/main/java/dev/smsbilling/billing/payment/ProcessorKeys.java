package dev.smsbilling.billing.payment;

import dev.smsbilling.http.Sha256;

/**
 * The one recipe for the idempotency key we send a processor with a charge
 * ({@link ChargeRequest#idempotencyKey()}): what the charge is for, then a hash of the facts that
 * make it that one charge. The same facts give the same key, which is how a retry or a takeover
 * finds the charge already made; hashed so the key stays within the processors' limit (Stripe:
 * 255 characters) whatever a client's own key is. Keys already sent depend on this not changing.
 */
public final class ProcessorKeys {
    private ProcessorKeys() {
    }

    /** {@code purpose_<sha-256 hex of the facts, one per line>}; no fact may contain a line break. */
    public static String of(String purpose, String... facts) {
        return purpose + "_" + Sha256.hex(String.join("\n", facts));
    }
}
