package dev.smsbilling.account;

import static dev.smsbilling.http.testing.FunctionCall.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.billing.store.dynamodb.DynamoDbBillingStore;
import dev.smsbilling.endpoint.RealDynamoDb;
import dev.smsbilling.endpoint.TestTable;
import dev.smsbilling.http.testing.Snapshots;
import java.time.Clock;
import org.junit.jupiter.api.Test;

@RealDynamoDb
class AccountPrimingTest {

    @Test
    void primingRunsTheReadsAndConnectsToNoDatabase() {
        Snapshots.assertPrimesWithoutDatabase(AccountHandler::new);
    }

    @Test
    void afterPrimingTheBalanceIsReadFromTheTable(TestTable table) {
        BillingStore store = new DynamoDbBillingStore(table.client(), table.name(), Clock.systemUTC());
        Ledger ledger = new Ledger(store);
        String account = ledger.open(0);
        ledger.addFunds(account, 3_000_000, "ch_priming_test");
        AccountHandler handler = Snapshots.primedAgainst(table.endpoint().uri(), table.name(), AccountHandler::new);

        var response = event("balance.json").account(account).invoke(handler);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.data().path("balanceMicros").asLong()).isEqualTo(3_000_000);
    }
}
