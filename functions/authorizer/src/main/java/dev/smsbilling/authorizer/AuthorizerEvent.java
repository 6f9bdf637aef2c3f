package dev.smsbilling.authorizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;

/**
 * The part of an HTTP API REQUEST authorizer event (payload 2.0) that we use: the Authorization
 * header. API Gateway also copies it into {@code identitySource}, which is read when the headers
 * lack it (a route whose identity source is configured but whose headers were trimmed).
 */
final class AuthorizerEvent {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AuthorizerEvent() {
    }

    /** The header's value, or null when the event carries none or cannot be read. */
    static String authorization(InputStream event) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(event);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
        if (root == null || !root.isObject()) {
            return null;
        }
        JsonNode headers = root.path("headers");
        if (headers.isObject()) {
            for (var fields = headers.fields(); fields.hasNext(); ) {
                var header = fields.next();
                if (header.getKey().equalsIgnoreCase("authorization") && header.getValue().isTextual()) {
                    return header.getValue().textValue();
                }
            }
        }
        JsonNode identitySource = root.path("identitySource");
        if (identitySource.isArray() && identitySource.size() > 0 && identitySource.get(0).isTextual()) {
            return identitySource.get(0).textValue();
        }
        return null;
    }
}
