package dev.smsbilling.account;

import static dev.smsbilling.http.testing.FunctionCall.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.billing.store.Subscription;
import dev.smsbilling.billing.store.dynamodb.DynamoDbBillingStore;
import dev.smsbilling.endpoint.RealDynamoDb;
import dev.smsbilling.endpoint.TestTable;
import dev.smsbilling.http.auth.ApiKeys;
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
        String account = store.createAccount(Subscription.ACTIVE, ApiKeys.hash(ApiKeys.generate())).id();
        new Ledger(store).fund(account, 3_000_000, "ch_priming_test");
        AccountHandler handler = Snapshots.primedAgainst(table.endpoint().uri(), table.name(), AccountHandler::new);

        var response = event("balance.json").account(account).invoke(handler);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.data().path("balanceMicros").asLong()).isEqualTo(3_000_000);
    }
}
