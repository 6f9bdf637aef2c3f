package dev.smsbilling.local;

import dev.smsbilling.endpoint.Environment;
import dev.smsbilling.endpoint.NoDynamoDbAvailable;
import dev.smsbilling.endpoint.Repository;
import dev.smsbilling.template.SamTemplate;
import dev.smsbilling.template.TemplateReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.BindException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The local API: a DynamoDB with the billing table, the routes of template.yaml served on
 * 127.0.0.1:$PORT (default 3000) through the real handlers, the schedule ticking, and a demo
 * account. Started by infra/local/run; Ctrl-C stops all of it, moto included.
 */
public final class LocalApi {
    private static final int DEFAULT_PORT = 3000;

    private LocalApi() {
    }

    public static void main(String[] args) {
        try {
            start(Environment.system());
        } catch (NoDynamoDbAvailable | StartFailed e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    private static void start(Environment env) {
        int port = port(env);
        Path template = Repository.template();
        SamTemplate sam = TemplateReader.read(template);

        LocalDatabase database = LocalDatabase.open(env, template);
        database.publishConfiguration(env); // before any handler is constructed

        LocalServer server;
        try {
            server = LocalServer.start(sam, HandlerFactory.byClassName(), port);
        } catch (BindException e) {
            throw new StartFailed("Port " + port + " is in use: stop what is listening there or set PORT to another port.");
        } catch (IOException e) {
            throw new StartFailed("The local API could not listen on port " + port + ": " + e.getMessage());
        }
        ScheduleTicker ticker = server.schedule()
                .flatMap(run -> run.spec().rate().map(every -> ScheduleTicker.start(run, every, System.out::println)))
                .orElse(null);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (ticker != null) {
                ticker.close();
            }
            server.close();
            System.out.println("local API stopped");
        }, "local-api-stop"));

        List<String> unavailable = warm(server.functions());
        RouteListing.print(sam, server.uri(), unavailable, System.out);
        DemoAccount.seed(sam, server.gateway(), server.uri()).forEach(System.out::println);
        System.out.println();
        System.out.println("Ready on " + server.uri() + " in " + ManagementFactory.getRuntimeMXBean().getUptime()
                + " ms (Ctrl-C stops it)");
    }

    /** Constructs every handler now, in parallel, so the first request is warm; says which cannot be. */
    private static List<String> warm(List<WarmFunction> functions) {
        List<CompletableFuture<String>> attempts = new ArrayList<>();
        for (WarmFunction function : functions) {
            attempts.add(CompletableFuture.supplyAsync(() -> {
                try {
                    function.instance();
                    return null;
                } catch (InvocationFailed e) {
                    return e.getMessage();
                }
            }));
        }
        return attempts.stream().map(CompletableFuture::join).filter(m -> m != null).toList();
    }

    private static int port(Environment env) {
        String value = env.get("PORT");
        if (value == null || value.isBlank()) {
            return DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new StartFailed("PORT=" + value + " is not a port number.");
        }
    }

    /** A start-up problem the user fixes by hand: one sentence, no stack trace. */
    private static final class StartFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StartFailed(String message) {
            super(message, null, false, false);
        }
    }
}
