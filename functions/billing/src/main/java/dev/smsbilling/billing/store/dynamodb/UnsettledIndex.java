package dev.smsbilling.billing.store.dynamodb;

/**
 * The sparse index of top-up holds whose charge may have been sent and that nobody completed or
 * released (template.yaml: unsettled-top-ups): what the scheduled sweep settles when the client
 * that asked never comes back. One partition value, as {@link DueIndex} has and for the same
 * reason; an entry lives from just before a charge to its credit, seconds in the normal case.
 */
final class UnsettledIndex {
    static final String NAME = "unsettled-top-ups";
    static final String BUCKET = "TOPUP";

    private UnsettledIndex() {
    }
}
