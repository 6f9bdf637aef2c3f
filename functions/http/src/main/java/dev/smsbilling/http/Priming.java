package dev.smsbilling.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart priming: work run once before Lambda snapshots an initialised function, so that the
 * classes and compiled code of a real request are in the snapshot and a restored instance answers
 * its first request about as fast as its second. Without SnapStart no snapshot is taken and the
 * work never runs.
 *
 * <p>Priming must have no effect outside the function: no write, no credentials (they would be
 * frozen into the snapshot), no request a customer could see. Code that would reach outside asks
 * {@link #inProgress()} and stays inside instead (the AWS SDK clients answer their own requests).
 */
public final class Priming {
    /** org.crac holds resources weakly; these must live as long as the function. */
    private static final List<Resource> REGISTERED = new CopyOnWriteArrayList<>();
    private static final JsonFactory JSON = new JsonFactory();
    private static final List<String> FAILURES = new CopyOnWriteArrayList<>();
    /**
     * A count, not a flag per thread: a step may hand work to a pool, and that work is priming
     * too. Lambda serves no request while it takes a snapshot, so nothing else runs meanwhile.
     */
    private static final AtomicInteger RUNNING = new AtomicInteger();
    private static final String ABSENT_ACCOUNT = "BA_priming";

    /** What {@link #simulateSnapshot} ran: the number of steps, and a line for each that failed. */
    public record Simulation(int steps, List<String> failures) {
    }

    /** What a priming step runs; it may throw, which is logged and never stops the snapshot. */
    public interface Work {
        void run() throws Exception;
    }

    private Priming() {
    }

    /**
     * Whether a priming step is running now, on any thread. What reaches outside the function
     * (a network request, credentials) must not happen then.
     */
    public static boolean inProgress() {
        return RUNNING.get() > 0;
    }

    /**
     * A payload-2.0 event of {@code routeKey} ("POST /v1/messages/quote") from an account that
     * does not exist, {@code BA_priming}, with {@code body} as its JSON body (null for none).
     */
    public static String apiEvent(String routeKey, String body) {
        return apiEvent(routeKey, body, Map.of());
    }

    /** As {@link #apiEvent(String, String)}, with these request headers (lower-case names) as well. */
    public static String apiEvent(String routeKey, String body, Map<String, String> headers) {
        return apiEventFrom(ABSENT_ACCOUNT, routeKey, body, headers);
    }

    /**
     * As {@link #apiEvent(String, String, Map)}, from {@code accountId} as the authorizer resolved
     * it: for an account that priming's own answers hold, so the request goes the whole way.
     */
    public static String apiEventFrom(String accountId, String routeKey, String body, Map<String, String> headers) {
        String path = routeKey.substring(routeKey.indexOf(' ') + 1);
        var json = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(json)) {
            g.writeStartObject();
            g.writeStringField("version", "2.0");
            g.writeStringField("routeKey", routeKey);
            g.writeStringField("rawPath", path);
            g.writeObjectFieldStart("headers");
            g.writeStringField("content-type", "application/json");
            for (Map.Entry<String, String> header : headers.entrySet()) {
                g.writeStringField(header.getKey(), header.getValue());
            }
            g.writeEndObject();
            g.writeObjectFieldStart("requestContext");
            g.writeObjectFieldStart("http");
            g.writeStringField("method", routeKey.substring(0, routeKey.indexOf(' ')));
            g.writeStringField("path", path);
            g.writeEndObject();
            g.writeObjectFieldStart("authorizer");
            g.writeObjectFieldStart("lambda");
            g.writeStringField("accountId", accountId);
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
            if (body != null) {
                g.writeStringField("body", body);
            }
            g.writeBooleanField("isBase64Encoded", false);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return json.toString();
    }

    /**
     * Runs every registered step the way a snapshot would, for the cold-start benchmark and
     * tests: org.crac fires its hooks only inside a real checkpoint.
     *
     * @return how many steps ran (every one registered in this JVM so far) and which failed
     */
    public static Simulation simulateSnapshot() {
        FAILURES.clear();
        for (Resource resource : REGISTERED) {
            try {
                resource.beforeCheckpoint(null);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return new Simulation(REGISTERED.size(), List.copyOf(FAILURES));
    }

    public static void beforeSnapshot(String name, Work work) {
        Resource resource = new Resource() {
            @Override
            public void beforeCheckpoint(Context<? extends Resource> context) {
                RUNNING.incrementAndGet();
                try {
                    work.run();
                } catch (Exception | LinkageError e) {
                    // A snapshot without priming is slower to warm, not wrong.
                    // Priming handles no customer input, so its messages can be printed.
                    String failure = "priming " + name + " failed: " + e;
                    FAILURES.add(failure);
                    System.err.println(failure);
                } finally {
                    RUNNING.decrementAndGet();
                }
            }

            @Override
            public void afterRestore(Context<? extends Resource> context) {
            }
        };
        REGISTERED.add(resource);
        Core.getGlobalContext().register(resource);
    }
}
