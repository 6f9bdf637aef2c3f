package dev.smsbilling.billing.store;

/**
 * How crediting an auto-charge ended: committed, or {@link AlreadyRecorded} when another run
 * holding the same charge credited it first (the charge exists once and is credited once).
 */
public sealed interface SettleResult permits WriteOutcome, SettleResult.AlreadyRecorded {

    /** The charge is no longer pending on the account: another run recorded its outcome. Nothing was written. */
    record AlreadyRecorded(String accountId) implements SettleResult {
    }
}
