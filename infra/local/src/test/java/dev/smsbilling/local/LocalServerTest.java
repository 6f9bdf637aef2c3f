package dev.smsbilling.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smsbilling.local.fixtures.EchoHandler;
import dev.smsbilling.local.fixtures.KeyAuthorizer;
import dev.smsbilling.local.fixtures.SlowHandler;
import dev.smsbilling.local.fixtures.SummaryHandler;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The local API over real loopback HTTP, on a test template whose handlers show what they received. */
class LocalServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Map<String, AtomicInteger> CONSTRUCTED = new ConcurrentHashMap<>();
    private static final List<String> LOG = new CopyOnWriteArrayList<>();
    private static LocalServer server;

    @BeforeAll
    static void start() throws IOException {
        HandlerFactory byName = HandlerFactory.byClassName();
        HandlerFactory counting = function -> {
            CONSTRUCTED.computeIfAbsent(function.name(), n -> new AtomicInteger()).incrementAndGet();
            return byName.create(function);
        };
        server = LocalServer.start(TestTemplates.local(), counting, 0, LOG::add);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void servesATemplateRouteWithItsPathParametersQueryAndHeaders() throws Exception {
        var response = send(get("/v1/echo/abc%20d?x=1&x=2&y=a+b").header("Authorization", "good-key").header("X-Multi", "one"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode event = JSON.readTree(response.body());
        assertThat(event.path("version").asText()).isEqualTo("2.0");
        assertThat(event.path("routeKey").asText()).isEqualTo("GET /v1/echo/{id}");
        assertThat(event.path("rawPath").asText()).isEqualTo("/v1/echo/abc%20d");
        assertThat(event.path("rawQueryString").asText()).isEqualTo("x=1&x=2&y=a+b");
        assertThat(event.path("pathParameters").path("id").asText()).isEqualTo("abc d");
        assertThat(event.path("queryStringParameters").path("x").asText()).isEqualTo("1,2");
        assertThat(event.path("queryStringParameters").path("y").asText()).isEqualTo("a b");
        assertThat(event.path("headers").path("authorization").asText()).isEqualTo("good-key");
        assertThat(event.path("headers").path("x-multi").asText()).isEqualTo("one");
        assertThat(event.path("isBase64Encoded").asBoolean()).isFalse();
        assertThat(event.has("body")).isFalse();
        JsonNode context = event.path("requestContext");
        assertThat(context.path("stage").asText()).isEqualTo("$default");
        assertThat(context.path("routeKey").asText()).isEqualTo("GET /v1/echo/{id}");
        assertThat(context.path("http").path("method").asText()).isEqualTo("GET");
        assertThat(context.path("http").path("path").asText()).isEqualTo("/v1/echo/abc%20d");
        assertThat(context.path("http").path("sourceIp").asText()).isEqualTo("127.0.0.1");
        assertThat(context.path("requestId").asText()).isNotBlank();
        assertThat(context.path("timeEpoch").asLong()).isPositive();
        assertThat(context.path("time").asText()).matches("\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000");
        assertThat(response.headers().allValues("set-cookie")).containsExactly("seen=1");
    }

    @Test
    void theAuthorizersContextReachesTheHandlerUnderRequestContextAuthorizerLambda() throws Exception {
        var response = send(post("/v1/echo", "{\"a\":1}", "application/json").header("Authorization", "good-key"));

        JsonNode event = JSON.readTree(response.body());
        assertThat(event.path("requestContext").path("authorizer").path("lambda").path("accountId").asText()).isEqualTo("A1");
        assertThat(event.path("body").asText()).isEqualTo("{\"a\":1}");
    }

    @Test
    void aBinaryBodyReachesTheHandlerInBase64() throws Exception {
        byte[] bytes = {0, 1, 2, (byte) 0xff};
        var response = send(HttpRequest.newBuilder(uri("/v1/echo")).header("Authorization", "good-key")
                .header("Content-Type", "application/octet-stream").POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));

        JsonNode event = JSON.readTree(response.body());
        assertThat(event.path("isBase64Encoded").asBoolean()).isTrue();
        assertThat(Base64.getDecoder().decode(event.path("body").asText())).isEqualTo(bytes);
    }

    @Test
    void aGreedyPathOnAnOpenRouteNeedsNoKey() throws Exception {
        var response = send(get("/public/a/b/c"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode event = JSON.readTree(response.body());
        assertThat(event.path("pathParameters").path("proxy").asText()).isEqualTo("a/b/c");
        assertThat(event.path("requestContext").has("authorizer")).isFalse();
    }

    @Test
    void anInternalRouteIsServedToALoopbackClientWithALocalIamPrincipal() throws Exception {
        var response = send(post("/internal/echo", "{}", "application/json"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode iam = JSON.readTree(response.body()).path("requestContext").path("authorizer").path("iam");
        assertThat(iam.path("accountId").asText()).isNotBlank();
        assertThat(iam.path("userArn").asText()).startsWith("arn:aws:iam::");
    }

    @Test
    void anUnknownPathOrMethodIsA404Envelope() throws Exception {
        for (var request : List.of(get("/v1/nothing-here"), HttpRequest.newBuilder(uri("/v1/echo/1")).DELETE())) {
            var response = send(request.header("Authorization", "good-key"));

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            JsonNode envelope = JSON.readTree(response.body());
            assertThat(envelope.path("code").asText()).isEqualTo("not_found");
            assertThat(envelope.path("status").asInt()).isEqualTo(404);
            assertThat(envelope.path("title").asText()).isEqualTo("Not Found");
            assertThat(envelope.path("message").asText()).isNotBlank();
        }
    }

    @Test
    void aBodyOverSixtyFourKibIsA413WithoutInvokingAnything() throws Exception {
        int before = EchoHandler.INVOCATIONS.get();
        int authorizerBefore = KeyAuthorizer.INVOCATIONS.get();

        var response = send(post("/v1/echo", "x".repeat(64 * 1024 + 1), "text/plain").header("Authorization", "good-key"));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(response.body()).path("code").asText()).isEqualTo("payload_too_large");
        assertThat(EchoHandler.INVOCATIONS.get()).isEqualTo(before);
        assertThat(KeyAuthorizer.INVOCATIONS.get()).isEqualTo(authorizerBefore);
    }

    @Test
    void aBodyOfExactlySixtyFourKibIsServed() throws Exception {
        var response = send(post("/v1/echo", "x".repeat(64 * 1024), "text/plain").header("Authorization", "good-key"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("body").asText()).hasSize(64 * 1024);
    }

    @Test
    void aMissingKeyIsA401WithoutCallingTheAuthorizer() throws Exception {
        int before = KeyAuthorizer.INVOCATIONS.get();

        var response = send(get("/v1/echo/1"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(response.body()).path("code").asText()).isEqualTo("unauthorized");
        assertThat(KeyAuthorizer.INVOCATIONS.get()).isEqualTo(before);
    }

    @Test
    void aRejectedKeyIsA401AndTheRejectionIsCachedLikeApiGatewayDoes() throws Exception {
        int before = KeyAuthorizer.INVOCATIONS.get();
        int echoed = EchoHandler.INVOCATIONS.get();

        var first = send(get("/v1/echo/1").header("Authorization", "rejected-key"));
        var second = send(get("/v1/echo/2").header("Authorization", "rejected-key"));

        assertThat(first.statusCode()).isEqualTo(401);
        assertThat(second.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(first.body()).path("code").asText()).isEqualTo("unauthorized");
        assertThat(KeyAuthorizer.INVOCATIONS.get()).isEqualTo(before + 1);
        assertThat(EchoHandler.INVOCATIONS.get()).isEqualTo(echoed);
    }

    @Test
    void aThrowingHandlerIsA500EnvelopeWithoutTheTrace() throws Exception {
        var response = send(get("/v1/throws").header("Authorization", "good-key"));

        assertThat(response.statusCode()).isEqualTo(500);
        JsonNode envelope = JSON.readTree(response.body());
        assertThat(envelope.path("code").asText()).isEqualTo("internal_error");
        assertThat(envelope.path("title").asText()).isEqualTo("Internal Error");
        assertThat(response.body()).doesNotContain("secret", "Exception", "at dev.");
    }

    @Test
    void aHandlerThatWritesGarbageIsA500Envelope() throws Exception {
        var response = send(get("/v1/garbage"));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(JSON.readTree(response.body()).path("code").asText()).isEqualTo("internal_error");
    }

    @Test
    void aHandlerThatRunsPastItsTimeoutIsA500Envelope() throws Exception {
        var response = send(get("/v1/sleepy"));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(JSON.readTree(response.body()).path("code").asText()).isEqualTo("internal_error");
    }

    @Test
    void aPlainJsonAnswerIsA200WithThatJsonAsTheBody() throws Exception {
        var response = send(get("/v1/plain"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("{\"hello\":\"world\"}"));
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    }

    @Test
    void eachHandlerIsConstructedOnceAcrossRequests() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(send(get("/public/x" + i)).statusCode()).isEqualTo(200);
            assertThat(send(get("/v1/echo/" + i).header("Authorization", "good-key")).statusCode()).isEqualTo(200);
        }

        assertThat(CONSTRUCTED.get("EchoFunction")).hasValue(1);
        assertThat(CONSTRUCTED.get("AuthorizerFunction")).hasValue(1);
    }

    @Test
    void twoSlowRequestsRunConcurrently() throws Exception {
        SlowHandler.arrivals = new CountDownLatch(2);

        var first = CLIENT.sendAsync(get("/v1/slow").build(), HttpResponse.BodyHandlers.ofString());
        var second = CLIENT.sendAsync(get("/v1/slow").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(JSON.readTree(first.get().body()).path("overlapped").asBoolean()).isTrue();
        assertThat(JSON.readTree(second.get().body()).path("overlapped").asBoolean()).isTrue();
    }

    @Test
    void runAutoChargeInvokesTheScheduledFunctionWithAScheduledEvent() throws Exception {
        int before = SummaryHandler.RUNS.get();

        var response = send(post(Gateway.RUN_SCHEDULE_PATH, "", "application/json"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode summary = JSON.readTree(response.body());
        assertThat(summary.path("due").asInt()).isZero();
        assertThat(summary.path("source").asText()).isEqualTo("aws.events");
        assertThat(summary.path("detailType").asText()).isEqualTo("Scheduled Event");
        assertThat(summary.path("resources").path(0).asText()).startsWith("arn:aws:events:us-east-1:").contains(":rule/");
        assertThat(SummaryHandler.RUNS.get()).isEqualTo(before + 1);
    }

    @Test
    void theRequestLogHasMethodPathStatusAndMillisButNoBodyOrKey() throws Exception {
        send(post("/v1/echo?token=in-the-query", "{\"content\":\"private message text\"}", "application/json")
                .header("Authorization", "good-key"));

        String line = awaitLogLine("POST /v1/echo ");
        assertThat(line).matches("POST /v1/echo 200 \\d+ ms");
        assertThat(String.join("\n", LOG)).doesNotContain("private message text", "good-key", "in-the-query");
    }

    private static String awaitLogLine(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            var found = LOG.stream().filter(l -> l.startsWith(prefix)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no log line starts with " + prefix + " in " + LOG);
    }

    private static URI uri(String pathAndQuery) {
        return URI.create(server.uri() + pathAndQuery);
    }

    private static HttpRequest.Builder get(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).GET();
    }

    private static HttpRequest.Builder post(String pathAndQuery, String body, String contentType) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return CLIENT.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
