package dev.smsbilling.autocharge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smsbilling.billing.payment.sandbox.SandboxPaymentProcessor;
import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.billing.store.dynamodb.DynamoDbBillingStore;
import dev.smsbilling.billing.testing.MovableClock;
import dev.smsbilling.endpoint.RealDynamoDb;
import dev.smsbilling.endpoint.TestTable;
import org.junit.jupiter.api.Test;

/**
 * How long a run takes for 1, 10 and 100 due accounts on the test endpoint. Printed, not
 * asserted: the emulator serialises requests and is far slower than DynamoDB, so the numbers say
 * how the run scales, not what production will see.
 */
@RealDynamoDb
class RunTimingTest {
    private final MovableClock clock = new MovableClock();
    private final BillingStore store;
    private final Accounts accounts;

    RunTimingTest(TestTable table) {
        this.store = new DynamoDbBillingStore(table.client(), table.name(), clock);
        this.accounts = new Accounts(store);
    }

    @Test
    void aRunOverOneTenAndAHundredDueAccounts() {
        SandboxPaymentProcessor sandbox = new SandboxPaymentProcessor();
        AutoChargeHandler handler = new AutoChargeHandler(store, sandbox, clock);
        StringBuilder report = new StringBuilder("[auto-charge] run time on the test endpoint, concurrency "
                + AutoChargeRun.CONCURRENCY + ":");
        for (int size : new int[] {1, 10, 100}) {
            for (int i = 0; i < size; i++) {
                accounts.due("pm_card_visa");
            }
            long started = System.nanoTime();
            RunSummary summary = ScheduledEvent.invoke(handler);
            long millis = (System.nanoTime() - started) / 1_000_000;

            assertThat(summary).isEqualTo(new RunSummary(size, size, 0, 0));
            report.append(String.format(" %d due: %d ms (%.1f ms per account);", size, millis, (double) millis / size));
        }
        System.err.println(report);
        assertThat(sandbox.charges()).hasSize(111);
        accounts.opened().forEach(accounts::assertBalanceIsLedgerSum);
    }
}
