package dev.smsbilling.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a handler needs from an API Gateway HTTP API (payload format 2.0) request.
 *
 * @param method          the HTTP method, upper case
 * @param rawPath         the path as the client sent it, without the query string
 * @param routeKey        the matched route, such as {@code POST /v1/messages}
 * @param headers         header values by name, looked up case-insensitively; API Gateway
 *                        joins repeated headers with commas
 * @param queryParameters query string parameters; repeated ones are comma-joined the same way
 * @param pathParameters  the route's path parameters, such as {@code accountId}
 * @param body            the body as text: base64 already decoded, valid UTF-8, at most
 *                        {@link #MAX_BODY_BYTES} bytes; empty when the request had none
 * @param accountId       the account the Lambda authorizer resolved from the API key, or null
 *                        when the route has no authorizer
 * @param requestId       API Gateway's id for this request
 * @param bodyProblem     why the body is not acceptable, or null; thrown by {@link #body()}
 */
public record ApiRequest(
        String method,
        String rawPath,
        String routeKey,
        Map<String, String> headers,
        Map<String, String> queryParameters,
        Map<String, String> pathParameters,
        String body,
        String accountId,
        String requestId,
        ApiException bodyProblem) {

    /** The largest body accepted, in bytes after base64 decoding; one more is a 413. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    public ApiRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawPath, "rawPath");
        headers = caseInsensitive(headers);
        queryParameters = queryParameters == null ? Map.of() : Map.copyOf(queryParameters);
        pathParameters = pathParameters == null ? Map.of() : Map.copyOf(pathParameters);
        body = body == null ? "" : body;
    }

    /** A request whose body, if any, is acceptable text. */
    public ApiRequest(String method, String rawPath, String routeKey, Map<String, String> headers,
                      Map<String, String> queryParameters, Map<String, String> pathParameters, String body,
                      String accountId, String requestId) {
        this(method, rawPath, routeKey, headers, queryParameters, pathParameters, body, accountId, requestId, null);
    }

    /**
     * The body as text. A body that is not valid UTF-8 (or base64) is refused here, when a route
     * reads it, so that a route which ignores bodies (a GET) answers the same whatever bytes came
     * along; one over the size limit never gets this far.
     *
     * @throws ApiException 400 when the body was not acceptable text
     */
    @Override
    public String body() {
        if (bodyProblem != null) {
            throw bodyProblem;
        }
        return body;
    }

    /**
     * Reads an API Gateway HTTP API 2.0 event.
     *
     * @throws ApiException 400 for an unreadable event or a body that is not valid base64 or
     *                      UTF-8, 413 for a body over {@link #MAX_BODY_BYTES}
     * @throws IOException  when the stream itself fails
     */
    public static ApiRequest fromEvent(InputStream event) throws IOException {
        return EventParser.parse(event);
    }

    /** The header's value, whatever the case of {@code name}; null when absent. */
    public String header(String name) {
        return headers.get(name);
    }

    /** The query parameter's value (names are case-sensitive); null when absent. */
    public String queryParameter(String name) {
        return queryParameters.get(name);
    }

    /** The path parameter's value; null when absent. */
    public String pathParameter(String name) {
        return pathParameters.get(name);
    }

    /**
     * The caller's account.
     *
     * @throws ApiException 401 when the authorizer resolved none, so a route that was deployed
     *                      without its authorizer fails closed
     */
    public String requireAccountId() {
        if (accountId == null || accountId.isEmpty()) {
            throw new ApiException(ErrorCode.UNAUTHORIZED);
        }
        return accountId;
    }

    /** Leaves out headers and body: they carry API keys and customer text, which must not reach logs. */
    @Override
    public String toString() {
        return "ApiRequest[" + method + " " + rawPath + ", requestId=" + requestId + "]";
    }

    private static Map<String, String> caseInsensitive(Map<String, String> headers) {
        TreeMap<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((name, value) -> byName.merge(name, value, (a, b) -> a + "," + b));
        }
        return Collections.unmodifiableMap(byName);
    }
}
