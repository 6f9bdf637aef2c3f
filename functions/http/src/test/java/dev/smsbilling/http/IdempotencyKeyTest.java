package dev.smsbilling.http;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdempotencyKeyTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "order-1042", "550e8400-e29b-41d4-a716-446655440000", "key with spaces", " ~!@#$%^&*()"})
    void acceptsPrintableAscii(String key) {
        assertThat(IdempotencyKey.of(key).value()).isEqualTo(key);
    }

    @Test
    void acceptsExactly255Characters() {
        assertThat(IdempotencyKey.of("k".repeat(255)).value()).hasSize(255);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "tab\there", "new\nline", "caf\u00E9", "emoji\uD83D\uDE00", "del\u007F", "nul\u0000"})
    void refusesTheRest(String key) {
        assertBad(() -> IdempotencyKey.of(key));
    }

    @Test
    void refuses256Characters() {
        assertBad(() -> IdempotencyKey.of("k".repeat(256)));
    }

    @Test
    void requiredAndOptionalFromTheHeaderWhateverItsCase() {
        ApiRequest with = request(Map.of("idempotency-key", "abc"));
        ApiRequest without = request(Map.of("x-idempotency-key", "abc"));

        assertThat(IdempotencyKey.required(with).value()).isEqualTo("abc");
        assertThat(IdempotencyKey.optional(with)).contains(IdempotencyKey.of("abc"));
        assertThat(IdempotencyKey.optional(without)).isEmpty();
        assertBad(() -> IdempotencyKey.required(without));
    }

    @Test
    void aPresentButEmptyHeaderIsAnErrorEvenWhenOptional() {
        assertBad(() -> IdempotencyKey.optional(request(Map.of("Idempotency-Key", ""))));
    }

    @Test
    void toStringDoesNotShowTheKey() {
        assertThat(IdempotencyKey.of("secret-ish").toString()).doesNotContain("secret-ish");
    }

    private static ApiRequest request(Map<String, String> headers) {
        return new ApiRequest("POST", "/v1/billing/funds", "POST /v1/billing/funds", headers, null, null, "{}", "acct", "r");
    }

    private static void assertBad(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
            assertThat(e.errors()).singleElement().satisfies(error -> assertThat(error.path()).isEqualTo("Idempotency-Key"));
        });
    }
}
