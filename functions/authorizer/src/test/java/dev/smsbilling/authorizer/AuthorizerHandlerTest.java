package dev.smsbilling.authorizer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smsbilling.billing.store.ApiKeys;
import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.billing.store.Subscription;
import dev.smsbilling.endpoint.RealDynamoDb;
import dev.smsbilling.endpoint.TestTable;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@RealDynamoDb
class AuthorizerHandlerTest {
    private final BillingStore store;
    private final AuthorizerHandler handler;
    private final String apiKey = ApiKeys.generate();
    private final String accountId;

    AuthorizerHandlerTest(TestTable table) {
        this.store = new BillingStore(table.client(), table.name(), Clock.systemUTC());
        this.handler = new AuthorizerHandler(store);
        this.accountId = store.createAccount(Subscription.ACTIVE, ApiKeys.hash(apiKey)).id();
    }

    @Test
    void theSampleEventIsReadAndItsUnknownKeyGetsNoAccount() {
        JsonNode answer = AuthorizerCall.invoke(handler, AuthorizerCall.sampleEvent());

        assertThat(answer.get("isAuthorized").booleanValue()).isTrue();
        assertThat(answer.get("context").isObject()).isTrue();
        assertThat(answer.get("context").size()).isZero();
    }

    @Test
    void aKnownKeyMapsToItsAccount() {
        JsonNode answer = AuthorizerCall.invoke(handler, AuthorizerCall.withAuthorization(apiKey));

        assertThat(answer.get("isAuthorized").booleanValue()).isTrue();
        assertThat(answer.get("context").get("accountId").textValue()).isEqualTo(accountId);
        assertThat(answer.get("context").size()).as("nothing but the account").isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer %s", "bearer %s", "BEARER %s", "  Bearer   %s  ", "  %s  ", "Bearer\t%s"})
    void theBearerSchemeAndSurroundingSpacesAreAccepted(String header) {
        JsonNode answer = AuthorizerCall.invoke(handler, AuthorizerCall.withAuthorization(String.format(header, apiKey)));

        assertThat(answer.path("context").path("accountId").textValue()).isEqualTo(accountId);
    }

    @Test
    void theIdentitySourceIsUsedWhenTheHeadersLackTheKey() {
        ObjectNode event = AuthorizerCall.withAuthorization(apiKey);
        ((ObjectNode) event.get("headers")).remove("authorization");

        assertThat(AuthorizerCall.invoke(handler, event).path("context").path("accountId").textValue()).isEqualTo(accountId);
    }

    @Test
    void aRevokedKeyGetsNoAccount() {
        String revoked = ApiKeys.generate();
        store.createAccount(Subscription.ACTIVE, ApiKeys.hash(revoked));
        assertThat(store.revokeApiKey(ApiKeys.hash(revoked))).isTrue();

        assertNoAccount(AuthorizerCall.invoke(handler, AuthorizerCall.withAuthorization(revoked)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "key_unknown0000000000000000000000000",
            "cl\u00e9_non_ascii", "key_\u0000nul", "Bearer Bearer x"})
    void unknownEmptyAndMalformedKeysGetNoAccount(String header) {
        assertNoAccount(AuthorizerCall.invoke(handler, AuthorizerCall.withAuthorization(header)));
    }

    @Test
    void aNonAsciiVariantOfAKnownKeyGetsNoAccount() {
        String lookalike = apiKey.substring(0, apiKey.length() - 1) + "\u0430"; // Cyrillic a

        assertNoAccount(AuthorizerCall.invoke(handler, AuthorizerCall.withAuthorization(lookalike)));
    }

    @Test
    void aHugeKeyGetsNoAccount() {
        assertNoAccount(AuthorizerCall.invoke(handler, AuthorizerCall.withAuthorization("k".repeat(100_000))));
        assertNoAccount(AuthorizerCall.invoke(handler, AuthorizerCall.withAuthorization(apiKey + "x".repeat(300))));
    }

    @Test
    void aMissingHeaderOrAnUnreadableEventGetsNoAccount() {
        assertNoAccount(AuthorizerCall.invoke(handler, AuthorizerCall.withAuthorization(null)));
        assertNoAccount(AuthorizerCall.invoke(handler, "{\"headers\": ".getBytes(StandardCharsets.UTF_8)));
        assertNoAccount(AuthorizerCall.invoke(handler, "[]".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aKeyOfAnotherAccountMapsToThatAccountOnly() {
        String otherKey = ApiKeys.generate();
        String other = store.createAccount(Subscription.INACTIVE, ApiKeys.hash(otherKey)).id();

        assertThat(AuthorizerCall.invoke(handler, AuthorizerCall.withAuthorization(otherKey))
                .path("context").path("accountId").textValue()).isEqualTo(other).isNotEqualTo(accountId);
    }

    private static void assertNoAccount(JsonNode answer) {
        assertThat(answer.get("isAuthorized").booleanValue()).isTrue();
        assertThat(answer.get("context").isObject()).isTrue();
        assertThat(answer.get("context").has("accountId")).isFalse();
    }
}
