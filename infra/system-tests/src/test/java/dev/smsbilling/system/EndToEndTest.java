package dev.smsbilling.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smsbilling.endpoint.RealDynamoDb;
import dev.smsbilling.endpoint.TestTable;
import dev.smsbilling.local.LocalServer;
import dev.smsbilling.local.RealLocalApi;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole product as a customer's code meets it: real HTTP to the local API, which serves the
 * routes of template.yaml through the real handlers, the authorizer and a real DynamoDB.
 */
@RealDynamoDb
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private RealLocalApi api;
    private LocalServer server;
    private String apiKey;

    @BeforeAll
    void start(TestTable table) throws IOException {
        api = RealLocalApi.start(table);
        server = api.server();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    @Order(1)
    void anOperatorCreatesAnAccountAndItStartsEmpty() throws Exception {
        var created = api.call("POST", "/internal/accounts").body("{\"subscription\": \"active\"}").send();
        assertThat(created.statusCode()).isEqualTo(201);
        apiKey = json(created).path("data").path("apiKey").asText();
        assertThat(apiKey).isNotBlank();

        var balance = api.call("GET", "/v1/billing/balance").key(apiKey).send();
        assertThat(balance.statusCode()).isEqualTo(200);
        assertThat(json(balance).path("data").path("balanceMicros").asLong()).isZero();
    }

    @Test
    @Order(2)
    void withoutAKeyNothingIsAnswered() throws Exception {
        var response = api.call("GET", "/v1/billing/balance").send();
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).path("code").asText()).isEqualTo("unauthorized");

        var foreign = api.call("GET", "/v1/billing/balance").key("key_not_a_real_key_at_all_000000").send();
        assertThat(foreign.statusCode()).isEqualTo(401);
    }

    @Test
    @Order(3)
    void fundsAreAddedOncePerKey() throws Exception {
        String body = "{\"amountMicros\": 10000000, \"paymentMethod\": \"pm_card_visa\"}";
        var first = api.call("POST", "/v1/billing/funds").key(apiKey).idempotencyKey("topup-1").body(body).send();
        var retry = api.call("POST", "/v1/billing/funds").key(apiKey).idempotencyKey("topup-1").body(body).send();

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(json(first).path("data").path("balanceAfterMicros").asLong()).isEqualTo(10_000_000);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");

        var declined = api.call("POST", "/v1/billing/funds").key(apiKey).idempotencyKey("topup-2")
                .body("{\"amountMicros\": 10000000, \"paymentMethod\": \"pm_card_chargeDeclined\"}").send();
        assertThat(declined.statusCode()).isEqualTo(402);
        assertThat(json(declined).path("code").asText()).isEqualTo("payment_declined");
    }

    @Test
    @Order(4)
    void aQuoteTellsWhatASendThenCharges() throws Exception {
        String message = "{\"content\": \"Your order has shipped\", \"from\": \"+14155550100\", \"to\": [\"+447400123456\"]}";
        var quote = api.call("POST", "/v1/messages/quote").key(apiKey).body(message).send();
        assertThat(quote.statusCode()).isEqualTo(200);
        long cost = json(quote).path("data").path("costMicros").asLong();
        assertThat(cost).isEqualTo(50_000);

        var sent = api.call("POST", "/v1/messages").key(apiKey).idempotencyKey("order-1043").body(message).send();
        assertThat(sent.statusCode()).isEqualTo(202);
        assertThat(json(sent).path("data").path("cost").path("costMicros").asLong()).isEqualTo(cost);
        assertThat(json(sent).path("data").path("balanceAfterMicros").asLong()).isEqualTo(10_000_000 - cost);

        var again = api.call("POST", "/v1/messages").key(apiKey).idempotencyKey("order-1043").body(message).send();
        assertThat(again.body()).isEqualTo(sent.body());
    }

    @Test
    @Order(5)
    void theStatementAddsUpToTheBalance() throws Exception {
        var balance = json(api.call("GET", "/v1/billing/balance")
                .key(apiKey).send()).path("data").path("balanceMicros").asLong();
        List<JsonNode> lines = new ArrayList<>();
        String cursor = null;
        do {
            String path = "/v1/billing/transactions?limit=1" + (cursor == null ? "" : "&cursor=" + cursor);
            JsonNode page = json(api.call("GET", path).key(apiKey).send());
            page.path("data").forEach(lines::add);
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
        } while (cursor != null);

        assertThat(lines).extracting(line -> line.path("type").asText()).containsExactly("message_charge", "funds_added");
        assertThat(lines.stream().mapToLong(line -> line.path("amountMicros").asLong()).sum()).isEqualTo(balance);
        assertThat(lines.get(0).path("balanceAfterMicros").asLong()).isEqualTo(balance);
    }

    @Test
    @Order(6)
    void autoChargeTopsUpOnceWhenTheBalanceIsBelowTheThreshold() throws Exception {
        long before = json(api.call("GET", "/v1/billing/balance")
                .key(apiKey).send()).path("data").path("balanceMicros").asLong();
        var settings = api.call("PUT", "/v1/billing/auto-charge").key(apiKey)
                .body("{\"enabled\": true, \"thresholdMicros\": 20000000, \"amountMicros\": 25000000, \"paymentMethod\": \"pm_card_visa\"}")
                .send();
        assertThat(settings.statusCode()).isEqualTo(200);
        assertThat(json(settings).path("data").path("status").asText()).isEqualTo("ok");

        var run = api.call("POST", "/internal/run/auto-charge").send();
        var again = api.call("POST", "/internal/run/auto-charge").send();

        assertThat(run.statusCode()).isEqualTo(200);
        assertThat(json(run).path("charged").asInt()).isEqualTo(1);
        assertThat(json(again).path("charged").asInt()).as("one top-up per crossing").isZero();
        var balance = json(api.call("GET", "/v1/billing/balance").key(apiKey).send()).path("data");
        assertThat(balance.path("balanceMicros").asLong()).isEqualTo(before + 25_000_000);
        var newest = json(api.call("GET", "/v1/billing/transactions?limit=1").key(apiKey).send()).path("data").get(0);
        assertThat(newest.path("type").asText()).isEqualTo("auto_charge");
        assertThat(newest.path("amountMicros").asLong()).isEqualTo(25_000_000);
    }

    @Test
    @Order(7)
    void anUnknownRouteIsNotFoundInTheEnvelope() throws Exception {
        var response = api.call("GET", "/v1/nothing-here").key(apiKey).send();

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).path("code").asText()).isEqualTo("not_found");
    }

    @Test
    @Order(8)
    void aBodyThatIsNotUtf8IsRefusedBeforeAnythingIsPricedOrCharged() throws Exception {
        long before = json(api.call("GET", "/v1/billing/balance")
                .key(apiKey).send()).path("data").path("balanceMicros").asLong();
        byte[] latin1 = "{\"content\": \"Gr\u00fc\u00dfe aus K\u00f6ln\", \"from\": \"+14155550100\", \"to\": [\"+14155552671\"]}"
                .getBytes(StandardCharsets.ISO_8859_1); // a client that forgot its charset

        for (String path : List.of("/v1/messages/quote", "/v1/messages")) {
            var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(api.uri().resolve(path))
                    .header("Authorization", apiKey).header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(latin1)).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(json(response).path("code").asText()).isEqualTo("invalid_request");
            assertThat(json(response).path("message").asText()).contains("UTF-8");
        }
        assertThat(json(api.call("GET", "/v1/billing/balance")
                .key(apiKey).send()).path("data").path("balanceMicros").asLong())
                .isEqualTo(before);
    }

    @Test
    @Order(9)
    void aCardSavedOnTheBillingPageTopsUpItsOwnAccountAndNoOther() throws Exception {
        var setup = api.call("POST", "/v1/billing/payment-methods/setup").key(apiKey).send();
        assertThat(setup.statusCode()).isEqualTo(201);
        JsonNode page = json(setup).path("data");
        assertThat(page.path("publishableKey").asText()).startsWith("pk_test_");
        // What Stripe's script does on the page with the card the customer typed; here, a test card.
        var confirmed = api.call("POST", "/sandbox/setup-intents/confirm")
                .body("{\"clientSecret\": \"" + page.path("clientSecret").asText() + "\", \"paymentMethod\": \"pm_card_mastercard\"}")
                .send();
        assertThat(confirmed.statusCode()).isEqualTo(200);
        String card = json(confirmed).path("data").path("paymentMethod").asText();
        String topUp = "{\"amountMicros\": 10000000, \"paymentMethod\": \"" + card + "\"}";

        var paid = api.call("POST", "/v1/billing/funds").key(apiKey).idempotencyKey("saved-card-1").body(topUp).send();
        String otherKey = json(api.call("POST", "/internal/accounts").body("{\"subscription\": \"active\"}").send())
                .path("data").path("apiKey").asText();
        var stolen = api.call("POST", "/v1/billing/funds").key(otherKey).idempotencyKey("saved-card-1").body(topUp).send();

        assertThat(paid.statusCode()).isEqualTo(201);
        assertThat(stolen.statusCode()).isEqualTo(402);
        assertThat(json(stolen).path("declineCode").asText()).isEqualTo("payment_method_not_saved");
        assertThat(json(api.call("GET", "/v1/billing/balance").key(otherKey).send()).path("data").path("balanceMicros").asLong())
                .isZero();
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }
}
