package dev.smsbilling.billing.store;

/** The key was used for a different request (another hash) within its 24 hours. */
public record KeyReused(String key) implements KeySeenBefore {
}
