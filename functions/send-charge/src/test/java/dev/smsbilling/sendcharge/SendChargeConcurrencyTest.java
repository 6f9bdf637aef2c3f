package dev.smsbilling.sendcharge;

import static dev.smsbilling.http.testing.FunctionCall.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.billing.testing.TestAccounts;
import dev.smsbilling.billing.store.LedgerEntry;
import dev.smsbilling.billing.store.dynamodb.DynamoDbBillingStore;
import dev.smsbilling.endpoint.RealDynamoDb;
import dev.smsbilling.endpoint.TestTable;
import dev.smsbilling.http.testing.FunctionCall.Response;
import dev.smsbilling.pricing.Pricer;
import dev.smsbilling.pricing.rates.RateTableLoader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Many senders at once on one balance: every micro-dollar accounted for, nothing charged twice. */
@RealDynamoDb
class SendChargeConcurrencyTest {
    private static final String[][] MESSAGES = {
        {"Short local text", "+14155552671"},                    // 10,000
        {"a".repeat(170), "+447400123456"},                      // 2 x 50,000
        {"Grüße 😀 " + "x".repeat(70), "+4915123456789"},        // UCS-2, 2 x 90,000
        {"Hola", "+18762345678"},                                // 60,000
    };

    private final TestAccounts accounts;
    private final SendChargeHandler handler;

    SendChargeConcurrencyTest(TestTable table) {
        BillingStore store = new DynamoDbBillingStore(table.client(), table.name(), Clock.systemUTC());
        this.accounts = new TestAccounts(store);
        this.handler = new SendChargeHandler(new Pricer(RateTableLoader.bundled()), store);
    }

    @Test
    void racingSendsSpendExactlyWhatLeavesTheBalanceAndNeverOverdraw() throws Exception {
        long opening = 1_000_000;
        String account = accounts.open(opening);
        List<Callable<Response>> sends = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            String[] message = MESSAGES[i % MESSAGES.length];
            sends.add(() -> event("send-message.json").account(account).header("Idempotency-Key", null)
                    .body("{\"content\": \"" + message[0] + "\", \"from\": \"+14155550100\", \"to\": [\"" + message[1] + "\"]}")
                    .invoke(handler));
        }

        List<Response> responses = concurrently(sends);

        long accepted = responses.stream().filter(r -> r.status() == 202)
                .mapToLong(r -> r.data().path("cost").path("costMicros").asLong()).sum();
        List<Response> refused = responses.stream().filter(r -> r.status() != 202).toList();
        long balance = accounts.balance(account);
        System.out.printf("[send race] 64 sends from 16 threads on %d: %d accepted (%d spent), %d refused, balance %d%n",
                opening, responses.size() - refused.size(), accepted, refused.size(), balance);
        assertThat(balance).isGreaterThanOrEqualTo(0);
        assertThat(accepted).isEqualTo(opening - balance);
        assertThat(refused).isNotEmpty().allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(402);
            assertThat(r.json().path("costMicros").asLong()).isGreaterThan(balance); // balances only fall during the race
        });
        assertThat(accounts.ledgerSum(account)).isEqualTo(balance);
        List<LedgerEntry> oldestFirst = new ArrayList<>(accounts.ledger(account));
        Collections.reverse(oldestFirst);
        for (int i = 0; i < oldestFirst.size(); i++) {
            assertThat(oldestFirst.get(i).seq()).isEqualTo(i + 1);
        }
    }

    @Test
    void twentyConcurrentRetriesOfOneKeyChargeOnceAndAgreeOnTheMessage() throws Exception {
        String account = accounts.open(1_000_000);
        List<Callable<Response>> sends = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sends.add(() -> event("send-message.json").account(account).invoke(handler));
        }

        List<Response> responses = concurrently(sends);

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).isIn(202, 409));
        assertThat(responses.stream().filter(r -> r.status() == 202).map(Response::body).distinct()).hasSize(1);
        assertThat(accounts.ledger(account)).hasSize(2); // the seed credit and one message
        assertThat(accounts.balance(account)).isEqualTo(1_000_000 - 10_000);
    }

    private static List<Response> concurrently(List<Callable<Response>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Response> results = new ArrayList<>();
            for (Future<Response> future : pool.invokeAll(calls)) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
    }
}
