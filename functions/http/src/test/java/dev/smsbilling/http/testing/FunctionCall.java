package dev.smsbilling.http.testing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smsbilling.http.ApiEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One invocation of a function the way Lambda makes it: the bytes of an HTTP API payload 2.0
 * event (a sample of the repository's {@code events/} folder, or a bare one for a route, either
 * edited) into {@code handleRequest}, the bytes it writes parsed as the HTTP API's response.
 * Shared by the function modules' handler tests and the system tests' workloads.
 */
public final class FunctionCall {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ApiEvent event;

    private FunctionCall(ApiEvent event) {
        this.event = event;
    }

    /** The sample event {@code events/<name>} of the repository. */
    public static FunctionCall event(String name) {
        Path file = eventsFolder().resolve(name);
        try {
            return new FunctionCall(ApiEvent.of((ObjectNode) JSON.readTree(file.toFile())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The least API Gateway sends for a route ({@link ApiEvent#route}); no authorizer context, key or body until set. */
    public static FunctionCall to(String method, String routePath) {
        return new FunctionCall(ApiEvent.route(method, routePath));
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
        event.body(body);
        return this;
    }

    /** Sets a header as API Gateway passes it (lower-case name); null removes it. */
    public FunctionCall header(String name, String value) {
        event.header(name, value);
        return this;
    }

    /** The account the authorizer vouched for; null removes the authorizer's context altogether. */
    public FunctionCall account(String accountId) {
        event.account(accountId);
        return this;
    }

    public FunctionCall route(String method, String path) {
        event.routeKey(method, path);
        return this;
    }

    /** The path as requested, for a route with parameters ({@code /internal/accounts/BA1/subscription}). */
    public FunctionCall rawPath(String path) {
        event.rawPath(path);
        return this;
    }

    /** A path parameter of the route, such as {@code accountId}. */
    public FunctionCall pathParameter(String name, String value) {
        event.pathParameter(name, value);
        return this;
    }

    public FunctionCall query(String name, String value) {
        event.query(name, value);
        return this;
    }

    public Response invoke(RequestStreamHandler handler) {
        return invoke(handler, null);
    }

    /** @param context what the runtime hands the function (its remaining time, its logger); null for none */
    public Response invoke(RequestStreamHandler handler, Context context) {
        try {
            var out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(event.bytes()), out, context);
            return Response.of(JSON.readTree(out.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the function answered. */
    public record Response(int status, Map<String, String> headers, String body) {
        /** From the HTTP API's proxy response a function wrote. */
        private static Response of(JsonNode response) {
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
