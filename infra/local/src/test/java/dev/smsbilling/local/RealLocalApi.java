package dev.smsbilling.local;

import dev.smsbilling.endpoint.Repository;
import dev.smsbilling.endpoint.TestTable;
import dev.smsbilling.template.SamTemplate;
import dev.smsbilling.template.TemplateReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Consumer;

/**
 * The local API as a customer's code meets it, for tests: template.yaml's routes through the
 * real handlers on a free loopback port, against the test's table, and a client that calls it
 * over HTTP the way the README's curl commands do.
 */
public final class RealLocalApi implements AutoCloseable {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final LocalServer server;

    private RealLocalApi(LocalServer server) {
        this.server = server;
    }

    /** Publishes what LocalApi would, pointed at {@code table}, then starts the server. */
    public static RealLocalApi start(TestTable table) {
        return start(table, HandlerFactory.byClassName());
    }

    /** As {@link #start(TestTable)}, with the functions' handlers made by {@code handlers}: a test's faults inside them. */
    public static RealLocalApi start(TestTable table, HandlerFactory handlers) {
        return new RealLocalApi(serve(TemplateReader.read(Repository.template()), table, handlers, System.out::println));
    }

    /**
     * The server of {@code template} on a free port, after publishing what LocalApi would for the
     * handlers, pointed at {@code table}; every request's line goes to {@code requestLog}.
     */
    public static LocalServer serve(SamTemplate template, TestTable table, HandlerFactory handlers,
                                    Consumer<String> requestLog) {
        System.setProperty("TABLE_NAME", table.name());
        System.setProperty("DYNAMODB_ENDPOINT", table.endpoint().uri().toString());
        System.setProperty("PAYMENT_PROCESSOR", "sandbox");
        try {
            return LocalServer.start(template, handlers, 0, requestLog);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public LocalServer server() {
        return server;
    }

    public URI uri() {
        return server.uri();
    }

    /** A request to this server over real HTTP; set its key, Idempotency-Key and body, then {@code send()}. */
    public ApiCall<HttpResponse<String>> call(String method, String target) {
        return call(http, server.uri(), method, target);
    }

    /** A request to a local API at {@code base}, in this process or another, over real HTTP. */
    public static ApiCall<HttpResponse<String>> call(HttpClient http, URI base, String method, String target) {
        return new ApiCall<>(method, target, call -> {
            var request = HttpRequest.newBuilder(URI.create(base + call.target()))
                    .method(call.method(), call.body().map(HttpRequest.BodyPublishers::ofString)
                            .orElse(HttpRequest.BodyPublishers.noBody()))
                    .header("Content-Type", "application/json");
            call.apiKey().ifPresent(key -> request.header("Authorization", key));
            call.idempotencyKey().ifPresent(key -> request.header("Idempotency-Key", key));
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        });
    }

    @Override
    public void close() {
        server.close();
    }
}
