package dev.smsbilling.billing.store;

/** How taking hold of an Idempotency-Key ended: held now, or already known. */
public sealed interface BeginResult permits Started, KeySeenBefore {
}
