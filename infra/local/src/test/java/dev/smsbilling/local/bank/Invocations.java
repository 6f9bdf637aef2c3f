package dev.smsbilling.local.bank;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smsbilling.local.LocalContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Calls a function in-process the way Lambda does: an HTTP API 2.0 event (or a scheduled event)
 * as bytes into {@code handleRequest}, with a context whose remaining time counts down. What the
 * functions log is kept, not printed: the failures are shown when an answer was not expected.
 */
final class Invocations {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What an HTTP function answered. */
    record Answer(int status, Map<String, String> headers, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("the body is not JSON: " + body, e);
            }
        }

        String code() {
            return json().path("code").asText();
        }
    }

    private final List<String> failureLog = new CopyOnWriteArrayList<>();

    List<String> failureLog() {
        return List.copyOf(failureLog);
    }

    Answer http(RequestStreamHandler handler, String method, String routePath, String rawPath, String accountId,
                String idempotencyKey, String body, Map<String, String> query) {
        return http(handler, method, routePath, rawPath, accountId, idempotencyKey, body, query, Map.of());
    }

    /** An internal route: no account, its path parameters. */
    Answer httpWithPath(RequestStreamHandler handler, String method, String routePath, String rawPath,
                        Map<String, String> pathParameters, String body) {
        return http(handler, method, routePath, rawPath, null, null, body, Map.of(), pathParameters);
    }

    private Answer http(RequestStreamHandler handler, String method, String routePath, String rawPath, String accountId,
                        String idempotencyKey, String body, Map<String, String> query, Map<String, String> pathParameters) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", method + " " + routePath);
        event.put("rawPath", rawPath);
        ObjectNode headers = event.putObject("headers");
        headers.put("content-type", "application/json");
        if (idempotencyKey != null) {
            headers.put("idempotency-key", idempotencyKey);
        }
        if (!query.isEmpty()) {
            ObjectNode parameters = event.putObject("queryStringParameters");
            query.forEach(parameters::put);
        }
        if (!pathParameters.isEmpty()) {
            ObjectNode parameters = event.putObject("pathParameters");
            pathParameters.forEach(parameters::put);
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", method + " " + routePath);
        context.putObject("http").put("method", method).put("path", rawPath);
        if (accountId != null) {
            context.putObject("authorizer").putObject("lambda").put("accountId", accountId);
        }
        if (body != null) {
            event.put("body", body);
        }
        event.put("isBase64Encoded", false);
        JsonNode response = invoke(handler, bytes(event), Duration.ofSeconds(10));
        Map<String, String> answerHeaders = new java.util.LinkedHashMap<>();
        response.path("headers").fields().forEachRemaining(h -> answerHeaders.put(h.getKey(), h.getValue().asText()));
        return new Answer(response.path("statusCode").asInt(), answerHeaders, response.path("body").asText());
    }

    /** The scheduled auto-charge with EventBridge's event; its summary. */
    JsonNode scheduled(RequestStreamHandler handler) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.events");
        event.putObject("detail");
        return invoke(handler, bytes(event), Duration.ofSeconds(60));
    }

    private JsonNode invoke(RequestStreamHandler handler, byte[] event, Duration timeout) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event), out, new LocalContext("bank", timeout, failuresOnly));
            return JSON.readTree(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(ObjectNode event) {
        try {
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps the failure lines and drops the per-request ones. */
    private final LambdaLogger failuresOnly = new LambdaLogger() {
        @Override
        public void log(String message) {
            if (message.startsWith("unexpected failure")) {
                failureLog.add(message.strip());
            }
        }

        @Override
        public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8));
        }
    };
}
