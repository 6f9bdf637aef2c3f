package dev.smsbilling.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The events API Gateway's HTTP API sends to functions in payload format 2.0: the route's event
 * and the Lambda authorizer's REQUEST event, both built on one request context.
 */
final class HttpApiEvents {
    static final String API_ID = "local";
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private HttpApiEvents() {
    }

    /** {@code requestContext} without {@code authorizer}, which the gateway adds once it has decided. */
    static ObjectNode requestContext(IncomingRequest request, String routeKey, Instant now) {
        String domain = domainName(request);
        ObjectNode context = LocalJson.MAPPER.createObjectNode()
                .put("accountId", LocalContext.ACCOUNT)
                .put("apiId", API_ID)
                .put("domainName", domain)
                .put("domainPrefix", domain.contains(".") ? domain.substring(0, domain.indexOf('.')) : domain);
        context.putObject("http")
                .put("method", request.method())
                .put("path", request.rawPath())
                .put("protocol", request.protocol())
                .put("sourceIp", request.sourceIp())
                .put("userAgent", request.header("user-agent") == null ? "" : request.header("user-agent"));
        return context
                .put("requestId", requestId())
                .put("routeKey", routeKey)
                .put("stage", "$default")
                .put("time", REQUEST_TIME.format(now))
                .put("timeEpoch", now.toEpochMilli());
    }

    static ObjectNode routeEvent(IncomingRequest request, RouteMatch match, ObjectNode requestContext) {
        ObjectNode event = LocalJson.MAPPER.createObjectNode()
                .put("version", "2.0")
                .put("routeKey", match.route().routeKey());
        addRequest(event, request);
        event.set("requestContext", requestContext);
        if (!match.pathParameters().isEmpty()) {
            event.set("pathParameters", LocalJson.MAPPER.valueToTree(match.pathParameters()));
        }
        if (request.body().length > 0) {
            boolean text = BodyEncoding.isText(request.header("content-type"), request.body());
            event.put("body", text ? new String(request.body(), StandardCharsets.UTF_8)
                    : Base64.getEncoder().encodeToString(request.body()));
            event.put("isBase64Encoded", !text);
        } else {
            event.put("isBase64Encoded", false);
        }
        return event;
    }

    static ObjectNode authorizerEvent(IncomingRequest request, RouteMatch match, ObjectNode requestContext,
                                      List<String> identity) {
        ObjectNode event = LocalJson.MAPPER.createObjectNode()
                .put("version", "2.0")
                .put("type", "REQUEST")
                .put("routeArn", "arn:aws:execute-api:" + LocalContext.REGION + ":" + LocalContext.ACCOUNT + ":"
                        + API_ID + "/$default/" + request.method() + request.rawPath());
        identity.forEach(event.putArray("identitySource")::add);
        event.put("routeKey", match.route().routeKey());
        addRequest(event, request);
        event.set("requestContext", requestContext);
        event.set("pathParameters", LocalJson.MAPPER.valueToTree(match.pathParameters()));
        return event;
    }

    /** rawPath, rawQueryString, cookies, headers and queryStringParameters: the same in both events. */
    private static void addRequest(ObjectNode event, IncomingRequest request) {
        event.put("rawPath", request.rawPath()).put("rawQueryString", request.rawQuery());
        Map<String, String> headers = request.joinedHeaders();
        // Payload 2.0 moves cookies out of the headers into their own array.
        String cookieHeader = headers.remove("cookie");
        if (cookieHeader != null) {
            var cookies = event.putArray("cookies");
            for (String cookie : cookieHeader.split("[;,]")) {
                if (!cookie.isBlank()) {
                    cookies.add(cookie.trim());
                }
            }
        }
        event.set("headers", LocalJson.MAPPER.valueToTree(headers));
        Map<String, String> query = queryParameters(request.rawQuery());
        if (!query.isEmpty()) {
            event.set("queryStringParameters", LocalJson.MAPPER.valueToTree(query));
        }
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
