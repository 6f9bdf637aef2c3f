package dev.smsbilling.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one builder of the events API Gateway's HTTP API sends a function in payload format 2.0,
 * the shape {@link ApiRequest} reads. Priming builds its requests with it, the local gateway
 * builds every event it forwards with it, and the tests build theirs with it, so a field the
 * gateway sends is added in one place and all three see it.
 *
 * <p>Starts as the least API Gateway sends for a route (its key and path, a JSON content type,
 * a request context with an id and the method) and gains headers, a body, an authorizer context
 * and so on only when they are set. Not thread-safe; one builder per event.
 */
public final class ApiEvent {
    private final ObjectNode event;

    private ApiEvent(ObjectNode event) {
        this.event = event;
    }

    /** An event of {@code method} on the route {@code routePath} ({@code /v1/messages/{id}}), requested as that path. */
    public static ApiEvent route(String method, String routePath) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("version", "2.0");
        event.putObject("headers").put("content-type", "application/json");
        // An id to tell events apart, which nothing relies on being unguessable: no SecureRandom.
        event.putObject("requestContext").put("requestId", Long.toHexString(ThreadLocalRandom.current().nextLong()))
                .putObject("http");
        event.put("isBase64Encoded", false);
        return new ApiEvent(event).routeKey(method, routePath);
    }

    /** As {@link #route(String, String)}, from a route key as template.yaml names it ({@code POST /v1/messages}). */
    public static ApiEvent route(String routeKey) {
        int space = routeKey.indexOf(' ');
        if (space <= 0) {
            throw new IllegalArgumentException("a route key is \"METHOD /path\": " + routeKey);
        }
        return route(routeKey.substring(0, space), routeKey.substring(space + 1));
    }

    /** An event read from JSON (a sample of the repository's {@code events/}), to be edited. */
    public static ApiEvent of(ObjectNode event) {
        return new ApiEvent(event);
    }

    /** Re-keys the event to another route, its path requested as written. */
    public ApiEvent routeKey(String method, String routePath) {
        event.put("routeKey", method + " " + routePath);
        requestContext().put("routeKey", method + " " + routePath);
        http().put("method", method);
        return rawPath(routePath);
    }

    /** The path as requested, for a route with parameters ({@code /internal/accounts/BA1/subscription}). */
    public ApiEvent rawPath(String path) {
        event.put("rawPath", path);
        http().put("path", path);
        return this;
    }

    /** The query string as it arrived, undecoded; {@link #query} sets the decoded parameters. */
    public ApiEvent rawQuery(String rawQuery) {
        event.put("rawQueryString", rawQuery);
        return this;
    }

    /** Sets a header as API Gateway passes it (lower-case name); null removes it. */
    public ApiEvent header(String name, String value) {
        ObjectNode headers = (ObjectNode) event.path("headers");
        String lowerCase = name.toLowerCase(Locale.ROOT);
        if (value == null) {
            headers.remove(lowerCase);
        } else {
            headers.put(lowerCase, value);
        }
        return this;
    }

    /** Replaces every header (names already lower-case, repeated values already joined by commas). */
    public ApiEvent headers(Map<String, String> headers) {
        ObjectNode node = event.putObject("headers");
        headers.forEach(node::put);
        return this;
    }

    /** Payload 2.0 carries cookies in an array of their own rather than in a {@code cookie} header. */
    public ApiEvent cookies(List<String> cookies) {
        var array = event.putArray("cookies");
        cookies.forEach(array::add);
        return this;
    }

    /** A decoded query parameter (a repeated one's values joined by commas); null removes it. */
    public ApiEvent query(String name, String value) {
        ObjectNode query = object("queryStringParameters");
        if (value == null) {
            query.remove(name);
        } else {
            query.put(name, value);
        }
        return this;
    }

    /** A path parameter of the route, such as {@code accountId}. */
    public ApiEvent pathParameter(String name, String value) {
        object("pathParameters").put(name, value);
        return this;
    }

    /** A text body, as the gateway passes JSON and other text. */
    public ApiEvent body(String body) {
        event.put("body", body);
        event.put("isBase64Encoded", false);
        return this;
    }

    /** A body the gateway did not take for text, which it passes base64-encoded. */
    public ApiEvent base64Body(byte[] body) {
        event.put("body", Base64.getEncoder().encodeToString(body));
        event.put("isBase64Encoded", true);
        return this;
    }

    /** The account the Lambda authorizer vouched for; null removes the authorizer's context altogether. */
    public ApiEvent account(String accountId) {
        if (accountId == null) {
            requestContext().remove("authorizer");
        } else {
            requestContext().putObject("authorizer").putObject("lambda").put("accountId", accountId);
        }
        return this;
    }

    /** The request context, for what only a gateway adds (domain, time, an IAM caller). */
    public ObjectNode requestContext() {
        return (ObjectNode) event.path("requestContext");
    }

    /** The event itself: later edits of the builder show in it. */
    public ObjectNode json() {
        return event;
    }

    /** Written by the functions' own writer: {@code JsonNode.toString()} would build a mapper of its own. */
    public byte[] bytes() {
        try {
            return Json.writer().writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    private ObjectNode http() {
        return (ObjectNode) requestContext().path("http");
    }

    private ObjectNode object(String field) {
        return event.has(field) ? (ObjectNode) event.get(field) : event.putObject(field);
    }
}
