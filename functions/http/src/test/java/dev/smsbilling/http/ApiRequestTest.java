package dev.smsbilling.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static dev.smsbilling.http.Events.event;
import static dev.smsbilling.http.Events.parse;
import static dev.smsbilling.http.Events.withBase64Body;
import static dev.smsbilling.http.Events.withBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiRequestTest {

    @Test
    void readsTheFieldsOfARealSendEvent() throws IOException {
        ApiRequest request = ApiRequest.fromEvent(Events.resource("post-messages.json"));

        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.rawPath()).isEqualTo("/v1/messages");
        assertThat(request.routeKey()).isEqualTo("POST /v1/messages");
        assertThat(request.requestId()).isEqualTo("JKJaXmPLvHcESHA=");
        assertThat(request.accountId()).as("the authorizer's account, not the AWS account").isEqualTo("acct_7Q2mX9pLk3");
        assertThat(request.body()).startsWith("{\"content\":\"Your order #1042 has shipped \uD83D\uDCE6\"");
        assertThat(request.queryParameters()).isEmpty();
        assertThat(request.pathParameters()).isEmpty();
    }

    @Test
    void headersAreFoundWhateverTheCase() throws IOException {
        ApiRequest request = ApiRequest.fromEvent(Events.resource("post-messages.json"));

        assertThat(request.header("Idempotency-Key")).isEqualTo("order-1042-shipped");
        assertThat(request.header("IDEMPOTENCY-KEY")).isEqualTo("order-1042-shipped");
        assertThat(request.header("idempotency-key")).isEqualTo("order-1042-shipped");
        assertThat(request.header("X-Not-Sent")).isNull();
    }

    @Test
    void decodesABase64Body() throws IOException {
        ApiRequest request = ApiRequest.fromEvent(Events.resource("post-quote-base64.json"));

        assertThat(request.body()).contains("\"to\":[\"+447400123456\"]").contains("\uD83D\uDCE6");
    }

    @Test
    void readsQueryParametersAndAGetWithoutBody() throws IOException {
        ApiRequest request = ApiRequest.fromEvent(Events.resource("get-rates.json"));

        assertThat(request.queryParameter("country")).isEqualTo("GB");
        assertThat(request.queryParameter("Country")).as("query names are case-sensitive").isNull();
        assertThat(request.body()).isEmpty();
    }

    @Test
    void readsPathParametersAndHasNoAccountWithoutTheLambdaAuthorizer() throws IOException {
        ApiRequest request = ApiRequest.fromEvent(Events.resource("put-subscription-iam.json"));

        assertThat(request.pathParameter("accountId")).isEqualTo("acct_7Q2mX9pLk3");
        assertThat(request.accountId()).isNull();
        assertThatThrownBy(request::requireAccountId)
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHORIZED));
    }

    @Test
    void aNonStringAccountIdFromTheAuthorizerCountsAsNone() throws IOException {
        ObjectNode event = event("GET", "/v1/billing/balance");
        ((ObjectNode) event.at("/requestContext/authorizer/lambda")).put("accountId", 42);

        assertThat(parse(event).accountId()).isNull();
    }

    @Test
    void toStringLeavesOutHeadersAndBody() throws IOException {
        ApiRequest request = ApiRequest.fromEvent(Events.resource("post-messages.json"));

        assertThat(request.toString()).doesNotContain("test-key-not-a-secret").doesNotContain("shipped");
    }

    @Test
    void joinsHeadersThatDifferOnlyByCase() {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("x-a", "1");
        headers.put("X-A", "2");
        ApiRequest request = new ApiRequest("GET", "/", null, headers, null, null, null, null, null);

        assertThat(request.header("x-A")).isEqualTo("1,2");
    }

    @Test
    void aBodyOfExactly64KiBIsAccepted() throws IOException {
        String body = "a".repeat(ApiRequest.MAX_BODY_BYTES);

        assertThat(parse(withBody(event("POST", "/v1/messages"), body)).body()).hasSize(65536);
        assertThat(parse(withBase64Body(event("POST", "/v1/messages"), body.getBytes(StandardCharsets.UTF_8))).body())
                .hasSize(65536);
    }

    @Test
    void aBodyOneByteOver64KiBIs413() {
        String body = "a".repeat(ApiRequest.MAX_BODY_BYTES + 1);

        assertRejected(withBody(event("POST", "/v1/messages"), body), ErrorCode.PAYLOAD_TOO_LARGE);
        assertRejected(withBase64Body(event("POST", "/v1/messages"), body.getBytes(StandardCharsets.UTF_8)),
                ErrorCode.PAYLOAD_TOO_LARGE);
    }

    @Test
    void theLimitCountsUtf8BytesNotCharacters() {
        // 21,846 euro signs are 65,538 bytes in UTF-8 but only 21,846 Java chars.
        String body = "\u20AC".repeat(21_846);

        assertRejected(withBody(event("POST", "/v1/messages"), body), ErrorCode.PAYLOAD_TOO_LARGE);
    }

    @Test
    void invalidBase64Is400() {
        ObjectNode event = event("POST", "/v1/messages");
        event.put("body", "not*base64!");
        event.put("isBase64Encoded", true);

        assertRejected(event, ErrorCode.INVALID_REQUEST, "base64");
    }

    @Test
    void invalidUtf8InABase64BodyIs400() {
        byte[] overlongSlash = {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};
        byte[] encodedSurrogate = {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'};
        byte[] truncated = {'"', (byte) 0xF0, (byte) 0x9F, '"'};

        for (byte[] bytes : new byte[][] {overlongSlash, encodedSurrogate, truncated}) {
            assertRejected(withBase64Body(event("POST", "/v1/messages"), bytes), ErrorCode.INVALID_REQUEST, "UTF-8");
        }
    }

    @Test
    void aTextBodyWithALoneSurrogateIs400() {
        assertRejected(withBody(event("POST", "/v1/messages"), "{\"content\":\"\uD800\"}"), ErrorCode.INVALID_REQUEST, "UTF-8");
    }

    @Test
    void rawInvalidUtf8InTheEventIs400() {
        byte[] event = "{\"rawPath\":\"/\",\"body\":\"\u0000\"}".getBytes(StandardCharsets.ISO_8859_1);
        event[event.length - 3] = (byte) 0xFF;

        assertThatThrownBy(() -> ApiRequest.fromEvent(new java.io.ByteArrayInputStream(event)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
    }

    @Test
    void malformedEventsAre400() {
        String[] events = {
            "",
            "not json",
            "[]",
            "{\"rawPath\":\"/v1\"",
            "{\"rawPath\":\"/v1\"}",
            "{\"rawPath\":\"/v1\",\"requestContext\":{\"http\":{\"method\":7}}}",
            "{\"rawPath\":\"/v1\",\"requestContext\":{\"http\":{\"method\":\"GET\"}},\"headers\":[\"a\"]}",
            "{\"rawPath\":\"/v1\",\"requestContext\":{\"http\":{\"method\":\"GET\"}},\"headers\":{\"a\":{}}}",
            "{\"rawPath\":\"/v1\",\"requestContext\":{\"http\":{\"method\":\"GET\"}},\"isBase64Encoded\":\"yes\"}",
            "{\"rawPath\":\"/v1\",\"requestContext\":{\"http\":{\"method\":\"GET\"}},\"extra\":" + "[".repeat(100_000),
        };
        for (String raw : events) {
            assertThatThrownBy(() -> ApiRequest.fromEvent(Events.stream(raw)))
                    .as(raw.length() > 80 ? raw.substring(0, 80) : raw)
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
        }
    }

    @Test
    void aBodyThatIsNotUtf8IsRefusedOnlyWhenARouteReadsIt() throws IOException {
        ApiRequest request = parse(withBody(event("GET", "/v1/billing/balance"),
                java.util.Base64.getEncoder().encodeToString(new byte[] {(byte) 0xFF, 'a'})).put("isBase64Encoded", true));

        assertThat(request.method()).isEqualTo("GET");
        assertThatThrownBy(request::body).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
    }

    @Test
    void aMinimalEventIsEnough() throws IOException {
        ApiRequest request = ApiRequest.fromEvent(Events.stream(
                "{\"rawPath\":\"/v1/billing/balance\",\"requestContext\":{\"http\":{\"method\":\"GET\"}}}"));

        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.headers()).isEmpty();
        assertThat(request.body()).isEmpty();
        assertThat(request.accountId()).isNull();
    }

    private static void assertRejected(ObjectNode event, ErrorCode code) {
        assertRejected(event, code, "");
    }

    /** Rejected when the event is read, or, for a body, when a route reads the body. */
    private static void assertRejected(ObjectNode event, ErrorCode code, String messagePart) {
        assertThatThrownBy(() -> parse(event).body())
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.getMessage()).contains(messagePart);
                });
    }
}
