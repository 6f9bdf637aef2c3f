package dev.smsbilling.bench.coldstart;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smsbilling.billing.store.Account;
import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.billing.store.Credit;
import dev.smsbilling.billing.store.Deadline;
import dev.smsbilling.billing.store.EntryType;
import dev.smsbilling.billing.store.StoredResponse;
import dev.smsbilling.billing.store.Subscription;
import dev.smsbilling.billing.store.dynamodb.DynamoDbBillingStore;
import dev.smsbilling.http.auth.ApiKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Makes the sample events' happy path true in the benchmark table: the accounts their
 * authorizer context names exist with an active subscription and $10 of credit, and the API
 * key of the authorizer event belongs to the most used of them. An account is opened through
 * the store (so its items are what the code writes), then copied under each event's id.
 *
 * <p>Before every cold start, the idempotency records of the events' keys are deleted, so every
 * repetition takes the first-time path instead of a replay.
 */
final class Seeder {
    static final long CREDIT_MICROS = 10_000_000;

    private final DynamoDbClient dynamo;
    private final String table;
    private final List<Map<String, AttributeValue>> idempotencyKeys = new ArrayList<>();

    Seeder(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** @return what was seeded, for the report */
    String seed(Map<String, JsonNode> events) {
        Map<String, Integer> accounts = new LinkedHashMap<>();
        String apiKey = null;
        for (JsonNode event : events.values()) {
            String account = event.path("requestContext").path("authorizer").path("lambda").path("accountId").asText("");
            if (!account.isEmpty()) {
                accounts.merge(account, 1, Integer::sum);
                String key = event.path("headers").path("idempotency-key").asText("");
                if (!key.isEmpty()) {
                    idempotencyKeys.add(Map.of("pk", AttributeValue.fromS("ACCOUNT#" + account),
                            "sk", AttributeValue.fromS("IDEMPOTENCY#" + key)));
                }
            }
            if ("REQUEST".equals(event.path("type").asText())) {
                apiKey = event.path("headers").path("authorization").asText(null);
            }
        }
        if (accounts.isEmpty()) {
            return "nothing (no event names an account)";
        }
        String owner = accounts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        BillingStore store = new DynamoDbBillingStore(dynamo, table, Clock.systemUTC());
        String hash = ApiKeys.hash(apiKey != null ? apiKey : ApiKeys.generate());
        Account template = store.createAccount(Subscription.ACTIVE, hash);
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(Map.of(
                "pk", AttributeValue.fromS("ACCOUNT#" + template.id()), "sk", AttributeValue.fromS("ACCOUNT")))).item();
        for (String account : accounts.keySet()) {
            Map<String, AttributeValue> copy = new HashMap<>(item);
            copy.put("pk", AttributeValue.fromS("ACCOUNT#" + account));
            dynamo.putItem(b -> b.tableName(table).item(copy));
            // A payment is credited once, to one account: each seeded account has its own.
            store.credit(account, new Credit(EntryType.FUNDS_ADDED, CREDIT_MICROS, "coldstart-seed-" + account), Optional.empty(),
                    entry -> new StoredResponse(201, "{}"), Deadline.within(Duration.ofSeconds(10)));
        }
        Map<String, AttributeValue> keyItem = new HashMap<>(dynamo.getItem(b -> b.tableName(table).key(Map.of(
                "pk", AttributeValue.fromS("APIKEY#" + hash), "sk", AttributeValue.fromS("APIKEY")))).item());
        keyItem.put("accountId", AttributeValue.fromS(owner));
        dynamo.putItem(b -> b.tableName(table).item(keyItem));
        return "accounts " + String.join(", ", accounts.keySet()) + " (active, $10 credit); the authorizer event's API key → " + owner;
    }

    /** Forgets the events' idempotency keys, so the next run is a first request again. */
    void resetIdempotency() {
        for (Map<String, AttributeValue> key : idempotencyKeys) {
            dynamo.deleteItem(b -> b.tableName(table).key(key));
        }
    }
}
