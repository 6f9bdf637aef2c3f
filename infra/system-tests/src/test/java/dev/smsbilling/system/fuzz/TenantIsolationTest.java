package dev.smsbilling.system.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smsbilling.billing.store.Account;
import dev.smsbilling.endpoint.RealDynamoDb;
import dev.smsbilling.endpoint.TestTable;
import dev.smsbilling.template.RouteAuth;
import dev.smsbilling.template.RouteSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With B's key, A's ids, cursor, key and idempotency keys are tried in every header, query
 * parameter and body field of every /v1 route of the template, over HTTP: B only ever sees and
 * changes B's account, and A's idempotency key is a fresh key for B.
 */
@RealDynamoDb
class TenantIsolationTest {

    @Test
    void anotherTenantsIdsCursorsAndKeysReachNothingOfTheirs(TestTable testTable) {
        TableState table = new TableState(testTable);
        try (TestApi api = TestApi.start(testTable)) {
            Tenants.Tenant a = api.createAccount("active");
            Tenants.Tenant b = api.createAccount("active");
            api.fund(a.key(), 50_000_000, "a-fund-1");
            api.fund(a.key(), 50_000_000, "a-fund-2");
            api.fund(b.key(), 20_000_000, "b-fund-1");
            String message = "{\"content\":\"for A only\",\"from\":\"+14155550100\",\"to\":[\"+14155552671\"]}";
            Reply aSent = api.call("POST", "/v1/messages").key(a.key()).idempotencyKey("a-send-1").body(message).send();
            assertThat(aSent.status()).isEqualTo(202);
            Reply aSettings = api.call("PUT", "/v1/billing/auto-charge").key(a.key())
                    .body("{\"enabled\":true,\"thresholdMicros\":7000000,\"amountMicros\":30000000,\"paymentMethod\":\"pm_card_visa\"}")
                    .send();
            assertThat(aSettings.status()).isEqualTo(200);
            String aCursor = api.secondPageCursor(a.key());
            List<String> aSecrets = new ArrayList<>(List.of(a.id(), a.key(), aCursor,
                    aSent.json().path("data").path("id").asText()));
            api.call("GET", "/v1/billing/transactions?limit=100").key(a.key()).send().json().path("data")
                    .forEach(line -> aSecrets.add(line.path("id").asText()));
            Account aBefore = table.store().readAccount(a.id()).orElseThrow();

            // A's idempotency keys, with A's very bodies, are fresh keys for B: no replay of A's answers.
            Reply bSent = api.call("POST", "/v1/messages").key(b.key()).idempotencyKey("a-send-1").body(message).send();
            assertThat(bSent.status()).isEqualTo(202);
            assertThat(bSent.replayed()).isFalse();
            assertThat(bSent.json().path("data").path("id").asText()).isNotEqualTo(aSent.json().path("data").path("id").asText());
            Reply bFunded = api.call("POST", "/v1/billing/funds").key(b.key()).idempotencyKey("a-fund-1")
                    .body("{\"amountMicros\":50000000,\"paymentMethod\":\"pm_card_visa\"}").send();
            assertThat(bFunded.status()).isEqualTo(201);
            assertThat(bFunded.replayed()).isFalse();
            System.out.println("[isolation] A's Idempotency-Keys used by B: fresh keys for B (202 and 201, not replayed)");

            // A's cursor is refused to B, whatever else the query says.
            Reply foreignCursor = api.call("GET", "/v1/billing/transactions?cursor=" + aCursor).key(b.key()).send();
            assertThat(foreignCursor.status()).isEqualTo(400);
            assertThat(foreignCursor.json().path("errors").get(0).path("path").asText()).isEqualTo("cursor");

            int attempts = 0;
            List<String> problems = new ArrayList<>();
            for (RouteSpec route : api.template.routes()) {
                if (!(route.auth() instanceof RouteAuth.Lambda)) {
                    continue;
                }
                for (Map.Entry<String, String> injection : injections(a, aCursor).entrySet()) {
                    for (String where : List.of("query", "header", "body")) {
                        attempts++;
                        Reply reply = send(api, route, b, injection.getKey(), injection.getValue(), where, attempts);
                        String text = reply.text();
                        for (String secret : aSecrets) {
                            if (text.contains(secret)) {
                                problems.add(route.routeKey() + " with A's " + injection.getKey() + " in the " + where
                                        + " answered something of A's: " + text);
                            }
                        }
                        if (reply.status() >= 500) {
                            problems.add(route.routeKey() + " answered " + reply.status());
                        }
                    }
                }
            }
            Account aAfter = table.store().readAccount(a.id()).orElseThrow();
            assertThat(problems).isEmpty();
            assertThat(aAfter).as("A's account after B's attempts").isEqualTo(aBefore);
            System.out.printf("[isolation] %d requests with B's key carrying A's id, key, cursor or idempotency key in a header,"
                    + " the query or the body of every /v1 route: none answered anything of A's; A's balance (%d), ledger (%d entries),"
                    + " auto-charge and subscription unchanged%n", attempts, aAfter.balanceMicros(), aAfter.seq());
        }
    }

    private static Map<String, String> injections(Tenants.Tenant a, String aCursor) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("accountId", a.id());
        values.put("apiKey", a.key());
        values.put("cursor", aCursor);
        values.put("idempotencyKey", "a-fund-2");
        return values;
    }

    /** B's valid request for the route, with A's value added under every name an API might read it by. */
    private static Reply send(TestApi api, RouteSpec route, Tenants.Tenant b, String name, String value, String where, int n) {
        String body = switch (route.routeKey()) {
            case "POST /v1/messages", "POST /v1/messages/quote" ->
                    "{\"content\":\"from B\",\"from\":\"+14155550100\",\"to\":[\"+14155552671\"]";
            case "POST /v1/billing/funds" -> "{\"amountMicros\":5000000,\"paymentMethod\":\"pm_card_visa\"";
            case "PUT /v1/billing/auto-charge" ->
                    "{\"enabled\":true,\"thresholdMicros\":2000000,\"amountMicros\":10000000,\"paymentMethod\":\"pm_card_visa\"";
            default -> route.method().equals("GET") ? null : "{\"x\":1";
        };
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Authorization", b.key());
        headers.put("Idempotency-Key", "b-" + n);
        String query = "";
        if (where.equals("query")) {
            query = "accountId=" + value + "&account=" + value + "&" + name + "=" + value;
        } else if (where.equals("header")) {
            headers.put("X-Account-Id", value);
            headers.put("X-Api-Key", value);
            if (name.equals("idempotencyKey")) {
                headers.put("Idempotency-Key", value);
            }
        } else if (body != null) {
            body += ",\"accountId\":\"" + value + "\",\"account\":{\"id\":\"" + value + "\"},\"" + name + "\":\"" + value + "\"";
        }
        String json = body == null ? null : body + "}";
        FuzzRequest request = new FuzzRequest(route.routeKey(), route.method(), route.path(), query, headers,
                json == null ? null : json.getBytes(java.nio.charset.StandardCharsets.UTF_8), FuzzRequest.Expect.either(),
                b.key(), "isolation");
        try {
            return api.http.send(request);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
