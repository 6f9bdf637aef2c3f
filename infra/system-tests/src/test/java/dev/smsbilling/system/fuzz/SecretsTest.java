package dev.smsbilling.system.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smsbilling.endpoint.RealDynamoDb;
import dev.smsbilling.endpoint.TestTable;
import dev.smsbilling.http.auth.ApiKeys;
import dev.smsbilling.local.HandlerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Secrets stay secret: API keys are stored only as hashes, a revoked key stops working, and
 * nothing the functions or the local API log during a whole flow contains a key, a payment
 * method or a message's text.
 */
@RealDynamoDb
class SecretsTest {
    private static final String TEXT = "Your one-time code is 918273, do not share it";

    @Test
    void keysAreHashedRevocationWorksAndLogsCarryNoSecrets(TestTable testTable) {
        TableState table = new TableState(testTable);
        List<String> keys = new ArrayList<>();
        try (LogTap log = LogTap.start(20)) {
            log.secret("pm_card_visa");
            log.secret(TEXT);
            try (TestApi api = TestApi.start(testTable, HandlerFactory.byClassName(), System.out::println)) {
                Tenants.Tenant a = api.createAccount("active");
                Tenants.Tenant b = api.createAccount("active");
                Tenants.Tenant lapsed = api.createAccount("inactive");
                keys.addAll(List.of(a.key(), b.key(), lapsed.key()));
                keys.forEach(log::secret);
                String funds = "{\"amountMicros\":20000000,\"paymentMethod\":\"pm_card_visa\"}";
                api.fund(a.key(), 20_000_000, "topup-1");
                api.call("POST", "/v1/billing/funds").key(a.key()).idempotencyKey("topup-1").body(funds).send();
                api.call("POST", "/v1/billing/funds").key(a.key()).idempotencyKey("topup-2")
                        .body(funds.replace("pm_card_visa", "pm_card_chargeDeclined")).send();
                api.call("POST", "/v1/billing/funds").key(lapsed.key()).idempotencyKey("topup-3").body(funds).send();
                api.call("POST", "/v1/billing/funds").key(a.key()).idempotencyKey("topup-4")
                        .body("{\"amountMicros\":1,\"paymentMethod\":\"pm_card_visa\"}").send();
                String message = "{\"content\":\"" + TEXT + "\",\"from\":\"+14155550100\",\"to\":[\"+447400123456\"]}";
                api.call("POST", "/v1/messages/quote").key(a.key()).body(message).send();
                api.call("POST", "/v1/messages").key(a.key()).idempotencyKey("send-1").body(message).send();
                api.call("POST", "/v1/messages").key(a.key()).idempotencyKey("send-1").body(message).send();
                api.call("POST", "/v1/messages").key(b.key()).body(message).send();
                api.call("POST", "/v1/messages").key(a.key())
                        .body(message.replace("+447400123456", "+99912345678")).send();
                api.call("POST", "/v1/messages").key(a.key())
                        .body("{\"content\":\"" + TEXT + "\",\"to\":\"broken").send();
                api.call("PUT", "/v1/billing/auto-charge").key(a.key())
                        .body("{\"enabled\":true,\"thresholdMicros\":5000000,\"amountMicros\":20000000,\"paymentMethod\":\"pm_card_visa\"}")
                        .send();
                api.call("GET", "/v1/billing/balance").key(a.key()).send();
                api.call("GET", "/v1/billing/transactions?limit=1").key(a.key()).send();
                api.call("GET", "/v1/billing/balance").key("Bearer " + a.key() + "x").send();
                api.call("GET", "/v1/nothing?key=" + a.key()).key(a.key()).send();

                // Revoked through the store: the local API cached the key's answer, as API Gateway
                // does for ReauthorizeEvery (300 s in template.yaml), so here it still works...
                assertThat(table.store().revokeApiKey(ApiKeys.hash(a.key()))).isTrue();
                assertThat(api.call("GET", "/v1/billing/balance").key(a.key()).send().status()).isEqualTo(200);
                // ...while a key revoked before its first use is refused at once,
                assertThat(table.store().revokeApiKey(ApiKeys.hash(b.key()))).isTrue();
                assertThat(api.call("GET", "/v1/billing/balance")
                        .key("Bearer " + b.key()).send().status()).isEqualTo(401);
            }
            // ...and a fresh gateway, like a cache entry that expired, refuses the revoked key.
            try (TestApi fresh = TestApi.start(testTable, HandlerFactory.byClassName(), System.out::println)) {
                Reply revoked = fresh.call("GET", "/v1/billing/balance").key(keys.get(0)).send();
                assertThat(revoked.status()).isEqualTo(401);
                assertThat(revoked.json().path("code").asText()).isEqualTo("unauthorized");
                assertThat(fresh.call("POST", "/v1/messages").key(keys.get(0))
                        .body("{}").send().status()).isEqualTo(401);
            }
            log.say("[secrets] a revoked key: refused by a fresh gateway; within ReauthorizeEvery a gateway that "
                    + "cached it still lets it through (in AWS, up to 300 s after revocation)");
            assertThat(log.leaks()).as("log lines with a key, a payment method or a message text").isEmpty();
            log.say("[secrets] " + log.lines() + " log lines of the flow checked: no API key, no pm_card_visa, no message text");
        }

        List<Map<String, AttributeValue>> items = table.allItems();
        List<String> leaks = new ArrayList<>();
        int hashed = 0;
        for (Map<String, AttributeValue> item : items) {
            String text = item.toString();
            for (String key : keys) {
                if (text.contains(key) || text.contains(key.substring(4))) {
                    leaks.add(item.get("pk") + "/" + item.get("sk"));
                }
                hashed += item.get("pk").s().equals("APIKEY#" + ApiKeys.hash(key)) ? 1 : 0;
            }
        }
        assertThat(hashed).as("key items found by their hash").isEqualTo(keys.size());
        assertThat(leaks).as("items holding an API key in clear").isEmpty();
        System.out.println("[secrets] " + items.size() + " items scanned: no attribute holds any of the " + keys.size()
                + " issued keys; each key is found only as its SHA-256");
    }
}
