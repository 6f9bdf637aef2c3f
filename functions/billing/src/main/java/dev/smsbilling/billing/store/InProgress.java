package dev.smsbilling.billing.store;

/** Another invocation holds the key right now; the client should retry later. */
public record InProgress(String key) implements KeySeenBefore {
}
