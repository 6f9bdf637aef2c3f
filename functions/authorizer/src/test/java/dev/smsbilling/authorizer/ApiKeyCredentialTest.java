package dev.smsbilling.authorizer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiKeyCredentialTest {

    @Test
    void theBareKeyAndTheBearerFormGiveTheSameKey() {
        assertThat(ApiKeyCredential.fromHeader("key_abc")).contains("key_abc");
        assertThat(ApiKeyCredential.fromHeader("Bearer key_abc")).contains("key_abc");
        assertThat(ApiKeyCredential.fromHeader(" bEaReR  key_abc ")).contains("key_abc");
    }

    @Test
    void aKeyThatMerelyStartsWithTheSchemeNameIsKeptWhole() {
        assertThat(ApiKeyCredential.fromHeader("bearerkey_abc")).contains("bearerkey_abc");
    }

    @Test
    void nothingImplausibleIsLookedUp() {
        assertThat(ApiKeyCredential.fromHeader(null)).isEmpty();
        assertThat(ApiKeyCredential.fromHeader("")).isEmpty();
        assertThat(ApiKeyCredential.fromHeader("Bearer  ")).isEmpty();
        assertThat(ApiKeyCredential.fromHeader("two words")).isEmpty();
        assertThat(ApiKeyCredential.fromHeader("caf\u00e9")).isEmpty();
        assertThat(ApiKeyCredential.fromHeader("k".repeat(ApiKeyCredential.MAX_KEY_LENGTH + 1))).isEmpty();
        assertThat(ApiKeyCredential.fromHeader("k".repeat(ApiKeyCredential.MAX_KEY_LENGTH))).isPresent();
    }
}
