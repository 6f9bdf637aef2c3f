package dev.smsbilling.billing.api;

import dev.smsbilling.billing.store.Idempotency;
import dev.smsbilling.http.IdempotencyKey;
import dev.smsbilling.http.Sha256;

/**
 * Binds an Idempotency-Key to the request it came with: the hash covers the route and the
 * canonical body, so the same key on another route or with another body is a different request.
 */
public final class RequestHash {
    private RequestHash() {
    }

    public static Idempotency idempotency(IdempotencyKey key, String routeKey, String canonicalBody) {
        return new Idempotency(key.value(), Sha256.hex(routeKey + "\n" + canonicalBody));
    }
}
