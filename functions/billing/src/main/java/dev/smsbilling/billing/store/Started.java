package dev.smsbilling.billing.store;

/** This invocation now holds the key until it completes (credit) or releases it (a 4xx). */
public record Started(String key) implements BeginResult {
}
