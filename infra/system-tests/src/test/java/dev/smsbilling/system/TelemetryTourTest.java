package dev.smsbilling.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smsbilling.http.testing.EmbeddedMetrics;
import dev.smsbilling.local.LocalApiProcess;
import dev.smsbilling.local.RealLocalApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's tour through the local API as a user runs it, and what the functions print on
 * the way: one JSON line per invocation that CloudWatch would take as a structured log entry and
 * as Embedded Metric Format metrics. Checked as an on-call engineer would read them, and as an
 * attacker would hope they are not: no key, no card token, no message text.
 */
class TelemetryTourTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEXT = "Your order 1043 has shipped";
    private static final String SEND = "{\"content\": \"" + TEXT + "\", \"from\": \"+14155550100\", \"to\": [\"+14155552671\"]}";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path logs;

    @Test
    void aTourLeavesOneValidLogAndMetricLinePerInvocationAndNoSecret() throws Exception {
        List<JsonNode> lines;
        String key;
        String accountId;
        long cost;
        try (LocalApiProcess api = LocalApiProcess.start(logs.resolve("local-api.log"))) {
            URI base = api.uri();
            key = api.after("API key: ").orElseThrow();
            accountId = api.after("Demo account ").orElseThrow().split(" ")[0];

            assertThat(RealLocalApi.call(http, base, "POST", "/v1/messages/quote").key(key)
                    .body(SEND).send().statusCode()).isEqualTo(200);
            HttpResponse<String> sent = RealLocalApi.call(http, base, "POST", "/v1/messages")
                    .key(key).idempotencyKey("order-1043")
                    .body(SEND).send();
            assertThat(sent.statusCode()).isEqualTo(202);
            cost = JSON.readTree(sent.body()).path("data").path("cost").path("costMicros").asLong();
            assertThat(RealLocalApi.call(http, base, "POST", "/v1/messages").key(key).idempotencyKey("order-1043")
                    .body(SEND).send().headers().firstValue("Idempotent-Replayed")).contains("true");
            assertThat(RealLocalApi.call(http, base, "POST", "/v1/messages").key(key)
                    .body(SEND.replace("}", ", \"media\": [\"x\"]}")).send().statusCode()).isEqualTo(400);
            assertThat(RealLocalApi.call(http, base, "GET", "/v1/billing/balance")
                    .key("key_not_issued").send().statusCode()).isEqualTo(401);
            assertThat(RealLocalApi.call(http, base, "POST", "/v1/billing/funds")
                    .key(key).idempotencyKey("topup-declined")
                    .body("{\"amountMicros\": 25000000, \"paymentMethod\": \"pm_card_chargeDeclined\"}")
                    .send().statusCode()).isEqualTo(402);
            assertThat(RealLocalApi.call(http, base, "POST", "/v1/billing/funds").key(key).idempotencyKey("topup-1")
                    .body("{\"amountMicros\": 25000000, \"paymentMethod\": \"pm_card_visa\"}")
                    .send().statusCode()).isEqualTo(201);
            assertThat(RealLocalApi.call(http, base, "GET", "/v1/billing/transactions?limit=10")
                    .key(key).send().statusCode()).isEqualTo(200);
            assertThat(RealLocalApi.call(http, base, "PUT", "/v1/billing/auto-charge").key(key)
                    .body("{\"enabled\": true, \"thresholdMicros\": 1000000000, \"amountMicros\": 20000000, \"paymentMethod\": \"pm_card_visa\"}")
                    .send()
                    .statusCode()).isEqualTo(200);
            assertThat(RealLocalApi.call(http, base, "POST", "/internal/run/auto-charge")
                    .body("{}").send().statusCode()).isEqualTo(200);
            api.close();
            List<String> output = api.output();
            lines = output.stream().map(EmbeddedMetrics::json).flatMap(java.util.Optional::stream)
                    .filter(line -> line.has("_aws")).toList();
            List<String> functionOutput = output.stream().filter(l -> l.startsWith("{")).toList();
            assertThat(functionOutput).as("what the functions print").isNotEmpty()
                    .noneMatch(l -> l.contains(key) || l.contains(TEXT) || l.contains("pm_card") || l.contains("order-1043")
                            || l.contains("topup-1"));
        }

        assertThat(lines).allSatisfy(line -> assertThat(EmbeddedMetrics.problems(line)).as(line.toString()).isEmpty());
        Set<String> requestIds = new HashSet<>();
        lines.forEach(line -> assertThat(requestIds.add(line.path("requestId").asText())).as("one line per invocation").isTrue());

        JsonNode send = only(lines, l -> l.path("route").asText().equals("POST /v1/messages") && l.path("code").asText().equals("ok"));
        assertThat(send.path("Service").asText()).isEqualTo("send-charge");
        assertThat(send.path("accountId").asText()).isEqualTo(accountId);
        assertThat(send.path("status").asInt()).isEqualTo(202);
        assertThat(EmbeddedMetrics.values(send)).containsEntry("SendsAccepted", 1L).containsEntry("MicrosCharged", cost)
                .containsKey("Latency");

        JsonNode replay = only(lines, l -> l.path("code").asText().equals("replayed"));
        assertThat(EmbeddedMetrics.values(replay)).as("a replay sends and charges nothing").doesNotContainKeys("SendsAccepted", "MicrosCharged");

        JsonNode mms = only(lines, l -> l.path("code").asText().equals("mms_not_supported"));
        assertThat(mms.path("Code").asText()).isEqualTo("mms_not_supported");
        assertThat(EmbeddedMetrics.values(mms)).containsEntry("Refusals", 1L);
        assertThat(only(lines, l -> l.path("code").asText().equals("unauthorized")).has("accountId")).isFalse();
        assertThat(only(lines, l -> l.path("code").asText().equals("payment_declined")).path("status").asInt()).isEqualTo(402);

        JsonNode topUp = only(lines, l -> EmbeddedMetrics.values(l).getOrDefault("MicrosToppedUp", 0L) == 25_000_000L);
        assertThat(topUp.path("route").asText()).isEqualTo("POST /v1/billing/funds");
        assertThat(EmbeddedMetrics.values(topUp)).containsEntry("TopUps", 1L);

        JsonNode run = only(lines, l -> l.path("Service").asText().equals("auto-charge") && l.path("charged").asInt() == 1);
        assertThat(run.path("event").asText()).isEqualTo("auto_charge_run");
        assertThat(EmbeddedMetrics.values(run)).containsEntry("AutoChargesCharged", 1L).containsEntry("MicrosAutoCharged", 20_000_000L);
    }

    private static JsonNode only(List<JsonNode> lines, Predicate<JsonNode> which) {
        List<JsonNode> matching = lines.stream().filter(which).toList();
        assertThat(matching).as("lines matching, of " + lines).hasSize(1);
        return matching.get(0);
    }
}
