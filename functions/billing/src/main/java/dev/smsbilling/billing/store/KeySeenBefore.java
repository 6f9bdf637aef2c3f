package dev.smsbilling.billing.store;

/** The Idempotency-Key belongs to an earlier request, so this one must not write anything. */
public sealed interface KeySeenBefore extends WriteOutcome, BeginResult permits Replayed, KeyReused, InProgress {
}
