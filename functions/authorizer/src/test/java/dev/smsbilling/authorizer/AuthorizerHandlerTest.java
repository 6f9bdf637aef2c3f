package dev.smsbilling.authorizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smsbilling.aws.AwsAccess;
import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.billing.store.Subscription;
import dev.smsbilling.billing.store.dynamodb.DynamoDbBillingStore;
import dev.smsbilling.endpoint.RealDynamoDb;
import dev.smsbilling.endpoint.TestTable;
import dev.smsbilling.http.auth.ApiKeyItem;
import dev.smsbilling.http.auth.ApiKeys;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@RealDynamoDb
class AuthorizerHandlerTest {
    private final BillingStore store;
    private final AuthorizerHandler handler;
    private final String apiKey = ApiKeys.generate();
    private final String accountId;

    private final TestTable table;

    AuthorizerHandlerTest(TestTable table) {
        this.table = table;
        this.store = new DynamoDbBillingStore(table.client(), table.name(), Clock.systemUTC());
        this.handler = handlerFor(table.name());
        this.accountId = store.createAccount(Subscription.ACTIVE, ApiKeys.hash(apiKey)).id();
    }

    /** The handler as deployed, its signed requests going to the test's real DynamoDB endpoint. */
    private AuthorizerHandler handlerFor(String tableName) {
        AwsAccess aws = AwsAccess.emulator(table.endpoint().uri());
        return new AuthorizerHandler(aws, tableName);
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

    @Test
    void aDamagedKeyItemFailsClosed() {
        String noFlag = ApiKeys.generate();
        String flagNotBoolean = ApiKeys.generate();
        String accountNotString = ApiKeys.generate();
        putKeyItem(noFlag, Map.of("accountId", AttributeValue.fromS(accountId)));
        putKeyItem(flagNotBoolean, Map.of("accountId", AttributeValue.fromS(accountId), "revoked", AttributeValue.fromS("false")));
        putKeyItem(accountNotString, Map.of("accountId", AttributeValue.fromN("1"), "revoked", AttributeValue.fromBool(false)));

        for (String key : List.of(noFlag, flagNotBoolean, accountNotString)) {
            assertNoAccount(AuthorizerCall.invoke(handler, AuthorizerCall.withAuthorization(key)));
        }
    }

    @Test
    void aLookupDynamoDbRefusesThrowsInsteadOfGuessing() {
        AuthorizerHandler lost = handlerFor("no-such-table");

        assertThatThrownBy(() -> lost.handleRequest(
                new ByteArrayInputStream(AuthorizerCall.toBytes(AuthorizerCall.withAuthorization(apiKey))),
                new ByteArrayOutputStream(), null))
                .isInstanceOf(DynamoDbFailure.class)
                .hasMessageContaining("ResourceNotFoundException")
                .hasMessageNotContaining(ApiKeys.hash(apiKey));
    }

    private void putKeyItem(String key, Map<String, AttributeValue> attributes) {
        Map<String, AttributeValue> item = new HashMap<>(attributes);
        item.put("pk", AttributeValue.fromS(ApiKeyItem.partitionKey(ApiKeys.hash(key))));
        item.put("sk", AttributeValue.fromS(ApiKeyItem.SORT_KEY_VALUE));
        table.client().putItem(r -> r.tableName(table.name()).item(item));
    }

    private static void assertNoAccount(JsonNode answer) {
        assertThat(answer.get("isAuthorized").booleanValue()).isTrue();
        assertThat(answer.get("context").isObject()).isTrue();
        assertThat(answer.get("context").has("accountId")).isFalse();
    }
}
