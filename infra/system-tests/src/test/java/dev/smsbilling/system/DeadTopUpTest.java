package dev.smsbilling.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smsbilling.addfunds.AddFundsHandler;
import dev.smsbilling.autocharge.AutoChargeHandler;
import dev.smsbilling.billing.payment.sandbox.SandboxPaymentProcessor;
import dev.smsbilling.billing.store.dynamodb.DynamoDbBillingStore;
import dev.smsbilling.billing.testing.CrashAfterCharge;
import dev.smsbilling.endpoint.RealDynamoDb;
import dev.smsbilling.endpoint.TestTable;
import dev.smsbilling.local.HandlerFactory;
import dev.smsbilling.local.RealLocalApi;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A top-up whose invocation dies after the card was charged, and whose client never retries, as
 * a customer meets it over HTTP through the local API: the answer was a 500, yet the scheduled
 * run credits the top-up, the statement shows it, and a late retry with the same key replays it.
 * The invocation dies inside the real add-funds handler; the scheduled run is the real one, on a
 * clock ten minutes ahead, as it would run minutes later.
 */
@RealDynamoDb
class DeadTopUpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOP_UP = "{\"amountMicros\": 25000000, \"paymentMethod\": \"pm_card_visa\"}";

    @Test
    void aTopUpThatChargedAndDiedIsCreditedByTheScheduledRunAndReplayedToALateRetry(TestTable table) throws Exception {
        SandboxPaymentProcessor stripe = SandboxPaymentProcessor.shared();
        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10));
        HandlerFactory handlers = function -> switch (function.name()) {
            case "AddFundsFunction" -> new AddFundsHandler(new DynamoDbBillingStore(table.client(), table.name(), Clock.systemUTC()),
                    new CrashAfterCharge(stripe));
            case "AutoChargeFunction" -> new AutoChargeHandler(new DynamoDbBillingStore(table.client(), table.name(), later), stripe, later);
            default -> HandlerFactory.byClassName().create(function);
        };
        try (RealLocalApi api = RealLocalApi.start(table, handlers)) {
            String key = json(api.call("POST", "/internal/accounts").body("{\"subscription\": \"active\"}").send())
                    .path("data").path("apiKey").asText();
            int chargesBefore = stripe.charges().size();

            HttpResponse<String> died = api.call("POST", "/v1/billing/funds").key(key).idempotencyKey("dead-top-up")
                    .body(TOP_UP).send();
            assertThat(died.statusCode()).isEqualTo(500);
            assertThat(stripe.charges()).as("the card was charged").hasSize(chargesBefore + 1);
            String reference = stripe.charges().get(chargesBefore).reference();
            assertThat(balance(api, key)).as("and nothing credited yet").isZero();

            JsonNode run = json(api.call("POST", "/internal/run/auto-charge").body("{}").send());
            assertThat(run.path("topUps").path("credited").asInt()).isEqualTo(1);

            assertThat(balance(api, key)).isEqualTo(25_000_000);
            JsonNode entry = json(api.call("GET", "/v1/billing/transactions?limit=10")
                    .key(key).send()).path("data").path(0);
            assertThat(entry.path("type").asText()).isEqualTo("funds_added");
            assertThat(entry.path("paymentReference").asText()).isEqualTo(reference);
            HttpResponse<String> late = api.call("POST", "/v1/billing/funds").key(key).idempotencyKey("dead-top-up")
                    .body(TOP_UP).send();
            assertThat(late.statusCode()).as(late.body()).isEqualTo(201);
            assertThat(late.headers().firstValue("Idempotent-Replayed")).hasValue("true");
            assertThat(json(late).path("data").path("paymentReference").asText()).isEqualTo(reference);
            assertThat(json(late).path("data").path("transactionId").asText()).isEqualTo(entry.path("id").asText());
            assertThat(stripe.charges()).as("charged once in all").hasSize(chargesBefore + 1);
        }
    }

    private static long balance(RealLocalApi api, String key) throws Exception {
        return json(api.call("GET", "/v1/billing/balance").key(key).send()).path("data").path("balanceMicros").asLong();
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }
}
