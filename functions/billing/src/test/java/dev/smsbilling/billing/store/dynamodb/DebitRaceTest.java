package dev.smsbilling.billing.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smsbilling.billing.store.Deadline;
import dev.smsbilling.billing.store.DebitResult;
import dev.smsbilling.billing.store.DebitResult.InsufficientFunds;
import dev.smsbilling.billing.store.Idempotency;
import dev.smsbilling.billing.store.KeySeenBefore.Replayed;
import dev.smsbilling.billing.store.WriteDeadlineExceeded;
import dev.smsbilling.billing.store.WriteOutcome.Committed;
import dev.smsbilling.endpoint.RealDynamoDb;
import dev.smsbilling.endpoint.TestTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Many writers on one account: the protocol's retries must keep every invariant exact. */
@RealDynamoDb
class DebitRaceTest {
    private static final int THREADS = 16;
    private static final int SENDS_PER_CLIENT = 5;
    private final StoreFixture fixture;

    DebitRaceTest(TestTable table) {
        this.fixture = new StoreFixture(table);
    }

    @Test
    void racingDebitsOfMixedSizesSpendExactlyWhatLeftTheBalance() throws Exception {
        long opening = 1_005_000; // costs are whole cents, so the race can never end at exactly 0
        String account = fixture.openAccount(opening);
        long[] sizes = {10_000, 30_000, 70_000, 130_000};
        List<Long> costs = new ArrayList<>();
        for (int i = 0; i < 96; i++) {
            costs.add(sizes[i % sizes.length]); // 96 debits worth 5,760,000
        }

        List<DebitResult> results = race(costs.stream().map(cost -> (Callable<DebitResult>) () -> fixture.debit(account, cost)).toList());

        long accepted = 0;
        int committed = 0;
        List<Long> refusedCosts = new ArrayList<>();
        for (DebitResult result : results) {
            if (result instanceof Committed c) {
                committed++;
                accepted = Math.addExact(accepted, -c.entry().amountMicros());
            } else if (result instanceof InsufficientFunds refused) {
                refusedCosts.add(refused.costMicros());
            } else {
                throw new AssertionError("unexpected " + result);
            }
        }
        long finalBalance = fixture.balance(account);
        System.out.printf("[race] %d debits of mixed sizes from %d threads against %d: %d committed (%d spent),"
                        + " %d refused, final balance %d%n",
                costs.size(), THREADS, opening, committed, accepted, refusedCosts.size(), finalBalance);
        assertThat(committed + refusedCosts.size()).isEqualTo(costs.size());
        assertThat(accepted).isEqualTo(opening - finalBalance);
        assertThat(finalBalance).isNotNegative().isLessThan(sizes[0]);
        assertThat(refusedCosts).allSatisfy(cost -> assertThat(cost).isGreaterThan(finalBalance));
        assertThat(fixture.ledger(account)).hasSize(committed + 1);
        fixture.assertLedgerConsistent(account);
    }

    @Test
    void twentyConcurrentRetriesOfOneKeyChargeOnceAndAllGetTheSameResponse() throws Exception {
        String account = fixture.openAccount(1_000_000);
        Idempotency key = StoreFixture.key("same-key", "POST /v1/messages {same}");
        List<Callable<DebitResult>> retries = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            retries.add(() -> fixture.debit(account, 30_000, Optional.of(key)));
        }

        List<DebitResult> results = race(retries);

        List<Committed> committed = results.stream().filter(Committed.class::isInstance).map(Committed.class::cast).toList();
        List<Replayed> replayed = results.stream().filter(Replayed.class::isInstance).map(Replayed.class::cast).toList();
        System.out.printf("[race] 20 concurrent debits with one key: %d committed, %d replayed, final balance %d%n",
                committed.size(), replayed.size(), fixture.balance(account));
        assertThat(committed).hasSize(1);
        assertThat(replayed).hasSize(19).allSatisfy(r -> assertThat(r.response()).isEqualTo(committed.get(0).response()));
        assertThat(fixture.balance(account)).isEqualTo(970_000);
        assertThat(fixture.ledger(account)).hasSize(2);
        fixture.assertLedgerConsistent(account);
    }

    /**
     * Sixteen clients sending five messages each, one after another, to one account, every send
     * with what a send-charge invocation has (its 10 s timeout less the answer's margin). Each
     * ends committed or, if the account was too contended to finish in time, with nothing written
     * (the 503 account_busy of the API); the aim, printed, is none of the latter. The emulator
     * serialises every request, so its throughput, not the protocol, bounds this here.
     */
    @Test
    void sixteenClientsOnOneAccountEachCommitOrGiveUpHavingWrittenNothing() throws Exception {
        String account = fixture.openAccount(10_000_000);
        List<Callable<List<Long>>> clients = new ArrayList<>();
        AtomicInteger busy = new AtomicInteger();
        for (int c = 0; c < THREADS; c++) {
            clients.add(() -> {
                List<Long> millis = new ArrayList<>();
                for (int send = 0; send < SENDS_PER_CLIENT; send++) {
                    long started = System.nanoTime();
                    try {
                        DebitResult result = fixture.store.debit(account, StoreFixture.charge(10_000), Optional.empty(),
                                StoreFixture.RENDERER, Deadline.within(Duration.ofMillis(9_500)));
                        assertThat(result).isInstanceOf(Committed.class);
                        millis.add((System.nanoTime() - started) / 1_000_000);
                    } catch (WriteDeadlineExceeded gaveUp) {
                        busy.incrementAndGet();
                    }
                }
                return millis;
            });
        }

        List<Long> latencies = race(clients).stream().flatMap(List::stream).sorted().toList();

        System.out.printf("[race] %d sends from %d clients on one account: %d committed, %d busy; median %s ms, p99 %s ms%n",
                THREADS * SENDS_PER_CLIENT, THREADS, latencies.size(), busy.get(),
                latencies.isEmpty() ? "-" : latencies.get(latencies.size() / 2),
                latencies.isEmpty() ? "-" : latencies.get(latencies.size() * 99 / 100));
        assertThat(latencies.size() + busy.get()).isEqualTo(THREADS * SENDS_PER_CLIENT);
        assertThat(fixture.ledger(account)).hasSize(latencies.size() + 1);
        assertThat(fixture.balance(account)).isEqualTo(10_000_000 - latencies.size() * 10_000L);
        fixture.assertLedgerConsistent(account);
    }

    /** Starts all tasks at once (a latch) so they really overlap. */
    private static <T> List<T> race(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(3, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
