package dev.smsbilling.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Streams through an HTTP API 2.0 event and keeps only the fields {@link ApiRequest} needs.
 *
 * <p>Streaming rather than binding to a POJO or a tree: the rest of the event (TLS details,
 * timestamps, the authorizer's other context) is skipped without allocating anything for it.
 */
final class EventParser {

    private static final String UNREADABLE = "The request could not be read.";

    private String method;
    private String rawPath;
    private String httpPath;
    private String routeKey;
    private Map<String, String> headers;
    private Map<String, String> queryParameters;
    private Map<String, String> pathParameters;
    private String body;
    private boolean base64;
    private String accountId;
    private String requestId;

    private EventParser() {
    }

    static ApiRequest parse(InputStream event) throws IOException {
        return read(event).toRequest();
    }

    /** Reads the event's fields without judging the body yet, so a rejected body can still be logged by route. */
    static EventParser read(InputStream event) throws IOException {
        EventParser fields = new EventParser();
        try (JsonParser p = Json.factory().createParser(event)) {
            fields.readEvent(p);
        } catch (JsonProcessingException e) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, UNREADABLE);
        }
        expect(fields.method != null && !fields.method.isEmpty() && fields.path() != null);
        return fields;
    }

    String method() {
        return method;
    }

    String path() {
        return rawPath != null ? rawPath : httpPath;
    }

    private void readEvent(JsonParser p) throws IOException {
        expect(p.nextToken() == JsonToken.START_OBJECT);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "routeKey" -> routeKey = text(p);
                case "rawPath" -> rawPath = text(p);
                case "headers" -> headers = stringMap(p);
                case "queryStringParameters" -> queryParameters = stringMap(p);
                case "pathParameters" -> pathParameters = stringMap(p);
                case "body" -> body = text(p);
                case "isBase64Encoded" -> base64 = bool(p);
                case "requestContext" -> readRequestContext(p);
                default -> p.skipChildren();
            }
        }
        expect(p.currentToken() == JsonToken.END_OBJECT);
    }

    private void readRequestContext(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return;
        }
        expect(p.currentToken() == JsonToken.START_OBJECT);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "requestId" -> requestId = text(p);
                case "http" -> readHttp(p);
                case "authorizer" -> readAuthorizer(p);
                default -> p.skipChildren();
            }
        }
    }

    private void readHttp(JsonParser p) throws IOException {
        expect(p.currentToken() == JsonToken.START_OBJECT);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "method" -> method = text(p);
                case "path" -> httpPath = text(p);
                default -> p.skipChildren();
            }
        }
    }

    /** {@code authorizer.lambda.accountId}: the context our Lambda authorizer returns. */
    private void readAuthorizer(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (name.equals("lambda") && p.currentToken() == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    // Only a string counts: anything else is a misconfigured authorizer, and
                    // treating it as "no account" makes the route answer 401 rather than guess.
                    if (key.equals("accountId") && p.currentToken() == JsonToken.VALUE_STRING) {
                        accountId = p.getText();
                    } else {
                        p.skipChildren();
                    }
                }
            } else {
                p.skipChildren();
            }
        }
    }

    /**
     * A body over the size limit is a 413 at once, whatever the route. One that is not valid text
     * is the request's to refuse when a route reads it, so a route that ignores bodies answers
     * the same whatever bytes came with it.
     *
     * @throws ApiException 413 for a body over {@link ApiRequest#MAX_BODY_BYTES}
     */
    ApiRequest toRequest() {
        String text = "";
        ApiException bodyProblem = null;
        try {
            text = RequestBody.decode(body, base64);
        } catch (ApiException e) {
            if (e.code() == ErrorCode.PAYLOAD_TOO_LARGE) {
                throw e;
            }
            bodyProblem = e;
        }
        return new ApiRequest(method, path(), routeKey, headers, queryParameters, pathParameters,
                text, accountId, requestId, bodyProblem);
    }

    private static String text(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(t == JsonToken.VALUE_STRING);
        return p.getText();
    }

    private static boolean bool(JsonParser p) {
        JsonToken t = p.currentToken();
        expect(t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE || t == JsonToken.VALUE_NULL);
        return t == JsonToken.VALUE_TRUE;
    }

    private static Map<String, String> stringMap(JsonParser p) throws IOException {
        Map<String, String> map = new LinkedHashMap<>();
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return map;
        }
        expect(p.currentToken() == JsonToken.START_OBJECT);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            String value = text(p);
            if (value != null) {
                map.merge(name, value, (a, b) -> a + "," + b);
            }
        }
        return map;
    }

    private static void expect(boolean wellFormed) {
        if (!wellFormed) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, UNREADABLE);
        }
    }
}
