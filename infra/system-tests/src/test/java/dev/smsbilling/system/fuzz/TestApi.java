package dev.smsbilling.system.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smsbilling.endpoint.Repository;
import dev.smsbilling.endpoint.TestTable;
import dev.smsbilling.local.ApiCall;
import dev.smsbilling.local.HandlerFactory;
import dev.smsbilling.local.LocalServer;
import dev.smsbilling.local.RealLocalApi;
import dev.smsbilling.system.fuzz.FuzzRequest.Expect;
import dev.smsbilling.template.SamTemplate;
import dev.smsbilling.template.TemplateReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The local API of template.yaml on a test's own table, with the real handlers and authorizer,
 * and the calls the security tests make through it (over HTTP unless a test says otherwise).
 */
final class TestApi implements AutoCloseable {
    private final LocalServer server;
    final SamTemplate template;
    final Wire http;
    final Wire inProcess;

    private TestApi(LocalServer server, SamTemplate template) {
        this.server = server;
        this.template = template;
        this.http = Wire.http(server);
        this.inProcess = Wire.inProcess(server);
    }

    static TestApi start(TestTable table) {
        return start(table, HandlerFactory.byClassName(), line -> { });
    }

    /** What LocalApi publishes for the handlers, pointed at the test's table. */
    static TestApi start(TestTable table, HandlerFactory handlers, Consumer<String> requestLog) {
        SamTemplate template = TemplateReader.read(Repository.template());
        return new TestApi(RealLocalApi.serve(template, table, handlers, requestLog), template);
    }

    /** A request over real HTTP; set its key, Idempotency-Key and body, then {@code send()}. */
    ApiCall<Reply> call(String method, String target) {
        return call(http, method, target);
    }

    /** A request over {@code wire}: real HTTP, or the gateway in-process. */
    ApiCall<Reply> call(Wire wire, String method, String target) {
        return new ApiCall<>(method, target, call -> {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json");
            call.apiKey().ifPresent(key -> headers.put("Authorization", key));
            call.idempotencyKey().ifPresent(key -> headers.put("Idempotency-Key", key));
            int q = target.indexOf('?');
            FuzzRequest request = new FuzzRequest(method + " " + target, method, q < 0 ? target : target.substring(0, q),
                    q < 0 ? "" : target.substring(q + 1), headers,
                    call.body().map(b -> b.getBytes(StandardCharsets.UTF_8)).orElse(null),
                    Expect.either(), call.apiKey().orElse(null), "call");
            return wire.send(request);
        });
    }

    Tenants.Tenant createAccount(String subscription) {
        Reply created = call("POST", "/internal/accounts").body("{\"subscription\":\"" + subscription + "\"}").send();
        if (created.status() != 201) {
            throw new AssertionError("POST /internal/accounts answered " + created.status() + " " + created.text());
        }
        JsonNode data = created.json().path("data");
        return new Tenants.Tenant(data.path("accountId").asText(), data.path("apiKey").asText(), null);
    }

    JsonNode fund(String apiKey, long micros, String idempotencyKey) {
        Reply funded = call("POST", "/v1/billing/funds").key(apiKey).idempotencyKey(idempotencyKey)
                .body("{\"amountMicros\":" + micros + ",\"paymentMethod\":\"pm_card_visa\"}").send();
        if (funded.status() != 201) {
            throw new AssertionError("funding answered " + funded.status() + " " + funded.text());
        }
        return funded.json().path("data");
    }

    /** The cursor of the statement's second page: the account needs two entries or more. */
    String secondPageCursor(String apiKey) {
        Reply page = call("GET", "/v1/billing/transactions?limit=1").key(apiKey).send();
        String cursor = page.json().path("nextCursor").asText(null);
        if (cursor == null) {
            throw new AssertionError("no second page: " + page.text());
        }
        return cursor;
    }

    /** A with plenty of credit, B with a little, C to have its subscription switched; both A and B with a cursor. */
    Tenants tenants() {
        Tenants.Tenant a = createAccount("active");
        Tenants.Tenant b = createAccount("active");
        Tenants.Tenant c = createAccount("active");
        for (int i = 0; i < 3; i++) {
            fund(a.key(), 5_000_000_000L, "setup-a-" + i);
        }
        fund(b.key(), 50_000_000, "setup-b-0");
        fund(b.key(), 50_000_000, "setup-b-1");
        List<String> destinations = new ArrayList<>();
        for (String number : List.of("+14155552671", "+447400123456", "+16135550123", "+12125550123", "+4915112345678")) {
            Reply quote = call("POST", "/v1/messages/quote").key(a.key())
                    .body("{\"content\":\"x\",\"to\":[\"" + number + "\"]}").send();
            if (quote.status() == 200) {
                destinations.add(number);
            }
        }
        if (destinations.isEmpty()) {
            throw new AssertionError("no destination could be quoted");
        }
        return new Tenants(new Tenants.Tenant(a.id(), a.key(), secondPageCursor(a.key())),
                new Tenants.Tenant(b.id(), b.key(), secondPageCursor(b.key())), c, List.copyOf(destinations));
    }

    @Override
    public void close() {
        server.close();
    }
}
