package dev.smsbilling.local.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.smsbilling.endpoint.RealDynamoDb;
import dev.smsbilling.endpoint.Repository;
import dev.smsbilling.endpoint.TestTable;
import dev.smsbilling.local.FunctionSpec;
import dev.smsbilling.local.HandlerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
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
 * Each function's IAM policy in template.yaml grants what its code does to the table and nothing
 * beyond the allow-list kept beside this test (least-privilege.json). What the code does is
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
            everyRoute(api);
            JsonNode resources = new YAMLMapper().readTree(Repository.template().toFile()).path("Resources");
            JsonNode allowList = allowList();
            List<String> problems = new ArrayList<>();
            Map<String, String> report = new TreeMap<>();
            for (FunctionSpec function : api.template.functions()) {
                String name = function.name();
                Set<String> granted = new TreeSet<>();
                List<String> grantedResources = new ArrayList<>();
                policies(resources.path(name).path("Properties").path("Policies"), name, granted, grantedResources, problems);
                DynamoDbRecorder recorder = recorders.get(name);
                Set<String> used = recorder == null ? Set.of() : recorder.actions();
                if (!allowList.has(name)) {
                    problems.add(name + " has no entry in least-privilege.json: add the actions it may be granted");
                    continue;
                }
                Set<String> allowed = new TreeSet<>();
                allowList.get(name).forEach(action -> allowed.add(action.asText()));
                for (String action : granted) {
                    if (!allowed.contains(action)) {
                        problems.add(name + " is granted " + action + ", which least-privilege.json does not allow");
                    }
                }
                for (String action : used) {
                    if (!granted.contains(action)) {
                        problems.add(name + " calls " + action + " but its policy does not grant it");
                    }
                }
                if (recorder != null && !recorder.indexes().isEmpty()
                        && grantedResources.stream().noneMatch(resource -> resource.contains("/index/"))) {
                    problems.add(name + " reads the index " + recorder.indexes() + " but its policy names no index ARN");
                }
                Set<String> unused = new TreeSet<>(granted);
                unused.removeAll(used);
                report.put(name, "granted " + granted + ", used " + used + (unused.isEmpty() ? "" : ", granted but not exercised " + unused));
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
    private static void everyRoute(TestApi api) {
        Tenants.Tenant a = api.createAccount("active");
        Tenants.Tenant broke = api.createAccount("active");
        Tenants.Tenant lapsed = api.createAccount("inactive");
        api.call("GET", "/v1/billing/balance", "key_unknown_to_the_table", null, null);
        String funds = "{\"amountMicros\":20000000,\"paymentMethod\":\"pm_card_visa\"}";
        api.call("POST", "/v1/billing/funds", a.key(), "lp-1", funds);
        api.call("POST", "/v1/billing/funds", a.key(), "lp-1", funds); // replay
        api.call("POST", "/v1/billing/funds", a.key(), "lp-1", funds.replace("20000000", "30000000")); // reused key
        api.call("POST", "/v1/billing/funds", a.key(), "lp-2", funds.replace("pm_card_visa", "pm_card_chargeDeclined"));
        api.call("POST", "/v1/billing/funds", lapsed.key(), "lp-3", funds);
        String message = "{\"content\":\"hello\",\"from\":\"+14155550100\",\"to\":[\"+14155552671\"]}";
        api.call("POST", "/v1/messages/quote", a.key(), null, message);
        api.call("GET", "/v1/pricing/rates?country=GB", a.key(), null, null);
        api.call("POST", "/v1/messages", a.key(), null, message);
        api.call("POST", "/v1/messages", a.key(), "lp-4", message);
        api.call("POST", "/v1/messages", a.key(), "lp-4", message); // replay
        api.call("POST", "/v1/messages", a.key(), "lp-4", message.replace("hello", "bye")); // reused key
        api.call("POST", "/v1/messages", a.key(), "lp-5", message.replace("+14155552671", "+99912345678"));
        api.call("POST", "/v1/messages", broke.key(), "lp-6", message);
        api.call("POST", "/v1/messages", lapsed.key(), null, message);
        api.call("GET", "/v1/billing/balance", a.key(), null, null);
        api.call("GET", "/v1/billing/transactions?limit=1", a.key(), null, null);
        api.call("GET", "/v1/billing/transactions?limit=1&cursor=" + api.secondPageCursor(a.key()), a.key(), null, null);
        api.call("PUT", "/v1/billing/auto-charge", a.key(), null,
                "{\"enabled\":true,\"thresholdMicros\":5000000,\"amountMicros\":20000000,\"paymentMethod\":\"pm_card_visa\"}");
        // A threshold above the balance makes the account due: the scheduled run then claims, charges and credits it.
        api.call("PUT", "/v1/billing/auto-charge", a.key(), null,
                "{\"enabled\":true,\"thresholdMicros\":1000000000,\"amountMicros\":20000000,\"paymentMethod\":\"pm_card_visa\"}");
        api.call("POST", "/internal/run/auto-charge", null, null, "{}");
        api.call("PUT", "/internal/accounts/" + lapsed.id() + "/subscription", null, null, "{\"status\":\"active\"}");
        api.call("PUT", "/internal/accounts/BA00000000000000000000000000000000/subscription", null, null, "{\"status\":\"active\"}");
    }

    private static void policies(JsonNode policies, String function, Set<String> granted, List<String> resources,
                                 List<String> problems) {
        for (JsonNode policy : policies) {
            if (!policy.has("Statement")) {
                problems.add(function + " has a policy that is not an explicit Statement (" + policy
                        + "): name the actions, so that they can be checked");
                continue;
            }
            for (JsonNode statement : policy.get("Statement")) {
                if (!"Allow".equals(statement.path("Effect").asText())) {
                    continue;
                }
                List<String> actions = new ArrayList<>();
                JsonNode action = statement.path("Action");
                if (action.isArray()) {
                    action.forEach(a -> actions.add(a.asText()));
                } else {
                    actions.add(action.asText());
                }
                List<String> statementResources = new ArrayList<>();
                JsonNode resource = statement.path("Resource");
                if (resource.isArray()) {
                    resource.forEach(r -> statementResources.add(r.toString()));
                } else {
                    statementResources.add(resource.toString());
                }
                for (String a : actions) {
                    if (a.contains("*")) {
                        problems.add(function + " is granted the wildcard " + a);
                    }
                    if (a.startsWith("dynamodb:")) {
                        granted.add(a);
                        if (statementResources.stream().anyMatch(r -> r.equals("\"*\""))) {
                            problems.add(function + " is granted " + a + " on every resource");
                        }
                    }
                }
                resources.addAll(statementResources);
            }
        }
    }

    private static JsonNode allowList() throws IOException {
        try (InputStream in = LeastPrivilegeTest.class.getResourceAsStream("least-privilege.json")) {
            assertThat(in).as("least-privilege.json beside this test").isNotNull();
            return JSON.readTree(in);
        }
    }
}
