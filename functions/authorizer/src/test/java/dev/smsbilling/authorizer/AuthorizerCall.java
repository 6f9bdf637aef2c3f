package dev.smsbilling.authorizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smsbilling.http.testing.FunctionCall;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** events/authorizer.json with the Authorization header of a test, through the handler as Lambda calls it. */
final class AuthorizerCall {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AuthorizerCall() {
    }

    static ObjectNode sampleEvent() {
        try {
            return (ObjectNode) JSON.readTree(FunctionCall.eventsFolder().resolve("authorizer.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample event as API Gateway would send it for this header value (null: no header). */
    static ObjectNode withAuthorization(String header) {
        ObjectNode event = sampleEvent();
        ObjectNode headers = (ObjectNode) event.get("headers");
        if (header == null) {
            headers.remove("authorization");
            event.remove("identitySource");
        } else {
            headers.put("authorization", header);
            event.putArray("identitySource").add(header);
        }
        return event;
    }

    static JsonNode invoke(AuthorizerHandler handler, JsonNode event) {
        return invoke(handler, toBytes(event));
    }

    static byte[] toBytes(JsonNode event) {
        try {
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode invoke(AuthorizerHandler handler, byte[] event) {
        try {
            var out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(event), out, null);
            return JSON.readTree(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
