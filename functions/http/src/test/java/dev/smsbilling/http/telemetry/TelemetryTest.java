package dev.smsbilling.http.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smsbilling.http.testing.EmbeddedMetrics;
import dev.smsbilling.http.testing.ConsoleCapture;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One line per invocation: a structured log entry that CloudWatch also reads as metrics. */
class TelemetryTest {
    private ConsoleCapture stdout;

    @BeforeEach
    void captureStdout() {
        stdout = ConsoleCapture.stdout();
    }

    @AfterEach
    void restoreStdout() {
        stdout.close();
    }

    @Test
    void anAcceptedSendIsOneLineWithItsFieldsAndValidMetrics() {
        Telemetry.begin("send-charge", "req-1").field("route", "POST /v1/messages").field("accountId", "BA1")
                .field("status", 202).field("code", "ok")
                .add(Metric.SENDS_ACCEPTED).add(Metric.MICROS_CHARGED, 50_000).add(Metric.LATENCY, 12).end();

        JsonNode line = onlyLine();
        assertThat(EmbeddedMetrics.problems(line)).isEmpty();
        assertThat(line.path("level").asText()).isEqualTo("INFO");
        assertThat(line.path("Service").asText()).isEqualTo("send-charge");
        assertThat(line.path("requestId").asText()).isEqualTo("req-1");
        assertThat(line.path("route").asText()).isEqualTo("POST /v1/messages");
        assertThat(line.path("status").asInt()).isEqualTo(202);
        assertThat(EmbeddedMetrics.values(line)).containsEntry("SendsAccepted", 1L).containsEntry("MicrosCharged", 50_000L)
                .containsEntry("Latency", 12L);
        JsonNode directive = line.path("_aws").path("CloudWatchMetrics").path(0);
        assertThat(directive.path("Namespace").asText()).isEqualTo(Telemetry.DEFAULT_NAMESPACE);
        assertThat(directive.path("Dimensions").toString()).as("per function, and summed for the alarms").isEqualTo("[[\"Service\"],[]]");
    }

    @Test
    void aRefusalIsAlsoCountedByItsCode() {
        Telemetry.begin("send-charge", "req-2").refused("insufficient_funds").end();

        JsonNode line = onlyLine();
        assertThat(EmbeddedMetrics.problems(line)).isEmpty();
        assertThat(line.path("Code").asText()).isEqualTo("insufficient_funds");
        assertThat(line.path("_aws").path("CloudWatchMetrics").path(1).path("Dimensions").toString())
                .isEqualTo("[[\"Service\",\"Code\"],[\"Code\"]]");
    }

    @Test
    void aFailureIsAnErrorLineWithClassesAndFramesButNoMessage() {
        Telemetry.begin("account", "req-3").add(Metric.SERVER_ERRORS)
                .failed(new IllegalStateException("the customer's text: hello", new NumberFormatException("42x"))).end();

        JsonNode line = onlyLine();
        assertThat(line.path("level").asText()).isEqualTo("ERROR");
        assertThat(line.path("failure").asText()).contains("java.lang.IllegalStateException at ",
                "caused by java.lang.NumberFormatException").doesNotContain("hello", "42x");
        assertThat(EmbeddedMetrics.values(line)).containsEntry("ServerErrors", 1L);
    }

    @Test
    void workOnThreadsTheInvocationStartsCountsIntoItAndOutsideNothingIsWritten() throws Exception {
        Telemetry.current().add(Metric.WRITE_RETRIES).end();
        Telemetry run = Telemetry.begin("auto-charge", "req-4");
        ExecutorService pool = Executors.newFixedThreadPool(3);
        for (int i = 0; i < 6; i++) {
            pool.submit(() -> Telemetry.current().add(Metric.AUTO_CHARGES_CHARGED));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        run.end();
        run.end();

        assertThat(EmbeddedMetrics.values(onlyLine())).containsEntry("AutoChargesCharged", 6L);
        assertThat(Telemetry.current()).as("unbound once ended").isSameAs(Telemetry.detached());
    }

    @Test
    void theServiceIsTheHandlersModuleName() {
        class SendChargeHandler {
        }
        class AuthorizerHandler {
        }
        assertThat(Telemetry.serviceOf(SendChargeHandler.class)).isEqualTo("send-charge");
        assertThat(Telemetry.serviceOf(AuthorizerHandler.class)).isEqualTo("authorizer");
    }

    private JsonNode onlyLine() {
        List<String> lines = stdout.lines();
        assertThat(lines).hasSize(1);
        return EmbeddedMetrics.json(lines.get(0)).orElseThrow();
    }
}
