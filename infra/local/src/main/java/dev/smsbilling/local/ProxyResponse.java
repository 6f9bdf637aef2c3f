package dev.smsbilling.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what a function wrote into the HTTP response, by API Gateway's rules for payload 2.0:
 * an object with {@code statusCode} is a response ({@code headers}, {@code cookies},
 * {@code body}, {@code isBase64Encoded}); any other valid JSON is a 200 whose body is that JSON;
 * anything else is the function's failure.
 */
final class ProxyResponse {
    private ProxyResponse() {
    }

    static GatewayResponse parse(String function, byte[] output) throws InvocationFailed {
        JsonNode node = json(function, output);
        if (!node.isObject() || !node.has("statusCode")) {
            return new GatewayResponse(200, Map.of("Content-Type", List.of("application/json")), output);
        }
        JsonNode status = node.get("statusCode");
        if (!status.canConvertToInt() || status.asInt() < 100 || status.asInt() > 599) {
            throw new InvocationFailed(function + " answered an invalid statusCode");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        node.path("headers").fields().forEachRemaining(h -> {
            if (h.getValue().isValueNode() && !h.getValue().isNull()) {
                headers.put(h.getKey(), List.of(h.getValue().asText()));
            }
        });
        List<String> cookies = new ArrayList<>();
        node.path("cookies").forEach(c -> cookies.add(c.asText()));
        if (!cookies.isEmpty()) {
            headers.put("Set-Cookie", cookies);
        }
        return new GatewayResponse(status.asInt(), headers, body(function, node));
    }

    private static JsonNode json(String function, byte[] output) throws InvocationFailed {
        try {
            JsonNode node = LocalJson.MAPPER.readTree(output);
            if (node == null || node.isMissingNode()) {
                throw new InvocationFailed(function + " wrote nothing");
            }
            return node;
        } catch (IOException e) {
            throw new InvocationFailed(function + " wrote something that is not JSON");
        }
    }

    private static byte[] body(String function, JsonNode response) throws InvocationFailed {
        JsonNode body = response.path("body");
        if (body.isMissingNode() || body.isNull()) {
            return new byte[0];
        }
        if (!body.isTextual()) {
            throw new InvocationFailed(function + " answered a body that is not a string");
        }
        if (!response.path("isBase64Encoded").asBoolean(false)) {
            return body.asText().getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Base64.getDecoder().decode(body.asText());
        } catch (IllegalArgumentException e) {
            throw new InvocationFailed(function + " answered isBase64Encoded with a body that is not base64");
        }
    }
}
