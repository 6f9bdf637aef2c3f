package dev.smsbilling.billing.store;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A client's Idempotency-Key and the hash of the request it came with. The hash tells an honest
 * retry (replay the first answer) from a reused key (refuse), so it must cover everything that
 * makes two requests different: the caller hashes a canonical form of route and body.
 */
public record Idempotency(String key, String requestHash) {
    private static final Pattern PRINTABLE_ASCII = Pattern.compile("[\\x20-\\x7E]{1,255}");
    private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-f]{64}");

    public Idempotency {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(requestHash, "requestHash");
        if (!PRINTABLE_ASCII.matcher(key).matches()) {
            throw new IllegalArgumentException("an idempotency key is 1..255 printable ASCII characters");
        }
        if (!SHA_256_HEX.matcher(requestHash).matches()) {
            throw new IllegalArgumentException("requestHash must be lower-case SHA-256 hex");
        }
    }
}
