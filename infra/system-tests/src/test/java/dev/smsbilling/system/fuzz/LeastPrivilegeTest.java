package dev.smsbilling.system.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smsbilling.billing.store.BeginResult.Started;
import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.billing.store.Idempotency;
import dev.smsbilling.billing.store.dynamodb.DynamoDbBillingStore;
import dev.smsbilling.endpoint.RealDynamoDb;
import dev.smsbilling.endpoint.TestTable;
import dev.smsbilling.http.Sha256;
import dev.smsbilling.local.HandlerFactory;
import dev.smsbilling.local.TransformedTemplate;
import dev.smsbilling.template.FunctionSpec;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Each function's IAM role, as SAM generates it from template.yaml, allows exactly what its code
 * does to the table (each action on the table or on its index) and nothing beyond the
 * allow-list kept beside this test (least-privilege.json). What the code does is
 * recorded on the wire: every function of the local API gets its own recording proxy in front
 * of the table, and a flow through every route drives each store call (successes, replays,
 * refusals, declines, unknown accounts).
 */
@RealDynamoDb
class LeastPrivilegeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Object CONSTRUCTION = new Object();

    @Test
    void everyFunctionIsGrantedWhatItsCodeUsesAndNothingBeyondTheAllowList(TestTable table) throws IOException {
        Assumptions.assumeTrue(System.getenv("DYNAMODB_ENDPOINT") == null,
                "DYNAMODB_ENDPOINT is set in the environment, which the handlers read before the recording proxy");
        Map<String, DynamoDbRecorder> recorders = new ConcurrentHashMap<>();
        URI endpoint = table.endpoint().uri();
        HandlerFactory recording = function -> {
            DynamoDbRecorder recorder = recorders.computeIfAbsent(function.name(), name -> DynamoDbRecorder.start(endpoint));
            // Handlers read the endpoint once, when constructed: each function gets its own proxy.
            synchronized (CONSTRUCTION) {
                System.setProperty("DYNAMODB_ENDPOINT", recorder.uri().toString());
                try {
                    return HandlerFactory.byClassName().create(function);
                } finally {
                    System.setProperty("DYNAMODB_ENDPOINT", endpoint.toString());
                }
            }
        };
        try (TestApi api = TestApi.start(table, recording, line -> { })) {
            everyRoute(api, table);
            TransformedTemplate cfn = TransformedTemplate.ofRepository();
            JsonNode allowList = allowList();
            List<String> problems = new ArrayList<>();
            Map<String, String> report = new TreeMap<>();
            for (FunctionSpec function : api.template.functions()) {
                String name = function.name();
                Set<String> granted = tableGrants(cfn, name, problems);
                DynamoDbRecorder recorder = recorders.get(name);
                Set<String> used = recorder == null ? Set.of() : recorder.grants();
                if (!allowList.has(name)) {
                    problems.add(name + " has no entry in least-privilege.json: add the actions it may be granted");
                    continue;
                }
                Set<String> allowed = new TreeSet<>();
                allowList.get(name).forEach(action -> allowed.add(action.asText()));
                for (String grant : granted) {
                    if (!allowed.contains(grant.substring(0, grant.indexOf(' ')))) {
                        problems.add(name + " is granted " + grant + ", which least-privilege.json does not allow");
                    }
                    if (!used.contains(grant)) {
                        problems.add(name + " is granted " + grant + ", which its code never uses");
                    }
                }
                for (String grant : used) {
                    if (!granted.contains(grant)) {
                        problems.add(name + " calls " + grant + " but its role does not allow it");
                    }
                }
                report.put(name, "granted and used " + granted);
            }
            report.forEach((name, line) -> System.out.println("[least-privilege] " + name + ": " + line));
            assertThat(problems).isEmpty();
            assertThat(recorders.keySet()).as("functions that reached the table")
                    .contains("AuthorizerFunction", "AccountFunction", "AddFundsFunction", "SendChargeFunction", "AutoChargeFunction");
        } finally {
            recorders.values().forEach(DynamoDbRecorder::close);
        }
    }

    /** Drives each store call: successes, replays, refusals, declines and unknown accounts. */
    private static void everyRoute(TestApi api, TestTable table) {
        Tenants.Tenant a = api.createAccount("active");
        Tenants.Tenant broke = api.createAccount("active");
        Tenants.Tenant lapsed = api.createAccount("inactive");
        api.call("GET", "/v1/billing/balance").key("key_unknown_to_the_table").send();
        String funds = "{\"amountMicros\":20000000,\"paymentMethod\":\"pm_card_visa\"}";
        api.call("POST", "/v1/billing/funds").key(a.key()).idempotencyKey("lp-1").body(funds).send();
        api.call("POST", "/v1/billing/funds").key(a.key()).idempotencyKey("lp-1").body(funds).send(); // replay
        api.call("POST", "/v1/billing/funds").key(a.key()).idempotencyKey("lp-1")
                .body(funds.replace("20000000", "30000000")).send(); // reused key
        api.call("POST", "/v1/billing/funds").key(a.key()).idempotencyKey("lp-2")
                .body(funds.replace("pm_card_visa", "pm_card_chargeDeclined")).send();
        api.call("POST", "/v1/billing/funds").key(lapsed.key()).idempotencyKey("lp-3").body(funds).send();
        String message = "{\"content\":\"hello\",\"from\":\"+14155550100\",\"to\":[\"+14155552671\"]}";
        api.call("POST", "/v1/messages/quote").key(a.key()).body(message).send();
        api.call("GET", "/v1/pricing/rates?country=GB").key(a.key()).send();
        api.call("POST", "/v1/messages").key(a.key()).body(message).send();
        api.call("POST", "/v1/messages").key(a.key()).idempotencyKey("lp-4").body(message).send();
        api.call("POST", "/v1/messages").key(a.key()).idempotencyKey("lp-4").body(message).send(); // replay
        api.call("POST", "/v1/messages").key(a.key()).idempotencyKey("lp-4")
                .body(message.replace("hello", "bye")).send(); // reused key
        api.call("POST", "/v1/messages").key(a.key()).idempotencyKey("lp-5")
                .body(message.replace("+14155552671", "+99912345678")).send();
        api.call("POST", "/v1/messages").key(broke.key()).idempotencyKey("lp-6").body(message).send();
        api.call("POST", "/v1/messages").key(lapsed.key()).body(message).send();
        api.call("GET", "/v1/billing/balance").key(a.key()).send();
        api.call("GET", "/v1/billing/transactions?limit=1").key(a.key()).send();
        api.call("GET", "/v1/billing/transactions?limit=1&cursor=" + api.secondPageCursor(a.key())).key(a.key()).send();
        api.call("PUT", "/v1/billing/auto-charge").key(a.key())
                .body("{\"enabled\":true,\"thresholdMicros\":5000000,\"amountMicros\":20000000,\"paymentMethod\":\"pm_card_visa\"}")
                .send();
        // A threshold above the balance makes the account due: the scheduled run then claims, charges and credits it.
        api.call("PUT", "/v1/billing/auto-charge").key(a.key())
                .body("{\"enabled\":true,\"thresholdMicros\":1000000000,\"amountMicros\":20000000,\"paymentMethod\":\"pm_card_visa\"}")
                .send();
        deadTopUp(table, a.id());
        api.call("POST", "/internal/run/auto-charge").body("{}").send();
        api.call("PUT", "/internal/accounts/" + lapsed.id() + "/subscription").body("{\"status\":\"active\"}").send();
        api.call("PUT", "/internal/accounts/BA00000000000000000000000000000000/subscription")
                .body("{\"status\":\"active\"}").send();
    }

    /**
     * A top-up whose invocation died ten minutes ago after marking its charge as about to be
     * sent, and never sent it: the scheduled run's sweep finds it charged nowhere and releases
     * its key. Written on the table directly, as set-up, so no function's recorder sees it.
     */
    private static void deadTopUp(TestTable table, String accountId) {
        BillingStore tenMinutesAgo = new DynamoDbBillingStore(table.client(), table.name(),
                Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10)));
        Idempotency key = new Idempotency("lp-dead", Sha256.hex("a top-up that died before its charge left"));
        Started hold = (Started) tenMinutesAgo.beginIdempotentRequest(accountId, key, Duration.ofSeconds(30));
        assertThat(tenMinutesAgo.startCharge(accountId, key, hold)).isTrue();
    }

    /**
     * What the function's role, as SAM generates it, allows on the table, in the recorder's
     * terms ("dynamodb:GetItem on table"); a DynamoDB grant on anything but the table or its
     * index, and any wildcard action, is a problem.
     */
    private static Set<String> tableGrants(TransformedTemplate cfn, String function, List<String> problems) {
        Set<String> grants = new TreeSet<>();
        for (JsonNode statement : cfn.allowStatementsOf(function)) {
            for (JsonNode action : TransformedTemplate.asList(statement.path("Action"))) {
                if (action.asText().contains("*")) {
                    problems.add(function + " is granted the wildcard " + action.asText());
                }
                if (!action.asText().startsWith("dynamodb:")) {
                    continue;
                }
                for (JsonNode resource : TransformedTemplate.asList(statement.path("Resource"))) {
                    String onTable = tableResource(resource);
                    if (onTable == null) {
                        problems.add(function + " is granted " + action.asText() + " on " + resource + ", which is not the billing table");
                    } else {
                        grants.add(action.asText() + " on " + onTable);
                    }
                }
            }
        }
        return grants;
    }

    /** "table" for {@code Fn::GetAtt [BillingTable, Arn]}, "table/index/x" for {@code Fn::Sub ${BillingTable.Arn}/index/x}. */
    private static String tableResource(JsonNode resource) {
        if (resource.path("Fn::GetAtt").toString().equals("[\"BillingTable\",\"Arn\"]")) {
            return "table";
        }
        String sub = resource.path("Fn::Sub").asText("");
        return sub.startsWith("${BillingTable.Arn}/index/") ? "table/" + sub.substring("${BillingTable.Arn}/".length()) : null;
    }

    private static JsonNode allowList() throws IOException {
        try (InputStream in = LeastPrivilegeTest.class.getResourceAsStream("least-privilege.json")) {
            assertThat(in).as("least-privilege.json beside this test").isNotNull();
            return JSON.readTree(in);
        }
    }
}
