package dev.smsbilling.bench.overhead;

import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.billing.store.dynamodb.DynamoDbBillingStore;
import dev.smsbilling.endpoint.DynamoDbEndpoint;
import dev.smsbilling.http.testing.FunctionCall;
import dev.smsbilling.pricing.Pricer;
import dev.smsbilling.sendcharge.SendChargeHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Sends per second through the handler with N concurrent clients, each its own handler and
 * DynamoDB client (as N warm Lambda instances would be), on one account or spread over many.
 * Every send carries a unique Idempotency-Key. A fresh table per configuration.
 */
final class SendThroughput {
    private static final long FUNDS = 10_000_000_000L;

    record Row(int clients, int accounts, long sends, long failures, double seconds, Percentiles latency,
               long transactWrites, long cancelled) {
        double perSecond() {
            return sends / seconds;
        }

        double attemptsPerSend() {
            return sends == 0 ? Double.NaN : (double) transactWrites / sends;
        }
    }

    private final DynamoDbEndpoint endpoint;
    private final DynamoDbClient admin;

    SendThroughput(DynamoDbEndpoint endpoint, DynamoDbClient admin) {
        this.endpoint = endpoint;
        this.admin = admin;
    }

    Row run(int clients, int accountCount, Duration warmup, Duration measured) throws InterruptedException {
        String table = Fixture.table(admin, "rps");
        try {
            BillingStore seeding = new DynamoDbBillingStore(admin, table, Clock.systemUTC());
            List<String> accounts = new ArrayList<>();
            for (int i = 0; i < accountCount; i++) {
                accounts.add(Fixture.account(seeding, FUNDS));
            }
            CallRecorder counter = CallRecorder.counting();
            Pricer pricer = Pricer.fromEnvironment();
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            AtomicLong sends = new AtomicLong();
            AtomicLong failures = new AtomicLong();
            AtomicLong transactions = new AtomicLong();
            // Set once every client is built, then published to them by the start gate.
            long[] window = new long[2];
            CountDownLatch gate = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(clients);
            List<DynamoDbClient> opened = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                DynamoDbClient dynamo = Fixture.client(endpoint, counter);
                opened.add(dynamo);
                SendChargeHandler handler = new SendChargeHandler(pricer, new DynamoDbBillingStore(dynamo, table, Clock.systemUTC()));
                SendOverhead.Timed timed = new SendOverhead.Timed(handler);
                FunctionCall call = FunctionCall.event(SendOverhead.EVENT);
                Thread thread = new Thread(() -> {
                    try {
                        gate.await();
                        long measureFrom = window[0];
                        long measureTo = window[1];
                        for (long i = 0; System.nanoTime() < measureTo; i++) {
                            String account = accounts.get((int) ((client + i * clients) % accounts.size()));
                            long writesBefore = counter.threadTransactWrites();
                            FunctionCall.Response response = call.account(account)
                                    .header("Idempotency-Key", "t" + UUID.randomUUID()).invoke(timed);
                            long ended = System.nanoTime();
                            if (ended >= measureFrom && ended <= measureTo) { // completed in the window
                                if (response.status() == 202) {
                                    sends.incrementAndGet();
                                    transactions.addAndGet(counter.threadTransactWrites() - writesBefore);
                                    latencies.add(timed.lastNanos);
                                } else {
                                    failures.incrementAndGet();
                                }
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        done.countDown();
                    }
                }, "rps-client-" + c);
                thread.setDaemon(true);
                thread.start();
            }
            long measureFrom = System.nanoTime() + warmup.toNanos();
            long measureTo = measureFrom + measured.toNanos();
            window[0] = measureFrom;
            window[1] = measureTo;
            gate.countDown();
            sleepUntil(measureFrom);
            long cancelledBefore = counter.transactWritesCancelled.get();
            sleepUntil(measureTo);
            long cancelled = counter.transactWritesCancelled.get() - cancelledBefore;
            done.await();
            long writes = transactions.get();
            opened.forEach(DynamoDbClient::close);
            double seconds = measured.toNanos() / 1e9;
            return new Row(clients, accountCount, sends.get(), failures.get(), seconds,
                    latencies.isEmpty() ? Percentiles.of(0L) : Percentiles.of(latencies), writes, cancelled);
        } finally {
            Fixture.drop(admin, table);
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, left / 1_000_000L));
        }
    }
}
