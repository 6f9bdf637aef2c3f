package dev.smsbilling.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.smsbilling.template.SamTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The HTTP side of the local API: a loopback server whose every request goes through the
 * {@link Gateway}. Knows nothing of DynamoDB, so tests start it on a template of their own.
 */
public final class LocalServer implements AutoCloseable {
    private static final int REQUEST_THREADS = 32;

    private final HttpServer server;
    private final ExecutorService requestThreads;
    private final Functions functions;
    private final Gateway gateway;
    private final Consumer<String> log;

    private LocalServer(HttpServer server, ExecutorService requestThreads, Functions functions, Gateway gateway,
                        Consumer<String> log) {
        this.server = server;
        this.requestThreads = requestThreads;
        this.functions = functions;
        this.gateway = gateway;
        this.log = log;
    }

    /** Serves the template's routes on 127.0.0.1:port (0 for any free port), logging to stdout. */
    public static LocalServer start(SamTemplate template, HandlerFactory handlers, int port) throws IOException {
        return start(template, handlers, port, System.out::println);
    }

    public static LocalServer start(SamTemplate template, HandlerFactory handlers, int port, Consumer<String> log)
            throws IOException {
        Functions functions = new Functions(template.functions(), handlers);
        Gateway gateway = new Gateway(template, functions, Clock.systemUTC(), System.err::println);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        AtomicInteger count = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(REQUEST_THREADS,
                r -> new Thread(r, "local-api-" + count.incrementAndGet()));
        server.setExecutor(threads);
        LocalServer local = new LocalServer(server, threads, functions, gateway, log);
        server.createContext("/", local::serve);
        server.start();
        return local;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** For in-process calls (the demo account) that should behave exactly like HTTP ones. */
    public Gateway gateway() {
        return gateway;
    }

    Optional<ScheduledRun> schedule() {
        return gateway.schedule();
    }

    List<WarmFunction> functions() {
        return functions.all();
    }

    private void serve(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        int status = 500;
        try (exchange) {
            GatewayResponse response = gateway.handle(request(exchange));
            status = response.status();
            write(exchange, response);
        } catch (RuntimeException e) {
            System.err.println("local API failed on " + RequestLog.line(method, path, status, 0) + ": " + e.getClass().getName());
            throw e;
        } finally {
            log.accept(RequestLog.line(method, path, status, (System.nanoTime() - started) / 1_000_000));
        }
    }

    private static IncomingRequest request(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            // One byte over the limit is enough to refuse; the rest is never buffered.
            body = in.readNBytes(Gateway.MAX_BODY_BYTES + 1);
        }
        URI uri = exchange.getRequestURI();
        return new IncomingRequest(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(),
                exchange.getRequestHeaders(), body, exchange.getRemoteAddress(), exchange.getProtocol());
    }

    private static void write(HttpExchange exchange, GatewayResponse response) throws IOException {
        response.headers().forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
        boolean noBody = response.body().length == 0 || exchange.getRequestMethod().equals("HEAD")
                || response.status() == 204 || response.status() == 304;
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }

    /** Stops accepting, lets requests in flight finish for up to a second, then stops the threads. */
    @Override
    public void close() {
        server.stop(1);
        requestThreads.shutdown();
        try {
            requestThreads.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        requestThreads.shutdownNow();
        functions.close();
    }
}
