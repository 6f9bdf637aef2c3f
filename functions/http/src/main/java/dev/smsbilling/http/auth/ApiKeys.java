package dev.smsbilling.http.auth;

import dev.smsbilling.http.Sha256;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * API keys: 192 random bits, shown to the customer once and stored only as their SHA-256. A plain
 * hash suffices (no salt or slow hash) because the key is random, not a guessable password.
 */
public final class ApiKeys {
    private static final String PREFIX = "key_";
    private static final int RANDOM_BYTES = 24;

    private ApiKeys() {
    }

    public static String generate() {
        byte[] random = new byte[RANDOM_BYTES];
        new SecureRandom().nextBytes(random); // a fresh instance per key: nothing to freeze in a snapshot
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    public static String hash(String apiKey) {
        return Sha256.hex(apiKey);
    }
}
