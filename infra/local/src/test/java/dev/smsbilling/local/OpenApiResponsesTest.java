package dev.smsbilling.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.ValidationMessage;
import dev.smsbilling.billing.runtime.Stores;
import dev.smsbilling.billing.store.BeginResult.Started;
import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.billing.store.Idempotency;
import dev.smsbilling.endpoint.RealDynamoDb;
import dev.smsbilling.endpoint.TestTable;
import dev.smsbilling.http.Settings;
import dev.smsbilling.http.Sha256;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every answer of the local API, over real HTTP through the real handlers, the authorizer and a
 * real DynamoDB table, conforms to infra/api/openapi.yaml: its status is documented for the
 * operation, its required headers are present, and its body validates against the documented
 * schema, strictly (no field the document does not name). Successful requests are checked
 * against the request schemas too.
 */
@RealDynamoDb
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenApiResponsesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUBSCRIPTION = "/internal/accounts/{accountId}/subscription";
    private final Set<String> checked = new TreeSet<>();
    private OpenApiDocument openapi;
    private RealLocalApi api;
    private LocalServer server;
    private BillingStore store;
    private String apiKey;
    private String accountId;
    private String poorKey;
    private String poorAccountId;

    @BeforeAll
    void start(TestTable table, @TempDir Path workDir) throws IOException {
        openapi = OpenApiDocument.load(workDir);
        api = RealLocalApi.start(table);
        server = api.server();
        store = Stores.fromSettings(Settings.fromEnvironment());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    @Order(1)
    void accountsAreOpened() throws Exception {
        JsonNode created = expect(201, "POST", "/internal/accounts", "/internal/accounts", null, null, "{\"subscription\": \"active\"}");
        apiKey = created.at("/data/apiKey").asText();
        accountId = created.at("/data/accountId").asText();

        JsonNode bare = expect(201, "POST", "/internal/accounts", "/internal/accounts", null, null, null);
        poorKey = bare.at("/data/apiKey").asText();
        poorAccountId = bare.at("/data/accountId").asText();

        expect(400, "POST", "/internal/accounts", "/internal/accounts", null, null, "{\"subscription\": \"paused\"}");
        expect(400, "POST", "/internal/accounts", "/internal/accounts", null, null, "{\"subscription\": ");
    }

    @Test
    @Order(2)
    void aKeyIsNeededAndEitherFormOfItWorks() throws Exception {
        assertThat(expect(401, "GET", "/v1/billing/balance", "/v1/billing/balance", null, null, null).path("code").asText())
                .isEqualTo("unauthorized");
        expect(401, "GET", "/v1/billing/balance", "/v1/billing/balance", "key_not_a_real_key_at_all_000000", null, null);
        expect(401, "POST", "/v1/messages/quote", "/v1/messages/quote", "Bearer key_unknown", null, "{}");
        expect(401, "POST", "/v1/billing/funds", "/v1/billing/funds", "nope", "k", "{}");

        JsonNode balance = expect(200, "GET", "/v1/billing/balance", "/v1/billing/balance", "Bearer " + apiKey, null, null);
        assertThat(balance.at("/data/balanceMicros").asLong()).isZero();
        assertThat(balance.at("/data/autoCharge/paymentMethod").isNull()).isTrue();
    }

    @Test
    @Order(3)
    void fundsAreAddedOncePerKeyAndEveryRefusalIsDocumented() throws Exception {
        String funds = "/v1/billing/funds";
        String body = "{\"amountMicros\": 20000000, \"paymentMethod\": \"pm_card_visa\"}";
        assertThat(expect(400, "POST", funds, funds, apiKey, null, body).at("/errors/0/path").asText()).isEqualTo("Idempotency-Key");
        JsonNode invalid = expect(400, "POST", funds, funds, apiKey, "topup-bad", "{\"amountMicros\": 5.5, \"paymentMethod\": \"visa\"}");
        assertThat(invalid.path("errors")).hasSize(2);

        var first = api.call("POST", funds).key(apiKey).idempotencyKey("topup-1").body(body).send();
        conforms("POST", funds, first, 201, body);
        var replay = api.call("POST", funds).key(apiKey).idempotencyKey("topup-1").body(body).send();
        conforms("POST", funds, replay, 201, body);
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(replay.body()).isEqualTo(first.body());

        expect(422, "POST", funds, funds, apiKey, "topup-1", "{\"amountMicros\": 30000000, \"paymentMethod\": \"pm_card_visa\"}");
        JsonNode declined = expect(402, "POST", funds, funds, apiKey, "topup-2",
                "{\"amountMicros\": 10000000, \"paymentMethod\": \"pm_card_chargeDeclined\"}");
        assertThat(declined.path("declineCode").asText()).isEqualTo("card_declined");

        // Another invocation holds this key for the same request right now: 409 with Retry-After.
        String held = "{\"amountMicros\": 15000000, \"paymentMethod\": \"pm_card_visa\"}";
        Idempotency hold = new Idempotency("topup-held",
                Sha256.hex("POST /v1/billing/funds\namountMicros=15000000\npaymentMethod=pm_card_visa"));
        Started holding = (Started) store.beginIdempotentRequest(accountId, hold, Duration.ofMinutes(2));
        var busy = api.call("POST", funds).key(apiKey).idempotencyKey("topup-held").body(held).send();
        conforms("POST", funds, busy, 409, held);
        assertThat(busy.headers().firstValue("Retry-After")).hasValue("1");
        store.releaseIdempotentRequest(accountId, hold, holding);
    }

    @Test
    @Order(3)
    void aCardIsSavedAndOnlyThenChargedForThisAccount() throws Exception {
        String setup = "/v1/billing/payment-methods/setup";
        JsonNode started = expect(201, "POST", setup, setup, apiKey, null, null);
        var confirmed = api.call("POST", "/sandbox/setup-intents/confirm").body("{\"clientSecret\": \""
                + started.at("/data/clientSecret").asText() + "\", \"paymentMethod\": \"pm_card_visa\"}").send();
        String card = LocalJson.MAPPER.readTree(confirmed.body()).at("/data/paymentMethod").asText();
        String funds = "/v1/billing/funds";
        expect(201, "POST", funds, funds, apiKey, "saved-card-1", "{\"amountMicros\": 10000000, \"paymentMethod\": \"" + card + "\"}");
        JsonNode notSaved = expect(402, "POST", funds, funds, apiKey, "unsaved-card-1",
                "{\"amountMicros\": 10000000, \"paymentMethod\": \"pm_sandbox_neverSavedAnywhere\"}");
        assertThat(notSaved.path("declineCode").asText()).isEqualTo("invalid_payment_method");
        expect(401, "POST", setup, setup, "key_not_a_real_key_at_all_000000", null, null);
    }

    @Test
    @Order(4)
    void theRateTableWholeAndByCountry() throws Exception {
        String rates = "/v1/pricing/rates";
        assertThat(expect(200, "GET", rates, rates, apiKey, null, null).at("/data/rates").size()).isGreaterThan(1);
        JsonNode gb = expect(200, "GET", rates + "?country=gb", rates, apiKey, null, null);
        assertThat(gb.at("/data/rates")).hasSize(1);
        assertThat(gb.at("/data/rates/0/country").asText()).isEqualTo("GB");
        expect(404, "GET", rates + "?country=RU", rates, apiKey, null, null);
    }

    @Test
    @Order(5)
    void quotesAndEveryWayAMessageIsRefused() throws Exception {
        String quote = "/v1/messages/quote";
        JsonNode gb = expect(200, "POST", quote, quote, apiKey, null, "{\"content\": \"Your order has shipped\", \"to\": [\"+447400123456\"]}");
        assertThat(gb.at("/data/costMicros").asLong()).isEqualTo(50_000);
        assertThat(gb.at("/data/savings").isNull()).isTrue();

        JsonNode curly = expect(200, "POST", quote, quote, apiKey, null,
                "{\"content\": \"Don\u2019t miss our sale: 20% off everything in store and online this weekend only!\","
                        + " \"from\": \"+14155550100\", \"to\": [\"+14155552671\"]}");
        assertThat(curly.at("/data/encoding").asText()).isEqualTo("UCS-2");
        assertThat(curly.at("/data/savings/encoding").asText()).isEqualTo("GSM-7");
        JsonNode emoji = expect(200, "POST", quote, quote, apiKey, null, "{\"content\": \"Thanks \uD83C\uDF89\", \"to\": [\"+14155552671\"]}");
        assertThat(emoji.at("/data/nonGsmCharacters")).hasSize(1);

        JsonNode invalid = expect(400, "POST", quote, quote, apiKey, null, "{\"content\": \"   \", \"to\": \"+447400123456\"}");
        assertThat(invalid.path("code").asText()).isEqualTo("invalid_request");
        assertThat(invalid.path("errors")).hasSize(2);
        expect(400, "POST", quote, quote, apiKey, null, "{\"content\": \"Hi\", \"to\": [\"+14155550123\"]}");
        expect(400, "POST", quote, quote, apiKey, null, "not json");
        JsonNode mms = expect(400, "POST", quote, quote, apiKey, null,
                "{\"content\": \"Hi\", \"to\": [\"+447400123456\"], \"mediaUrls\": [\"https://example.com/a.png\"]}");
        assertThat(mms.path("code").asText()).isEqualTo("mms_not_supported");
        JsonNode russia = expect(422, "POST", quote, quote, apiKey, null, "{\"content\": \"Hi\", \"to\": [\"+79123456789\"]}");
        assertThat(russia.path("country").asText()).isEqualTo("RU");
        expect(413, "POST", quote, quote, apiKey, null, "{\"content\": \"" + "a".repeat(70_000) + "\", \"to\": [\"+447400123456\"]}");
    }

    @Test
    @Order(6)
    void sendsAreChargedOnceAndRefusedWithNothingWritten() throws Exception {
        String send = "/v1/messages";
        String message = "{\"content\": \"Your order has shipped\", \"from\": \"+14155550100\", \"to\": [\"+447400123456\"],"
                + " \"userId\": \"US123abc\", \"setInboxStatus\": \"done\"}";
        var sent = api.call("POST", send).key(apiKey).idempotencyKey("order-1043").body(message).send();
        conforms("POST", send, sent, 202, message);
        var replay = api.call("POST", send).key(apiKey).idempotencyKey("order-1043").body(message).send();
        conforms("POST", send, replay, 202, message);
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");

        expect(422, "POST", send, send, apiKey, "order-1043", message.replace("shipped", "arrived"));
        expect(422, "POST", send, send, apiKey, null, "{\"content\": \"Hi\", \"from\": \"PN123\", \"to\": [\"+79123456789\"]}");
        expect(400, "POST", send, send, apiKey, null, "{\"content\": \"Hi\", \"to\": [\"+447400123456\"]}");
        expect(400, "POST", send, send, apiKey, "", message);

        JsonNode broke = expect(402, "POST", send, send, poorKey, null, message);
        assertThat(broke.path("balanceMicros").asLong()).isZero();
        assertThat(broke.path("costMicros").asLong()).isEqualTo(50_000);

        String path = "/internal/accounts/" + poorAccountId + "/subscription";
        expect(200, "PUT", path, SUBSCRIPTION, null, null, "{\"status\": \"inactive\"}");
        expect(403, "POST", send, send, poorKey, null, message);
        expect(403, "POST", "/v1/billing/funds", "/v1/billing/funds", poorKey, "topup-inactive",
                "{\"amountMicros\": 10000000, \"paymentMethod\": \"pm_card_visa\"}");
        expect(200, "PUT", path, SUBSCRIPTION, null, null, "{\"status\": \"active\"}");
    }

    @Test
    @Order(7)
    void theStatementPageByPage() throws Exception {
        String transactions = "/v1/billing/transactions";
        Set<String> types = new TreeSet<>();
        String cursor = null;
        do {
            JsonNode page = expect(200, "GET", transactions + "?limit=1" + (cursor == null ? "" : "&cursor=" + cursor),
                    transactions, apiKey, null, null);
            page.path("data").forEach(line -> types.add(line.path("type").asText()));
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
        } while (cursor != null);
        assertThat(types).containsExactly("funds_added", "message_charge");

        expect(200, "GET", transactions, transactions, poorKey, null, null);
        expect(400, "GET", transactions + "?limit=0", transactions, apiKey, null, null);
        expect(400, "GET", transactions + "?limit=10&cursor=not-a-cursor", transactions, apiKey, null, null);
    }

    @Test
    @Order(8)
    void autoChargeSettingsAndTheScheduledRun() throws Exception {
        String settings = "/v1/billing/auto-charge";
        String run = "/internal/run/auto-charge";
        expect(400, "PUT", settings, settings, apiKey, null, "{\"enabled\": true}");
        expect(400, "PUT", settings, settings, apiKey, null, "{\"enabled\": \"yes\", \"thresholdMicros\": 1.5}");
        expect(200, "PUT", settings, settings, poorKey, null, "{\"enabled\": false}");
        expect(200, "PUT", settings, settings, apiKey, null,
                "{\"enabled\": true, \"thresholdMicros\": 1000000000, \"amountMicros\": 25000000, \"paymentMethod\": \"pm_card_visa\"}");
        expect(200, "PUT", settings, settings, poorKey, null,
                "{\"enabled\": true, \"thresholdMicros\": 1000000, \"amountMicros\": 10000000, \"paymentMethod\": \"pm_card_chargeDeclined\"}");

        JsonNode summary = expect(200, "POST", run, run, null, null, null);
        assertThat(summary.path("charged").asInt()).isEqualTo(1);
        assertThat(summary.path("declined").asInt()).isEqualTo(1);

        JsonNode failing = expect(200, "GET", "/v1/billing/balance", "/v1/billing/balance", poorKey, null, null);
        assertThat(failing.at("/data/autoCharge/status").asText()).isEqualTo("failing");
        assertThat(failing.at("/data/autoCharge/lastError").asText()).isEqualTo("card_declined");
        JsonNode newest = expect(200, "GET", "/v1/billing/transactions?limit=1", "/v1/billing/transactions", apiKey, null, null);
        assertThat(newest.at("/data/0/type").asText()).isEqualTo("auto_charge");
    }

    @Test
    @Order(9)
    void subscriptionsOfUnknownAccountsAndBadBodies() throws Exception {
        expect(404, "PUT", "/internal/accounts/BA0000000000000000000000000000dead/subscription", SUBSCRIPTION, null, null,
                "{\"status\": \"inactive\"}");
        expect(404, "PUT", "/internal/accounts/not%20an%20id/subscription", SUBSCRIPTION, null, null, "{\"status\": \"inactive\"}");
        expect(400, "PUT", "/internal/accounts/" + accountId + "/subscription", SUBSCRIPTION, null, null, "{\"status\": \"gone\"}");
        expect(413, "PUT", "/internal/accounts/" + accountId + "/subscription", SUBSCRIPTION, null, null,
                "{\"status\": \"active\", \"pad\": \"" + "x".repeat(70_000) + "\"}");
    }

    @Test
    @Order(10)
    void anUnknownPathOrMethodIsNotFoundInTheEnvelope() throws Exception {
        for (var response : List.of(api.call("GET", "/v1/nothing-here")
                .key(apiKey).send(), api.call("DELETE", "/v1/messages").key(apiKey).send())) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertValid("NotFoundError", JSON.readTree(response.body()), "unknown route " + response.body());
        }
    }

    /** The server listens on loopback only, so a remote caller is simulated in-process, through the same gateway. */
    @Test
    @Order(11)
    void internalRoutesRefuseRemoteCallers() throws Exception {
        InetSocketAddress remote = new InetSocketAddress("203.0.113.7", 40_000);
        Map<String, String> routes = Map.of(
                "/internal/accounts", "/internal/accounts",
                "/internal/accounts/" + accountId + "/subscription", SUBSCRIPTION,
                "/internal/run/auto-charge", "/internal/run/auto-charge");
        for (Map.Entry<String, String> route : routes.entrySet()) {
            String method = route.getValue().equals(SUBSCRIPTION) ? "PUT" : "POST";
            GatewayResponse response = server.gateway().handle(new IncomingRequest(method, route.getKey(), "",
                    Map.of("content-type", List.of("application/json")), "{\"status\": \"inactive\"}".getBytes(StandardCharsets.UTF_8),
                    remote, "HTTP/1.1"));
            conforms(method, route.getValue(), response.status(), name -> first(response.headers(), name), response.bodyText(), null);
            assertThat(response.status()).isEqualTo(403);
            assertThat(JSON.readTree(response.bodyText()).path("code").asText()).isEqualTo("forbidden");
        }
    }

    @Test
    @Order(12)
    void everyOperationsSuccessWasValidated() {
        for (boolean localOnly : new boolean[] {false, true}) {
            for (String routeKey : openapi.routeKeys(localOnly)) {
                String method = routeKey.substring(0, routeKey.indexOf(' '));
                String path = routeKey.substring(routeKey.indexOf(' ') + 1);
                for (Iterator<String> statuses = openapi.operation(method, path).path("responses").fieldNames(); statuses.hasNext(); ) {
                    String status = statuses.next();
                    if (status.startsWith("2")) {
                        assertThat(checked).as("validated answers").contains(routeKey + " " + status);
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------

    /** Calls, checks the status and conformance, returns the body. */
    private JsonNode expect(int status, String method, String path, String template, String key, String idempotencyKey, String body)
            throws IOException, InterruptedException {
        HttpResponse<String> response = api.call(method, path).key(key).idempotencyKey(idempotencyKey)
                .body(body).send();
        conforms(method, template, response, status, body);
        return JSON.readTree(response.body());
    }

    private void conforms(String method, String template, HttpResponse<String> response, int status, String requestBody)
            throws IOException {
        assertThat(response.statusCode()).as(method + " " + template + ": " + response.body()).isEqualTo(status);
        conforms(method, template, response.statusCode(), name -> response.headers().firstValue(name), response.body(), requestBody);
    }

    private void conforms(String method, String template, int status, Function<String, Optional<String>> headers, String body,
                          String requestBody) throws IOException {
        String what = method + " " + template + " " + status;
        JsonNode documented = openapi.response(method, template, status);
        assertThat(headers.apply("Content-Type")).as(what).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        for (Iterator<Map.Entry<String, JsonNode>> it = documented.path("headers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> header = it.next();
            JsonNode spec = openapi.resolve(header.getValue());
            Optional<String> value = headers.apply(header.getKey());
            if (spec.path("required").asBoolean(false)) {
                assertThat(value).as(what + " header " + header.getKey()).isPresent();
            }
            if (value.isPresent() && spec.path("schema").has("const")) {
                assertThat(value.get()).as(what + " header " + header.getKey()).isEqualTo(spec.path("schema").path("const").asText());
            }
        }
        assertValid(openapi.jsonSchemaName(documented), JSON.readTree(body), what + ": " + body);
        checked.add(method + " " + template + " " + status);

        if (status < 300 && requestBody != null) {
            JsonNode requestSpec = openapi.resolve(openapi.operation(method, template).path("requestBody"));
            assertValid(openapi.jsonSchemaName(requestSpec), JSON.readTree(requestBody), what + " request " + requestBody);
        }
    }

    private void assertValid(String schema, JsonNode instance, String what) {
        Set<ValidationMessage> problems = openapi.validate(schema, instance);
        assertThat(problems).as(what + " against " + schema).isEmpty();
    }

    private static Optional<String> first(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name) && !h.getValue().isEmpty())
                .map(h -> h.getValue().get(0)).findFirst();
    }
}
