package dev.smsbilling.billing.api;

import dev.smsbilling.billing.store.Idempotency;
import dev.smsbilling.http.IdempotencyKey;
import dev.smsbilling.http.Sha256;

/**
 * Binds an Idempotency-Key to the request it came with: the hash covers the route and the
 * canonical body, so the same key on another route or with another body is a different request,
 * while a retry that spells the same JSON otherwise is the same one. Every route hashes this way;
 * the hashes of keys already stored depend on it not changing.
 */
public final class RequestHash {
    private RequestHash() {
    }

    public static Idempotency idempotency(IdempotencyKey key, String routeKey, String canonicalBody) {
        return new Idempotency(key.value(), of(routeKey, canonicalBody));
    }

    /** The hash alone, for a test or a sweep that must name a request it did not receive. */
    public static String of(String routeKey, String canonicalBody) {
        return Sha256.hex(routeKey + "\n" + canonicalBody);
    }
}
