package dev.smsbilling.authorizer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;

/**
 * The part of an HTTP API REQUEST authorizer event (payload 2.0) that we use: the Authorization
 * header. API Gateway also copies it into {@code identitySource}, which is read when the headers
 * lack it (a route whose identity source is configured but whose headers were trimmed).
 *
 * <p>Streamed with jackson-core: a tree model would load Jackson's databind, about 0.15 s of a
 * cold start, for one header.
 */
final class AuthorizerEvent {
    private static final JsonFactory JSON = new JsonFactory();

    private AuthorizerEvent() {
    }

    /** The header's value, or null when the event carries none or cannot be read. */
    static String authorization(InputStream event) throws IOException {
        try (JsonParser json = JSON.createParser(event)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String fromHeaders = null;
            String fromIdentitySource = null;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                if (field.equals("headers") && value == JsonToken.START_OBJECT) {
                    fromHeaders = authorizationHeader(json);
                } else if (field.equals("identitySource") && value == JsonToken.START_ARRAY) {
                    fromIdentitySource = firstString(json);
                } else {
                    json.skipChildren();
                }
            }
            return fromHeaders != null ? fromHeaders : fromIdentitySource;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String authorizationHeader(JsonParser json) throws IOException {
        String found = null;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String name = json.currentName();
            JsonToken value = json.nextToken();
            if (found == null && name.equalsIgnoreCase("authorization") && value == JsonToken.VALUE_STRING) {
                found = json.getText();
            } else {
                json.skipChildren();
            }
        }
        return found;
    }

    private static String firstString(JsonParser json) throws IOException {
        String first = null;
        boolean atFirst = true;
        while (json.nextToken() != JsonToken.END_ARRAY) {
            if (atFirst && json.currentToken() == JsonToken.VALUE_STRING) {
                first = json.getText();
            }
            atFirst = false;
            json.skipChildren();
        }
        return first;
    }
}
