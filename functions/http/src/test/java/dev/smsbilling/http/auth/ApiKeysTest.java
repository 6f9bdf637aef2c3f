package dev.smsbilling.http.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    @Test
    void keysCarryAtLeast128RandomBitsAndAreAllDifferent() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            keys.add(ApiKeys.generate());
        }

        assertThat(keys).hasSize(1_000).allSatisfy(key -> {
            assertThat(key).startsWith("key_").matches("key_[A-Za-z0-9_-]+");
            // base64url carries 6 bits a character
            assertThat((key.length() - "key_".length()) * 6).isGreaterThanOrEqualTo(128);
        });
    }

    @Test
    void theHashIsSha256Hex() {
        assertThat(ApiKeys.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
