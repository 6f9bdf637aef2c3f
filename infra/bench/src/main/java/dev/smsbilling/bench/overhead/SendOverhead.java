package dev.smsbilling.bench.overhead;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smsbilling.bench.coldstart.launcher.MinimalContext;
import dev.smsbilling.billing.store.Account;
import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.billing.store.Idempotency;
import dev.smsbilling.billing.store.MessageCharge;
import dev.smsbilling.billing.store.StoredResponse;
import dev.smsbilling.billing.store.dynamodb.BareSendRequests;
import dev.smsbilling.billing.store.dynamodb.DynamoDbBillingStore;
import dev.smsbilling.http.Sha256;
import dev.smsbilling.http.testing.FunctionCall;
import dev.smsbilling.pricing.Pricer;
import dev.smsbilling.pricing.Quote;
import dev.smsbilling.sendcharge.SendChargeHandler;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * Warm sends through the handler against the bare DynamoDB requests of the same send, interleaved
 * pair by pair on one client and one table (which one goes first alternates). The table is
 * replaced every {@code block} pairs, because moto's transactions slow down as a table grows.
 */
final class SendOverhead {
    static final String EVENT = "send-message.json";
    private static final long FUNDS = 10_000_000_000L; // $10,000: a million sends

    /** {@code outsideSdk}: per handler call, its time minus the time inside its own SDK calls. */
    record Result(Percentiles handler, Percentiles bare, Percentiles outsideSdk, int blocks, int block, int warmup) {
    }

    private final DynamoDbClient client;
    private final CallRecorder timer;
    private final Pricer pricer = Pricer.fromEnvironment();
    private final MessageCharge charge;

    /** {@code client} must carry {@code timer}; both sides use it. */
    SendOverhead(DynamoDbClient client, CallRecorder timer) throws IOException {
        this.client = client;
        this.timer = timer;
        JsonNode body = new ObjectMapper().readTree(
                new ObjectMapper().readTree(FunctionCall.eventsFolder().resolve(EVENT).toFile()).path("body").asText());
        Quote quote = pricer.quote(body.path("content").asText(), body.path("to").get(0).asText());
        this.charge = new MessageCharge(quote.to(), body.path("from").asText(), quote.segments(), quote.country(),
                quote.perSegmentMicros(), quote.encoding(), quote.costMicros(), quote.rateTableVersion());
    }

    Result run(int pairs, int block, int warmup) {
        List<Long> handlerNanos = new ArrayList<>(pairs);
        List<Long> bareNanos = new ArrayList<>(pairs);
        List<Long> outsideNanos = new ArrayList<>(pairs);
        int blocks = (pairs + block - 1) / block;
        for (int b = 0; b < blocks; b++) {
            int timed = Math.min(block, pairs - b * block);
            int untimed = b == 0 ? warmup : Math.max(5, warmup / 20);
            runBlock(untimed, timed, handlerNanos, bareNanos, outsideNanos);
            log("overhead: block " + (b + 1) + " of " + blocks + " done");
        }
        return new Result(Percentiles.of(handlerNanos), Percentiles.of(bareNanos), Percentiles.of(outsideNanos), blocks, block, warmup);
    }

    private void runBlock(int untimed, int timed, List<Long> handlerNanos, List<Long> bareNanos, List<Long> outsideNanos) {
        String table = Fixture.table(client, "overhead");
        try {
            BillingStore store = new DynamoDbBillingStore(client, table, Clock.systemUTC());
            SendChargeHandler handler = new SendChargeHandler(pricer, store);
            String handlerAccount = Fixture.account(store, FUNDS);
            String bareAccount = Fixture.account(store, FUNDS);
            Account bare = store.readAccount(bareAccount).orElseThrow();
            BareSendRequests requests = new BareSendRequests(table);
            FunctionCall call = FunctionCall.event(EVENT).account(handlerAccount);
            Timed timedHandler = new Timed(handler);

            // The stored answer of a send, to put the same idempotency record on the bare side.
            String firstKey = key("h");
            sendThroughHandler(call, timedHandler, firstKey);
            StoredResponse response = store.lookupIdempotency(handlerAccount, firstKey).orElseThrow()
                    .response().orElseThrow();

            long seq = bare.seq();
            long balance = bare.balanceMicros();
            for (int i = 0; i < untimed + timed; i++) {
                boolean handlerFirst = i % 2 == 0;
                long h = 0;
                long r = 0;
                long outside = 0;
                for (int side = 0; side < 2; side++) {
                    if ((side == 0) == handlerFirst) {
                        long sdkBefore = timer.threadSdkNanos();
                        h = sendThroughHandler(call, timedHandler, key("h"));
                        outside = h - (timer.threadSdkNanos() - sdkBefore);
                    } else {
                        String key = key("b");
                        Idempotency idempotency = new Idempotency(key, Sha256.hex(key));
                        TransactGetItemsRequest read = requests.read(bareAccount, idempotency);
                        TransactWriteItemsRequest write = requests.write(bareAccount, seq, balance, charge,
                                Optional.of(idempotency), response, Instant.now());
                        long start = System.nanoTime();
                        client.transactGetItems(read);
                        client.transactWriteItems(write);
                        r = System.nanoTime() - start;
                        seq++;
                        balance -= charge.costMicros();
                    }
                }
                if (i >= untimed) {
                    handlerNanos.add(h);
                    bareNanos.add(r);
                    outsideNanos.add(outside);
                }
            }
        } finally {
            Fixture.drop(client, table);
        }
    }

    /** Times {@code handleRequest} alone: the event's bytes in, the response's bytes out. */
    private static long sendThroughHandler(FunctionCall call, Timed timed, String key) {
        FunctionCall.Response response = call.header("Idempotency-Key", key).invoke(timed);
        if (response.status() != 202) {
            throw new IllegalStateException("send answered " + response.status() + ": " + response.body());
        }
        return timed.lastNanos;
    }

    /** A unique key per call, all of one length ({@code h} or {@code b} and a UUID). */
    private static String key(String side) {
        return side + UUID.randomUUID();
    }

    /** Wraps the handler: the clock runs around its handleRequest only, with a fresh context. */
    static final class Timed implements RequestStreamHandler {
        private final RequestStreamHandler handler;
        long lastNanos;

        Timed(RequestStreamHandler handler) {
            this.handler = handler;
        }

        @Override
        public void handleRequest(java.io.InputStream input, java.io.OutputStream output,
                                  com.amazonaws.services.lambda.runtime.Context ignored) throws IOException {
            MinimalContext context = MinimalContext.quiet(10_000);
            long start = System.nanoTime();
            handler.handleRequest(input, output, context);
            lastNanos = System.nanoTime() - start;
        }
    }

    private static void log(String message) {
        System.err.println("[overhead] " + message);
    }
}
