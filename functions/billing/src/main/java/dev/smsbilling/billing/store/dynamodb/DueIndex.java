package dev.smsbilling.billing.store.dynamodb;

/**
 * The sparse index of accounts waiting for an auto-charge (template.yaml: auto-charge-due).
 *
 * <p>Every due account shares one partition value. At this scale that is one small partition
 * read by one Query a minute. Should due accounts ever number in the tens of thousands (one
 * partition serves about 1,000 writes a second), shard it: write {@code DUE#<n>} with n from a
 * hash of the account id, and let the run query each of the n buckets; nothing else changes.
 */
final class DueIndex {
    static final String NAME = "auto-charge-due";
    static final String BUCKET = "DUE";

    private DueIndex() {
    }
}
