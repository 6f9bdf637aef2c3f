package dev.smsbilling.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smsbilling.authorizer.AuthorizerHandler;
import dev.smsbilling.aws.AwsAccess;
import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.billing.store.Subscription;
import dev.smsbilling.billing.store.dynamodb.DynamoDbBillingStore;
import dev.smsbilling.endpoint.RealDynamoDb;
import dev.smsbilling.endpoint.TestTable;
import dev.smsbilling.http.testing.FunctionCall;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Balance and the internal account routes, driven by their events/ samples against a real table. */
@RealDynamoDb
class AccountHandlerTest {
    private final BillingStore store;
    private final AccountHandler handler;
    private final TestTable table;

    AccountHandlerTest(TestTable table) {
        this.table = table;
        this.store = new DynamoDbBillingStore(table.client(), table.name(), Clock.systemUTC());
        this.handler = new AccountHandler(store);
    }

    @Test
    void creatingAnAccountReturnsAKeyThatTheAuthorizerMapsBackToIt() throws Exception {
        FunctionCall.Response created = FunctionCall.event("create-account.json").invoke(handler);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.headers()).containsEntry("Cache-Control", "no-store");
        String accountId = created.data().get("accountId").textValue();
        String apiKey = created.data().get("apiKey").textValue();
        assertThat(accountId).startsWith("BA");
        assertThat(apiKey).startsWith("key_");

        JsonNode authorized = authorize(new AuthorizerHandler(AwsAccess.emulator(table.endpoint().uri()), table.name()), "Bearer " + apiKey);
        assertThat(authorized.path("context").path("accountId").textValue()).isEqualTo(accountId);
        assertThat(table.client().scan(b -> b.tableName(table.name())).items().toString())
                .as("the key is stored only as its hash").doesNotContain(apiKey);
    }

    @Test
    void theBalanceOfANewAccountIsZeroWithAutoChargeOff() {
        String accountId = FunctionCall.event("create-account.json").invoke(handler).data().get("accountId").textValue();

        FunctionCall.Response balance = FunctionCall.event("balance.json").account(accountId).invoke(handler);

        assertThat(balance.status()).isEqualTo(200);
        assertThat(balance.json().toString()).isEqualTo("{\"data\":{\"balanceMicros\":0,\"currency\":\"USD\","
                + "\"subscription\":\"active\",\"autoCharge\":{\"enabled\":false,\"thresholdMicros\":5000000,"
                + "\"amountMicros\":20000000,\"paymentMethod\":null,\"status\":\"ok\",\"lastError\":null}}}");
    }

    @Test
    void theBalanceFollowsTheLedger() {
        Ledger ledger = new Ledger(store);
        String accountId = ledger.open(Subscription.INACTIVE, 0);
        ledger.addFunds(accountId, 25_000_000, "ch_1");
        ledger.addFunds(accountId, 10_000_000, "ch_2");

        JsonNode data = FunctionCall.event("balance.json").account(accountId).invoke(handler).data();

        assertThat(data.get("balanceMicros").longValue()).isEqualTo(35_000_000);
        assertThat(data.get("subscription").textValue()).isEqualTo("inactive");
    }

    @Test
    void anAccountCanBeOpenedInactiveOrWithNoBody() {
        String inactive = FunctionCall.event("create-account.json").body("{\"subscription\":\"inactive\"}")
                .invoke(handler).data().get("accountId").textValue();
        String noBody = FunctionCall.event("create-account.json").body("").invoke(handler).data().get("accountId").textValue();

        assertThat(store.readAccount(inactive).orElseThrow().subscription()).isEqualTo(Subscription.INACTIVE);
        assertThat(store.readAccount(noBody).orElseThrow().subscription()).isEqualTo(Subscription.ACTIVE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"subscription\":\"paused\"}", "{\"subscription\":true}", "[]", "{", "null",
            "{\"subscription\":\"active\",\"subscription\":\"inactive\"}"})
    void aBadNewAccountBodyIs400AndOpensNothing(String body) {
        int before = itemCount();

        FunctionCall.Response response = FunctionCall.event("create-account.json").body(body).invoke(handler);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("invalid_request");
        assertThat(itemCount()).isEqualTo(before);
    }

    @Test
    void theSubscriptionCanBeSwitchedOffAndOn() {
        String accountId = new Ledger(store).open(0);

        FunctionCall.Response off = FunctionCall.event("subscription.json").pathParameter("accountId", accountId).invoke(handler);

        assertThat(off.status()).isEqualTo(200);
        assertThat(off.json().toString()).isEqualTo("{\"data\":{\"accountId\":\"" + accountId + "\",\"subscription\":\"inactive\"}}");
        assertThat(store.readAccount(accountId).orElseThrow().subscription()).isEqualTo(Subscription.INACTIVE);

        FunctionCall.event("subscription.json").pathParameter("accountId", accountId).body("{\"status\":\"active\"}").invoke(handler);
        assertThat(store.readAccount(accountId).orElseThrow().subscription()).isEqualTo(Subscription.ACTIVE);
    }

    @Test
    void anUnknownOrImpossibleAccountIs404AndNothingIsCreated() {
        int before = itemCount();

        assertThat(FunctionCall.event("subscription.json").invoke(handler).code()).isEqualTo("not_found");
        assertThat(FunctionCall.event("subscription.json").pathParameter("accountId", "BA../../x").invoke(handler).status()).isEqualTo(404);
        assertThat(FunctionCall.event("subscription.json").pathParameter("accountId", "x".repeat(65)).invoke(handler).status()).isEqualTo(404);
        assertThat(itemCount()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"status\":\"paused\"}", "{\"status\":null}", "{\"status\":1}", "", "{\"subscription\":\"active\"}"})
    void aBadSubscriptionBodyIs400AndChangesNothing(String body) {
        String accountId = new Ledger(store).open(0);

        FunctionCall.Response response = FunctionCall.event("subscription.json").pathParameter("accountId", accountId)
                .body(body).invoke(handler);

        assertThat(response.status()).isEqualTo(400);
        assertThat(store.readAccount(accountId).orElseThrow().subscription()).isEqualTo(Subscription.ACTIVE);
    }

    @Test
    void everyV1RouteWithoutAnAccountIs401() {
        for (String event : new String[] {"balance.json", "transactions.json", "auto-charge-settings.json"}) {
            FunctionCall.Response response = FunctionCall.event(event).account(null).invoke(handler);
            assertThat(response.status()).as(event).isEqualTo(401);
            assertThat(response.code()).as(event).isEqualTo("unauthorized");
        }
    }

    @Test
    void anAccountTheTableDoesNotKnowIs401() {
        assertThat(FunctionCall.event("balance.json").account("BAgone").invoke(handler).status()).isEqualTo(401);
        assertThat(FunctionCall.event("auto-charge-settings.json").account("BAgone").invoke(handler).status()).isEqualTo(401);
        assertThat(store.readAccount("BAgone")).isEmpty();
    }

    @Test
    void anUnknownRouteIs404() {
        assertThat(FunctionCall.event("balance.json").route("DELETE", "/v1/billing/balance").invoke(handler).code())
                .isEqualTo("not_found");
    }

    private int itemCount() {
        return table.client().scan(b -> b.tableName(table.name())).count();
    }

    private static JsonNode authorize(AuthorizerHandler authorizer, String header) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode event = (ObjectNode) json.readTree(FunctionCall.eventsFolder().resolve("authorizer.json").toFile());
        ((ObjectNode) event.get("headers")).put("authorization", header);
        event.putArray("identitySource").add(header);
        var out = new ByteArrayOutputStream();
        authorizer.handleRequest(new ByteArrayInputStream(json.writeValueAsBytes(event)), out, null);
        return json.readTree(out.toByteArray());
    }
}
