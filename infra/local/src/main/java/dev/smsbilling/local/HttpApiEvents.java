package dev.smsbilling.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smsbilling.http.ApiEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the local gateway adds to the events it builds with {@link ApiEvent}: a request context
 * as complete as API Gateway's, and the Lambda authorizer's REQUEST event made from the route's.
 */
final class HttpApiEvents {
    static final String API_ID = "local";
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private HttpApiEvents() {
    }

    /**
     * The route's event for {@code request}, its {@code requestContext} as complete as the
     * gateway's, without {@code authorizer}, which the gateway adds once it has decided.
     */
    static ApiEvent routeEvent(IncomingRequest request, RouteMatch match, Instant now) {
        ApiEvent event = ApiEvent.route(match.route().routeKey()).rawPath(request.rawPath()).rawQuery(request.rawQuery());
        Map<String, String> headers = request.joinedHeaders();
        // Payload 2.0 moves cookies out of the headers into their own array.
        String cookieHeader = headers.remove("cookie");
        if (cookieHeader != null) {
            event.cookies(Arrays.stream(cookieHeader.split("[;,]")).filter(c -> !c.isBlank()).map(String::trim).toList());
        }
        event.headers(headers);
        queryParameters(request.rawQuery()).forEach(event::query);
        match.pathParameters().forEach(event::pathParameter);
        if (request.body().length > 0) {
            if (BodyEncoding.isText(request.header("content-type"), request.body())) {
                event.body(new String(request.body(), StandardCharsets.UTF_8));
            } else {
                event.base64Body(request.body());
            }
        }
        String domain = domainName(request);
        event.requestContext()
                .put("accountId", LocalContext.ACCOUNT)
                .put("apiId", API_ID)
                .put("domainName", domain)
                .put("domainPrefix", domain.contains(".") ? domain.substring(0, domain.indexOf('.')) : domain)
                .put("requestId", requestId())
                .put("stage", "$default")
                .put("time", REQUEST_TIME.format(now))
                .put("timeEpoch", now.toEpochMilli());
        // An ANY route's key names no method; the request's is the one it came with.
        ((ObjectNode) event.requestContext().path("http"))
                .put("method", request.method())
                .put("protocol", request.protocol())
                .put("sourceIp", request.sourceIp())
                .put("userAgent", request.header("user-agent") == null ? "" : request.header("user-agent"));
        return event;
    }

    /**
     * The Lambda authorizer's REQUEST event for a route's event: the same request and context,
     * no body, and what identifies the caller.
     */
    static ObjectNode authorizerEvent(ApiEvent routeEvent, IncomingRequest request, List<String> identity) {
        ObjectNode event = routeEvent.json().deepCopy();
        event.remove(List.of("body", "isBase64Encoded"));
        event.put("type", "REQUEST")
                .put("routeArn", "arn:aws:execute-api:" + LocalContext.REGION + ":" + LocalContext.ACCOUNT + ":"
                        + API_ID + "/$default/" + request.method() + request.rawPath());
        identity.forEach(event.putArray("identitySource")::add);
        if (!event.has("pathParameters")) {
            event.putObject("pathParameters");
        }
        return event;
    }

    /** Decoded, with the values of a repeated name joined by commas, as API Gateway does. */
    static Map<String, String> queryParameters(String rawQuery) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = PercentDecoding.decodeQuery(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : PercentDecoding.decodeQuery(pair.substring(eq + 1));
            values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        Map<String, String> joined = new LinkedHashMap<>();
        values.forEach((name, list) -> joined.put(name, String.join(",", list)));
        return joined;
    }

    private static String domainName(IncomingRequest request) {
        String host = request.header("host");
        if (host == null || host.isBlank()) {
            return "localhost";
        }
        return host.startsWith("[") ? host : host.replaceFirst(":\\d+$", "");
    }

    /** API Gateway's ids look like "JKJaXmPLvHcESHA=": ten random bytes in base64. */
    private static String requestId() {
        byte[] bytes = new byte[10];
        ThreadLocalRandom.current().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
