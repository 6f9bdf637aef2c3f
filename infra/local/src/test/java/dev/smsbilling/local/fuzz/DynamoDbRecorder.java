package dev.smsbilling.local.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * A loopback proxy in front of the DynamoDB endpoint that records, from the wire, the IAM
 * actions the requests through it need: a transaction is authorised by the actions of its
 * parts (TransactWriteItems' Put, Update, Delete and ConditionCheck are PutItem, UpdateItem,
 * DeleteItem and ConditionCheckItem; TransactGetItems' Gets are GetItem), everything else by
 * its operation's name. Reads of an index are recorded too, since they need the index's ARN.
 */
final class DynamoDbRecorder implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> HOP_BY_HOP = Set.of("host", "content-length", "connection", "expect", "upgrade",
            "transfer-encoding", "keep-alive");

    private final HttpServer server;
    private final URI target;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Set<String> actions = new ConcurrentSkipListSet<>();
    private final Set<String> grants = new ConcurrentSkipListSet<>();

    private DynamoDbRecorder(HttpServer server, URI target) {
        this.server = server;
        this.target = target;
    }

    static DynamoDbRecorder start(URI target) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            DynamoDbRecorder recorder = new DynamoDbRecorder(server, target);
            server.createContext("/", recorder::forward);
            server.start();
            return recorder;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    Set<String> actions() {
        return new TreeSet<>(actions);
    }

    /**
     * What IAM must allow, as "action on resource": "dynamodb:GetItem on table", or
     * "dynamodb:Query on table/index/auto-charge-due" for a read of an index (whose ARN is the
     * table's followed by /index/name).
     */
    Set<String> grants() {
        return new TreeSet<>(grants);
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            record(exchange.getRequestHeaders().getFirst("X-Amz-Target"), body);
            HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private void record(String amzTarget, byte[] body) throws IOException {
        if (amzTarget == null) {
            return;
        }
        String operation = amzTarget.substring(amzTarget.indexOf('.') + 1);
        JsonNode request = JSON.readTree(body);
        List<String> needed = new ArrayList<>();
        switch (operation) {
            case "TransactWriteItems" -> request.path("TransactItems").forEach(item -> item.fieldNames().forEachRemaining(part ->
                    needed.add("dynamodb:" + (part.equals("ConditionCheck") ? "ConditionCheckItem" : part + "Item"))));
            case "TransactGetItems" -> request.path("TransactItems").forEach(item -> needed.add("dynamodb:GetItem"));
            default -> needed.add("dynamodb:" + operation);
        }
        String resource = request.hasNonNull("IndexName") ? "table/index/" + request.get("IndexName").asText() : "table";
        for (String action : needed) {
            actions.add(action);
            grants.add(action + " on " + resource);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
