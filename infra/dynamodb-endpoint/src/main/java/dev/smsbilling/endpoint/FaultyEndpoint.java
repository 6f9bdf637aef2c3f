package dev.smsbilling.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP proxy in front of a real DynamoDB endpoint that injects the faults the network
 * and DynamoDB really produce and emulators never do: a request applied whose answer never
 * arrives (a 500, or a connection closed before any answer) or arrives late, DynamoDB's
 * {@code TransactionConflict} cancellations and throttling. Clients are pointed at {@link #uri()}
 * and use the real SDK, whose own retries then meet the faults as they would in AWS.
 *
 * <p>Faults are armed per operation ("TransactWriteItems") and fire in the order armed, each as
 * often as armed; every other request passes through untouched. A client can also ask for a
 * fault on one request of its own with the {@value #FAULT_HEADER} header ("KIND id",
 * "TRANSACTION_CONFLICT:itemIndex id" or "APPLY_THEN_DELAY_ANSWER:millis id"): it fires once per id, so the SDK's own retries of that request, which
 * carry the same header, go through as they would after a real fault. Every request is shown to
 * the {@link Observer} first, as it reached the proxy (the IAM actions a function needs are
 * recorded so). Thread-safe.
 */
public final class FaultyEndpoint implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> HOP_BY_HOP = Set.of("host", "content-length", "connection", "expect", "upgrade",
            "transfer-encoding", "keep-alive");
    private static final String PROTOCOL = "com.amazonaws.dynamodb.v20120810#";
    /** Names a fault for this one request; see the class comment. */
    public static final String FAULT_HEADER = "X-Test-Fault";

    /** What happens to a request that a fault meets. */
    public enum Kind {
        /** Applied by the table; the caller gets a 500, as after a lost or failed answer. */
        APPLY_THEN_ANSWER_500,
        /** Applied by the table; the connection closes before any answer (a read timeout, a reset). */
        APPLY_THEN_DROP_CONNECTION,
        /**
         * Applied by the table; its answer is held back for the fault's delay (a slow network, a
         * hot partition). A client whose patience is shorter meets a lost answer by timeout.
         */
        APPLY_THEN_DELAY_ANSWER,
        /** Not applied: cancelled with TransactionConflict on the item at {@code itemIndex}, None elsewhere. */
        TRANSACTION_CONFLICT,
        /** Not applied: a ThrottlingException. */
        THROTTLE
    }

    /**
     * One armed fault.
     *
     * @param itemIndex the item a TRANSACTION_CONFLICT names
     * @param delay how long an APPLY_THEN_DELAY_ANSWER holds the answer back
     */
    public record Fault(String operation, Kind kind, int itemIndex, Duration delay) {
        public static Fault of(String operation, Kind kind) {
            return new Fault(operation, kind, 0, Duration.ZERO);
        }

        public static Fault conflictOn(String operation, int itemIndex) {
            return new Fault(operation, Kind.TRANSACTION_CONFLICT, itemIndex, Duration.ZERO);
        }

        public static Fault delayed(String operation, Duration delay) {
            return new Fault(operation, Kind.APPLY_THEN_DELAY_ANSWER, 0, delay);
        }
    }

    /** Sees each request before it is answered or forwarded. */
    @FunctionalInterface
    public interface Observer {
        /** @param operation DynamoDB's operation ("TransactWriteItems"), empty when the request names none */
        void request(String operation, byte[] body) throws IOException;
    }

    private final HttpServer server;
    private final URI target;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, Deque<Fault>> armed = new ConcurrentHashMap<>();
    private final Map<Kind, AtomicInteger> fired = new ConcurrentHashMap<>();
    private final Set<String> firedIds = ConcurrentHashMap.newKeySet();
    private final Deque<JsonNode> appliedUnanswered = new ConcurrentLinkedDeque<>();
    private final Observer observer;

    private FaultyEndpoint(HttpServer server, URI target, Observer observer) {
        this.server = server;
        this.target = target;
        this.observer = observer;
    }

    /** Starts the proxy on a free loopback port in front of {@code target}. */
    public static FaultyEndpoint inFrontOf(URI target) {
        return inFrontOf(target, (operation, body) -> { });
    }

    /** As {@link #inFrontOf(URI)}, showing every request to {@code observer} first. */
    public static FaultyEndpoint inFrontOf(URI target, Observer observer) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FaultyEndpoint proxy = new FaultyEndpoint(server, target, observer);
            server.createContext("/", proxy::handle);
            server.setExecutor(Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "faulty-dynamodb");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Arms {@code times} copies of the fault, behind any already armed for its operation. */
    public FaultyEndpoint arm(Fault fault, int times) {
        Deque<Fault> queue = armed.computeIfAbsent(fault.operation(), op -> new ConcurrentLinkedDeque<>());
        for (int i = 0; i < times; i++) {
            queue.add(fault);
        }
        return this;
    }

    /** How often faults of this kind fired so far. */
    public int fired(Kind kind) {
        return fired.computeIfAbsent(kind, k -> new AtomicInteger()).get();
    }

    /** The bodies of the requests that were applied but never answered, as the table got them. */
    public List<JsonNode> appliedUnanswered() {
        return List.copyOf(appliedUnanswered);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String amzTarget = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String operation = amzTarget == null ? "" : amzTarget.substring(amzTarget.indexOf('.') + 1);
            observer.request(operation, body);
            Fault fault = requested(operation, exchange.getRequestHeaders().getFirst(FAULT_HEADER));
            if (fault == null) {
                Deque<Fault> queue = armed.get(operation);
                fault = queue == null ? null : queue.poll();
            }
            if (fault == null) {
                forward(exchange, body);
                return;
            }
            fired.computeIfAbsent(fault.kind(), k -> new AtomicInteger()).incrementAndGet();
            switch (fault.kind()) {
                case APPLY_THEN_ANSWER_500 -> {
                    send(body, exchange);
                    appliedUnanswered.add(JSON.readTree(body));
                    answer(exchange, 500, error("InternalServerError", "injected: applied, then the answer was lost"));
                }
                case APPLY_THEN_DROP_CONNECTION -> {
                    send(body, exchange);
                    appliedUnanswered.add(JSON.readTree(body));
                    // Closed with no status line sent: the client's connection ends before any answer.
                    exchange.close();
                }
                case APPLY_THEN_DELAY_ANSWER -> {
                    HttpResponse<byte[]> late = send(body, exchange);
                    Thread.sleep(fault.delay().toMillis());
                    // A client that gave up meanwhile has closed its end; the answer then goes nowhere.
                    relay(exchange, late);
                }
                case TRANSACTION_CONFLICT -> answer(exchange, 400, conflict(body, fault.itemIndex()));
                case THROTTLE -> answer(exchange, 400, error("ThrottlingException", "injected: Rate of requests exceeds the allowed throughput."));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** The fault a request asks for in its header, once per id; null for none (or one that fired). */
    private Fault requested(String operation, String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String[] parts = header.trim().split(" ", 2);
        if (parts.length < 2 || !firedIds.add(parts[1])) {
            return null;
        }
        String[] kind = parts[0].split(":", 2);
        int number = kind.length > 1 ? Integer.parseInt(kind[1]) : 0;
        Kind armed = Kind.valueOf(kind[0]);
        return armed == Kind.APPLY_THEN_DELAY_ANSWER ? Fault.delayed(operation, Duration.ofMillis(number))
                : new Fault(operation, armed, number, Duration.ZERO);
    }

    private HttpResponse<byte[]> send(byte[] body, HttpExchange exchange) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI()))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private void forward(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        relay(exchange, send(body, exchange));
    }

    private static void relay(HttpExchange exchange, HttpResponse<byte[]> response) throws IOException {
        response.headers().map().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(response.body());
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String error(String type, String message) {
        return JSON.createObjectNode().put("__type", PROTOCOL + type).put("message", message).toString();
    }

    /** DynamoDB's cancellation: one reason per item of the request, in order. */
    private static String conflict(byte[] body, int itemIndex) throws IOException {
        JsonNode request = JSON.readTree(body);
        int items = Math.max(1, request.path("TransactItems").size());
        var reasons = JSON.createArrayNode();
        StringBuilder codes = new StringBuilder();
        for (int i = 0; i < items; i++) {
            String code = i == Math.min(itemIndex, items - 1) ? "TransactionConflict" : "None";
            var reason = reasons.addObject().put("Code", code);
            if (code.equals("TransactionConflict")) {
                reason.put("Message", "Transaction is ongoing for the item");
            }
            codes.append(i == 0 ? "" : ", ").append(code);
        }
        var error = JSON.createObjectNode()
                .put("__type", PROTOCOL + "TransactionCanceledException")
                .put("Message", "Transaction cancelled, please refer cancellation reasons for specific reasons [" + codes + "]");
        error.set("CancellationReasons", reasons);
        return error.toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
