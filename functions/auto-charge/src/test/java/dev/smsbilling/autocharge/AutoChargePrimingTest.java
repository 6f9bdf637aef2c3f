package dev.smsbilling.autocharge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smsbilling.billing.store.dynamodb.DynamoDbBillingStore;
import dev.smsbilling.endpoint.RealDynamoDb;
import dev.smsbilling.endpoint.TestTable;
import dev.smsbilling.http.testing.Snapshots;
import java.time.Clock;
import org.junit.jupiter.api.Test;

@RealDynamoDb
class AutoChargePrimingTest {

    @Test
    void primingRunsAWholeRunAndConnectsToNoDatabase() {
        Snapshots.assertPrimesWithoutDatabase(AutoChargeHandler::new);
    }

    @Test
    void afterPrimingARunFindsTheTablesDueAccounts(TestTable table) {
        Accounts accounts = new Accounts(new DynamoDbBillingStore(table.client(), table.name(), Clock.systemUTC()));
        String due = accounts.due("pm_card_visa");
        AutoChargeHandler handler = Snapshots.primedAgainst(table.endpoint().uri(), table.name(), AutoChargeHandler::new);

        RunSummary summary = ScheduledEvent.invoke(handler);

        assertThat(summary).isEqualTo(new RunSummary(1, 1, 0, 0));
        assertThat(accounts.autoCharges(due)).hasSize(1);
        accounts.switchAllOff();
    }
}
