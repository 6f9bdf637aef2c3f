package dev.smsbilling.billing.store;

import java.util.Objects;

/** The Idempotency-Key belongs to an earlier request, so this one must not write anything. */
public sealed interface KeySeenBefore extends WriteOutcome, BeginResult
        permits KeySeenBefore.Replayed, KeySeenBefore.KeyReused, KeySeenBefore.InProgress {

    /** The same request was completed before: return {@code response} again, byte for byte. */
    record Replayed(StoredResponse response) implements KeySeenBefore {
        public Replayed {
            Objects.requireNonNull(response, "response");
        }
    }

    /** The key was used for a different request (another hash) within its 24 hours. */
    record KeyReused(String key) implements KeySeenBefore {
    }

    /** Another invocation holds the key right now; the client should retry later. */
    record InProgress(String key) implements KeySeenBefore {
    }
}
