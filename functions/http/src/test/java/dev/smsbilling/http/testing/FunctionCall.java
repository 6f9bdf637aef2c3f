package dev.smsbilling.http.testing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One invocation of a function the way Lambda makes it: the bytes of an HTTP API payload 2.0
 * event (a sample of the repository's {@code events/} folder, or a bare one for a route, either
 * edited) into {@code handleRequest}, the bytes it writes parsed as the HTTP API's response.
 * Shared by the function modules' handler tests and the system tests' workloads.
 */
public final class FunctionCall {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ObjectNode event;

    private FunctionCall(ObjectNode event) {
        this.event = event;
    }

    /** The sample event {@code events/<name>} of the repository. */
    public static FunctionCall event(String name) {
        Path file = eventsFolder().resolve(name);
        try {
            return new FunctionCall((ObjectNode) JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * The least API Gateway sends for a route: its key and path, a content type, the request
     * context; no authorizer context, key or body until they are set.
     */
    public static FunctionCall to(String method, String routePath) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.putObject("headers").put("content-type", "application/json");
        event.putObject("requestContext").put("requestId", UUID.randomUUID().toString()).putObject("http");
        event.put("isBase64Encoded", false);
        return new FunctionCall(event).route(method, routePath);
    }

    public static Path eventsFolder() {
        String root = System.getProperty("repo.root");
        for (Path dir = Path.of(root != null ? root : "").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("events")) && Files.isRegularFile(dir.resolve("template.yaml"))) {
                return dir.resolve("events");
            }
        }
        throw new IllegalStateException("no events/ folder above " + Path.of("").toAbsolutePath());
    }

    public FunctionCall body(String body) {
        event.put("body", body);
        event.put("isBase64Encoded", false);
        return this;
    }

    /** Sets a header as API Gateway passes it (lower-case name); null removes it. */
    public FunctionCall header(String name, String value) {
        ObjectNode headers = (ObjectNode) event.path("headers");
        String lowerCase = name.toLowerCase(java.util.Locale.ROOT);
        if (value == null) {
            headers.remove(lowerCase);
        } else {
            headers.put(lowerCase, value);
        }
        return this;
    }

    /** The account the authorizer vouched for; null removes the authorizer's context altogether. */
    public FunctionCall account(String accountId) {
        ObjectNode context = (ObjectNode) event.path("requestContext");
        if (accountId == null) {
            context.remove("authorizer");
        } else {
            context.putObject("authorizer").putObject("lambda").put("accountId", accountId);
        }
        return this;
    }

    public FunctionCall route(String method, String path) {
        event.put("routeKey", method + " " + path);
        event.put("rawPath", path);
        ((ObjectNode) event.path("requestContext")).put("routeKey", method + " " + path);
        ((ObjectNode) event.path("requestContext").path("http")).put("method", method).put("path", path);
        return this;
    }

    /** The path as requested, for a route with parameters ({@code /internal/accounts/BA1/subscription}). */
    public FunctionCall rawPath(String path) {
        event.put("rawPath", path);
        ((ObjectNode) event.path("requestContext").path("http")).put("path", path);
        return this;
    }

    /** A path parameter of the route, such as {@code accountId}. */
    public FunctionCall pathParameter(String name, String value) {
        ObjectNode parameters = event.has("pathParameters")
                ? (ObjectNode) event.get("pathParameters") : event.putObject("pathParameters");
        parameters.put(name, value);
        return this;
    }

    public FunctionCall query(String name, String value) {
        ObjectNode query = event.has("queryStringParameters")
                ? (ObjectNode) event.get("queryStringParameters") : event.putObject("queryStringParameters");
        if (value == null) {
            query.remove(name);
        } else {
            query.put(name, value);
        }
        return this;
    }

    public Response invoke(RequestStreamHandler handler) {
        return invoke(handler, null);
    }

    /** @param context what the runtime hands the function (its remaining time, its logger); null for none */
    public Response invoke(RequestStreamHandler handler, Context context) {
        try {
            var out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(JSON.writeValueAsBytes(event)), out, context);
            return Response.of(JSON.readTree(out.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the function answered. */
    public record Response(int status, Map<String, String> headers, String body) {
        /** From the HTTP API's proxy response a function wrote. */
        public static Response of(JsonNode response) {
            Map<String, String> headers = new LinkedHashMap<>();
            response.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
            return new Response(response.path("statusCode").asInt(), headers, response.path("body").asText());
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("the body is not JSON: " + body, e);
            }
        }

        public JsonNode data() {
            return json().path("data");
        }

        /** The machine code of an error envelope. */
        public String code() {
            return json().path("code").asText();
        }
    }
}
