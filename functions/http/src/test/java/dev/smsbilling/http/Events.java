package dev.smsbilling.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Builds HTTP API 2.0 events for tests, in the shape API Gateway sends. */
final class Events {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Events() {
    }

    static InputStream resource(String name) {
        InputStream in = Events.class.getResourceAsStream("/events/" + name);
        if (in == null) {
            throw new IllegalArgumentException("no test event " + name);
        }
        return in;
    }

    /** A route's event from account {@code acct_test}, built as every other event is ({@link ApiEvent}). */
    static ObjectNode event(String method, String path) {
        return ApiEvent.route(method, path).account("acct_test").rawQuery("").json();
    }

    static ObjectNode withBody(ObjectNode event, String body) {
        return ApiEvent.of(event).body(body).json();
    }

    static ObjectNode withBase64Body(ObjectNode event, byte[] body) {
        return ApiEvent.of(event).base64Body(body).json();
    }

    static InputStream stream(JsonNode event) {
        try {
            return new ByteArrayInputStream(MAPPER.writeValueAsBytes(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InputStream stream(String rawEvent) {
        return new ByteArrayInputStream(rawEvent.getBytes(StandardCharsets.UTF_8));
    }

    static ApiRequest parse(JsonNode event) throws IOException {
        return ApiRequest.fromEvent(stream(event));
    }

    /** Runs a function on an event and returns the v2 response it wrote. */
    static JsonNode invoke(HttpFunction function, InputStream event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        function.handleRequest(event, out, null);
        return MAPPER.readTree(out.toByteArray());
    }

    static JsonNode body(JsonNode response) throws IOException {
        return MAPPER.readTree(response.get("body").textValue());
    }
}
