package dev.smsbilling.http;

import static dev.smsbilling.http.Events.body;
import static dev.smsbilling.http.Events.event;
import static dev.smsbilling.http.Events.invoke;
import static dev.smsbilling.http.Events.stream;
import static dev.smsbilling.http.Events.withBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smsbilling.http.testing.EmbeddedMetrics;
import dev.smsbilling.http.testing.ConsoleCapture;
import dev.smsbilling.http.testing.TestContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpFunctionTest {

    /** A function as the real ones will be: routes on the route key, reads a strict body. */
    static final class EchoFunction extends HttpFunction {
        @Override
        protected ApiResponse handle(ApiRequest request, Context context) {
            switch (request.rawPath()) {
                case "/echo" -> {
                    ObjectNode body = JsonBody.parseObject(request.body());
                    Validation v = new Validation();
                    String content = v.requiredString(body.get("content"), "content");
                    v.throwIfInvalid();
                    return ApiResponse.data(202, Map.of("account", request.requireAccountId(), "content", content,
                            "key", IdempotencyKey.optional(request).map(IdempotencyKey::value).orElse("none")));
                }
                case "/v1/messages" -> {
                    return ApiResponse.data(202, Map.of("account", request.requireAccountId(),
                            "content", JsonBody.parseObject(request.body()).get("content").textValue()));
                }
                case "/v1/forgets-the-account", "/internal/no-account" -> {
                    return ApiResponse.data(200, Map.of("ran", true));
                }
                case "/only-get" -> throw ApiException.methodNotAllowed("GET");
                case "/runtime" -> throw new IllegalStateException("SECRET detail from the database layer");
                case "/overflow" -> {
                    return recurse(0);
                }
                case "/null" -> {
                    return null;
                }
                case "/broke" -> {
                    return ApiResponse.data(200, new Object() {
                        @SuppressWarnings("unused")
                        public String getValue() {
                            throw new IllegalStateException("SECRET getter");
                        }
                    });
                }
                default -> throw new ApiException(ErrorCode.NOT_FOUND);
            }
        }

        private static ApiResponse recurse(int depth) {
            return depth < 0 ? null : recurse(depth + 1);
        }
    }

    private final HttpFunction function = new EchoFunction();
    private List<String> logged;

    @Test
    void servesARealApiGatewayEvent() throws IOException {
        TestContext context = new TestContext();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        try (ConsoleCapture stdout = ConsoleCapture.stdout()) {
            function.handleRequest(Events.resource("post-messages.json"), out, context);
            logged = stdout.lines();
        }

        JsonNode response = Events.MAPPER.readTree(out.toByteArray());
        assertThat(response.get("statusCode").intValue()).isEqualTo(202);
        assertThat(response.get("headers").get("Content-Type").textValue()).isEqualTo("application/json; charset=utf-8");
        assertThat(response.get("isBase64Encoded").booleanValue()).isFalse();
        assertThat(body(response).get("data").get("account").textValue()).isEqualTo("acct_7Q2mX9pLk3");
        assertThat(body(response).get("data").get("content").textValue()).isEqualTo("Your order #1042 has shipped \uD83D\uDCE6");
        assertThat(logged).singleElement().satisfies(text -> {
            JsonNode line = EmbeddedMetrics.json(text).orElseThrow();
            assertThat(EmbeddedMetrics.problems(line)).isEmpty();
            assertThat(line.path("requestId").asText()).isEqualTo("lambda-request-1");
            assertThat(line.path("route").asText()).isEqualTo("POST /v1/messages");
            assertThat(line.path("accountId").asText()).isEqualTo("acct_7Q2mX9pLk3");
            assertThat(line.path("status").asInt()).isEqualTo(202);
            assertThat(line.path("code").asText()).isEqualTo("ok");
            assertThat(EmbeddedMetrics.values(line)).containsKey("Latency");
        });
    }

    @Test
    void theLogLineHasNoHeadersKeysOrBody() throws IOException {
        try (ConsoleCapture stdout = ConsoleCapture.stdout()) {
            function.handleRequest(Events.resource("post-messages.json"), new ByteArrayOutputStream(), new TestContext());

            assertThat(stdout.all()).isNotEmpty().doesNotContain("test-key-not-a-secret", "order-1042-shipped", "shipped", "+44");
        }
    }

    @Test
    void fieldErrorsBecomeThe400Envelope() throws IOException {
        JsonNode response = invoke(function, stream(withBody(event("POST", "/echo"), "{\"content\": 5}")));

        assertThat(response.get("statusCode").intValue()).isEqualTo(400);
        JsonNode envelope = body(response);
        assertThat(envelope.get("code").textValue()).isEqualTo("invalid_request");
        assertThat(envelope.get("status").intValue()).isEqualTo(400);
        assertThat(envelope.get("errors").get(0).get("path").textValue()).isEqualTo("content");
    }

    @Test
    void malformedBodiesAndDeepNestingAre400() throws IOException {
        for (String bad : new String[] {"{\"content\":", "", "[]", "{\"content\":" + "[".repeat(60_000),
                "{\"content\":\"a\",\"content\":\"b\"}", "{\"content\":\"\\ud800\"}"}) {
            JsonNode response = invoke(function, stream(withBody(event("POST", "/echo"), bad)));
            assertThat(response.get("statusCode").intValue()).as(bad.length() > 40 ? bad.substring(0, 40) : bad).isEqualTo(400);
        }
    }

    @Test
    void aBodyOver64KiBIs413BeforeTheHandlerRuns() throws IOException {
        String body = "{\"content\":\"" + "a".repeat(ApiRequest.MAX_BODY_BYTES) + "\"}";
        JsonNode response = invoke(function, stream(withBody(event("POST", "/runtime"), body)));

        assertThat(response.get("statusCode").intValue()).isEqualTo(413);
        assertThat(body(response).get("code").textValue()).isEqualTo("payload_too_large");
        assertThat(body(response).get("message").textValue()).doesNotContain("aaaa");
    }

    @Test
    void aMalformedEventIs400() throws IOException {
        JsonNode response = invoke(function, stream("{\"this is\": not an event"));

        assertThat(response.get("statusCode").intValue()).isEqualTo(400);
        assertThat(body(response).get("code").textValue()).isEqualTo("invalid_request");
    }

    @Test
    void aMissingAccountIs401() throws IOException {
        ObjectNode event = withBody(event("POST", "/echo"), "{\"content\":\"hi\"}");
        ((ObjectNode) event.get("requestContext")).remove("authorizer");

        assertThat(invoke(function, stream(event)).get("statusCode").intValue()).isEqualTo(401);
    }

    @Test
    void aV1RouteWithoutAnAccountIs401EvenWhenTheHandlerForgetsToAsk() throws IOException {
        ObjectNode event = event("GET", "/v1/forgets-the-account");
        ((ObjectNode) event.get("requestContext")).putObject("authorizer").putObject("lambda");

        JsonNode response = invoke(function, stream(event));

        assertThat(response.get("statusCode").intValue()).isEqualTo(401);
        assertThat(body(response).get("code").textValue()).isEqualTo("unauthorized");
    }

    @Test
    void theRouteKeyDecidesEvenBehindAStagePrefixOrADefaultRoute() throws IOException {
        ObjectNode staged = event("GET", "/v1/forgets-the-account");
        staged.put("rawPath", "/dev/v1/forgets-the-account");
        ((ObjectNode) staged.get("requestContext")).remove("authorizer");
        ObjectNode defaultRoute = event("GET", "/v1/forgets-the-account");
        defaultRoute.put("routeKey", "$default");
        ((ObjectNode) defaultRoute.get("requestContext")).remove("authorizer");

        assertThat(invoke(function, stream(staged)).get("statusCode").intValue()).isEqualTo(401);
        assertThat(invoke(function, stream(defaultRoute)).get("statusCode").intValue()).isEqualTo(401);
    }

    @Test
    void internalRoutesNeedNoAccountFromTheAuthorizer() throws IOException {
        ObjectNode event = event("POST", "/internal/no-account");
        ((ObjectNode) event.get("requestContext")).remove("authorizer");

        assertThat(invoke(function, stream(event)).get("statusCode").intValue()).isEqualTo(200);
    }

    @Test
    void headersAreReadCaseInsensitively() throws IOException {
        ObjectNode event = withBody(event("POST", "/echo"), "{\"content\":\"hi\"}");
        ((ObjectNode) event.get("headers")).put("idempotency-key", "k-1");

        assertThat(body(invoke(function, stream(event))).get("data").get("key").textValue()).isEqualTo("k-1");
    }

    @Test
    void aBadIdempotencyKeyIs400AtItsHeader() throws IOException {
        ObjectNode event = withBody(event("POST", "/echo"), "{\"content\":\"hi\"}");
        ((ObjectNode) event.get("headers")).put("idempotency-key", "caf\u00E9");

        JsonNode envelope = body(invoke(function, stream(event)));
        assertThat(envelope.get("errors").get(0).get("path").textValue()).isEqualTo("Idempotency-Key");
    }

    @Test
    void methodNotAllowedIs405WithAllow() throws IOException {
        JsonNode response = invoke(function, stream(event("POST", "/only-get")));

        assertThat(response.get("statusCode").intValue()).isEqualTo(405);
        assertThat(response.get("headers").get("Allow").textValue()).isEqualTo("GET");
    }

    @Test
    void aRuntimeExceptionIsA500WithoutTheStackTraceOrMessage() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String logged;
        try (ConsoleCapture stdout = ConsoleCapture.stdout()) {
            function.handleRequest(stream(event("GET", "/runtime")), out, new TestContext());
            logged = stdout.all();
        }

        String written = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        JsonNode response = Events.MAPPER.readTree(written);
        assertThat(response.get("statusCode").intValue()).isEqualTo(500);
        assertThat(body(response).get("code").textValue()).isEqualTo("internal_error");
        assertThat(written).doesNotContain("SECRET", "IllegalStateException", "dev.smsbilling", "at ");
        assertThat(logged).as("the log keeps where, not what")
                .contains("java.lang.IllegalStateException", "EchoFunction", "\"ServerErrors\":1").doesNotContain("SECRET");
    }

    @Test
    void aStackOverflowIsA500() throws IOException {
        JsonNode response = invoke(function, stream(event("GET", "/overflow")));

        assertThat(response.get("statusCode").intValue()).isEqualTo(500);
        assertThat(response.get("body").textValue()).doesNotContain("StackOverflow");
    }

    @Test
    void aResponseThatCannotBeSerialisedIsA500() throws IOException {
        JsonNode response = invoke(function, stream(event("GET", "/broke")));

        assertThat(response.get("statusCode").intValue()).isEqualTo(500);
        assertThat(response.get("body").textValue()).doesNotContain("SECRET");
    }

    @Test
    void aHandlerReturningNothingIsA500() throws IOException {
        assertThat(invoke(function, stream(event("GET", "/null"))).get("statusCode").intValue()).isEqualTo(500);
    }

    @Test
    void anUnknownPathIs404() throws IOException {
        assertThat(body(invoke(function, stream(event("GET", "/nope")))).get("code").textValue()).isEqualTo("not_found");
    }

    @Test
    void aBase64EventIsDecodedBeforeTheHandler() throws IOException {
        InputStream event = Events.resource("post-quote-base64.json");
        ObjectNode parsed = (ObjectNode) Events.MAPPER.readTree(event);
        parsed.put("rawPath", "/v1/messages");

        JsonNode response = invoke(function, stream(parsed));
        assertThat(response.get("statusCode").intValue()).isEqualTo(202);
        assertThat(body(response).get("data").get("content").textValue()).endsWith("\uD83D\uDCE6");
    }
}
