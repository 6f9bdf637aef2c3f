package dev.smsbilling.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The endpoint keeps conditional transactions atomic under concurrency: the property every
 * later money test relies on (unserialised moto fails this by overdrawing).
 */
@RealDynamoDb
class ConcurrencyStormTest {
    private static final int THREADS = 16;
    private final DebitFixture ledger;

    ConcurrencyStormTest(TestTable table) {
        this.ledger = new DebitFixture(table);
    }

    @Test
    void fourHundredOneUnitDebitsAgainstABalanceOf150SucceedExactly150Times() throws Exception {
        ledger.openAccount("storm", 150);
        List<Callable<Boolean>> debits = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String key = String.format("%05d", i);
            debits.add(() -> ledger.debit("storm", key, 1) == null);
        }

        long successes = runConcurrently(debits).stream().filter(Boolean::booleanValue).count();

        System.out.printf("[storm] 400 debits of 1 from %d threads against 150: %d succeeded, balance %d, %d ledger items%n",
                THREADS, successes, ledger.balance("storm"), ledger.ledgerItems("storm"));
        assertThat(successes).isEqualTo(150);
        assertThat(ledger.balance("storm")).isZero();
        assertThat(ledger.ledgerItems("storm")).isEqualTo(150);
    }

    @Test
    void fiftyConcurrentWritesOfOneLedgerKeyCommitOnce() throws Exception {
        ledger.openAccount("same-key", 1_000);
        List<Callable<Boolean>> debits = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            debits.add(() -> ledger.debit("same-key", "00001", 1) == null);
        }

        long successes = runConcurrently(debits).stream().filter(Boolean::booleanValue).count();

        System.out.printf("[storm] 50 writes of one ledger key: %d succeeded%n", successes);
        assertThat(successes).isEqualTo(1);
        assertThat(ledger.balance("same-key")).isEqualTo(999);
        assertThat(ledger.ledgerItems("same-key")).isEqualTo(1);
    }

    private static <T> List<T> runConcurrently(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> future : pool.invokeAll(tasks)) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
    }
}
