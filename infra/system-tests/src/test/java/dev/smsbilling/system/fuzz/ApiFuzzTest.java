package dev.smsbilling.system.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smsbilling.endpoint.RealDynamoDb;
import dev.smsbilling.endpoint.TestTable;
import dev.smsbilling.template.RouteSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Every route of template.yaml under generated hostile requests, against the real handlers,
 * the real authorizer and a real DynamoDB table. The volume (10,000 requests per route by
 * default) goes through the local API's gateway in-process; a sample goes over real HTTP.
 * After every batch the table is read back: item count, balance, ledger length, auto-charge
 * settings and subscription must be exactly what the batch's successful answers account for.
 *
 * <p>{@code -Dfuzz.seed=N} replays a run; {@code -Dfuzz.long=true} sends ten times as many;
 * {@code -Dfuzz.requests=N} and {@code -Dfuzz.http=N} set the counts per route.
 */
@RealDynamoDb
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiFuzzTest {
    private static final boolean LONG = Boolean.getBoolean("fuzz.long");
    private static final int PER_ROUTE = Integer.getInteger("fuzz.requests", LONG ? 100_000 : 10_000);
    private static final int HTTP_PER_ROUTE = Integer.getInteger("fuzz.http", LONG ? 2_000 : 200);
    /** Requests between two reconciliations with the table (each one scans the whole table). */
    private static final int BATCH = 2500;
    /**
     * Reads run two at a time; writes one at a time, since writers on one account retry each
     * other's conflicts with backoff, which the emulator's pace can stretch past a function's
     * timeout (concurrent writers are the storm tests' subject, not this one's).
     */
    private static final int THREADS = 2;
    /** The emulator's few hundred calls a second, not the API, set the pace: see FuzzGenerator. */
    private static final double DATABASE_SHARE = Double.parseDouble(System.getProperty("fuzz.databaseShare", "0.015"));
    private static final int MAX_REPORTED = 15;

    private final long seed = Long.getLong("fuzz.seed", new SplittableRandom().nextLong());
    private TestApi api;
    private TableState table;
    private Tenants tenants;
    private Map<String, String> accountByKey;
    private ExecutorService threads;
    private ExecutorService writer;
    private LogTap log;

    @BeforeAll
    void start(TestTable testTable) {
        System.out.println("[fuzz] seed " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
        api = TestApi.start(testTable);
        table = new TableState(testTable);
        tenants = api.tenants();
        accountByKey = Map.of(tenants.a().key(), tenants.a().id(), tenants.b().key(), tenants.b().id(),
                tenants.c().key(), tenants.c().id());
        threads = Executors.newFixedThreadPool(THREADS);
        writer = Executors.newSingleThreadExecutor();
        System.out.println("[fuzz] destinations priced at setup: " + tenants.destinations());
    }

    @AfterAll
    void stop() {
        threads.shutdownNow();
        writer.shutdownNow();
        api.close();
    }

    @Test
    @Order(1)
    void everyRouteInProcess() throws Exception {
        fuzz(api.inProcess, PER_ROUTE, false, new SplittableRandom(seed), DATABASE_SHARE);
    }

    @Test
    @Order(2)
    void aSampleOfEveryRouteOverHttp() throws Exception {
        fuzz(api.http, HTTP_PER_ROUTE, true, new SplittableRandom(seed ^ 0x5DEECE66DL), 0.1);
    }

    private void fuzz(Wire wire, int perRoute, boolean overHttp, SplittableRandom random, double databaseShare) throws Exception {
        List<RouteSpec> routes = api.template.routes();
        assertThat(routes).as("routes read from template.yaml").isNotEmpty();
        FuzzGenerator generator = new FuzzGenerator(random, tenants, routes, databaseShare);
        List<String> failures = new ArrayList<>();
        List<String> summary = new ArrayList<>();
        List<String> accounts = List.of(tenants.a().id(), tenants.b().id(), tenants.c().id());
        long started = System.nanoTime();
        long leakedLines;
        long loggedLines;
        try (LogTap tap = LogTap.start(40)) {
            log = tap;
            for (String key : accountByKey.keySet()) {
                tap.secret(key);
            }
            tap.secret("pm_card_visa");
            tap.secret("pm_card_mastercard");
            for (RouteSpec route : routes) {
                long routeStarted = System.nanoTime();
                Map<String, Integer> statuses = new TreeMap<>();
                int sent = 0;
                int verifiedBatches = 0;
                int batchesWithoutWrites = 0;
                while (sent < perRoute) {
                    int size = Math.min(BATCH, perRoute - sent);
                    List<FuzzRequest> batch = new ArrayList<>(size);
                    for (int i = 0; i < size; i++) {
                        batch.add(generator.next(route, overHttp));
                    }
                    TableState.Snapshot before = table.snapshot(accounts);
                    List<Future<Reply>> replies = new ArrayList<>();
                    ExecutorService pool = route.method().equals("GET") ? threads : writer;
                    for (FuzzRequest request : batch) {
                        replies.add(pool.submit(() -> wire.send(request)));
                    }
                    Effects effects = new Effects(accountByKey);
                    for (int i = 0; i < size; i++) {
                        FuzzRequest request = batch.get(i);
                        Reply reply = replies.get(i).get();
                        statuses.merge(String.valueOf(reply.status()), 1, Integer::sum);
                        List<String> problems = new ArrayList<>(Responses.problems(request, reply));
                        String shape = effects.add(request, reply);
                        if (shape != null) {
                            problems.add(shape);
                        }
                        if (reply.status() / 100 == 2 && !reply.replayed()) {
                            generator.completed(request);
                        }
                        if (!problems.isEmpty() && failures.size() < MAX_REPORTED) {
                            failures.add(describe(request, reply, problems));
                        }
                    }
                    sent += size;
                    List<String> differences = effects.differences(before, table.snapshot(accounts));
                    if (!differences.isEmpty() && failures.size() < MAX_REPORTED) {
                        failures.add(route.routeKey() + ": after a batch of " + size + " requests: " + differences);
                    }
                    verifiedBatches++;
                    batchesWithoutWrites += effects.writes == 0 ? 1 : 0;
                }
                summary.add(String.format("[fuzz] %-48s %6d requests %s in %5d ms; %d batches reconciled (%d with no write at all)",
                        route.routeKey(), sent, statuses, (System.nanoTime() - routeStarted) / 1_000_000, verifiedBatches,
                        batchesWithoutWrites));
            }
            tap.kept().forEach(line -> tap.say("[fuzz] logged: " + line));
            leakedLines = tap.leaks().size();
            loggedLines = tap.lines();
            if (leakedLines > 0) {
                failures.add("log lines with an API key or a payment method: " + tap.leaks().subList(0, Math.min(5, tap.leaks().size())));
            }
        }
        summary.forEach(System.out::println);
        System.out.printf("[fuzz] %s: %d routes x %d requests in %d ms; %d log lines checked for keys and payment methods, %d leaks%n",
                overHttp ? "over HTTP" : "in-process gateway", routes.size(), perRoute, (System.nanoTime() - started) / 1_000_000,
                loggedLines, leakedLines);
        assertThat(failures).as("seed " + seed + " (replay with -Dfuzz.seed=" + seed + ")").isEmpty();
    }

    private static String describe(FuzzRequest request, Reply reply, List<String> problems) {
        String body = request.bodyText();
        String text = reply.text();
        return request.route() + " [" + request.family() + "] " + request.method() + " " + abbreviate(request.target(), 120)
                + " headers=" + abbreviate(request.headers().toString(), 200) + " body(" + request.body().length + ")="
                + abbreviate(body, 200) + " -> " + reply.status() + " " + abbreviate(text, 300) + ": " + problems;
    }

    private static String abbreviate(String text, int max) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > max ? printable.substring(0, max) + "..." : printable;
    }
}
