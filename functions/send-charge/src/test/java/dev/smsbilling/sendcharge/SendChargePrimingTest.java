package dev.smsbilling.sendcharge;

import static dev.smsbilling.http.testing.FunctionCall.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smsbilling.billing.runtime.StorePriming;
import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.billing.testing.TestAccounts;
import dev.smsbilling.billing.store.dynamodb.DynamoDbBillingStore;
import dev.smsbilling.endpoint.RealDynamoDb;
import dev.smsbilling.endpoint.TestTable;
import dev.smsbilling.http.testing.Snapshots;
import java.time.Clock;
import org.junit.jupiter.api.Test;

@RealDynamoDb
class SendChargePrimingTest {

    @Test
    void primingRunsAWholeSendAndConnectsToNoDatabase() {
        Snapshots.assertPrimesWithoutDatabase(SendChargeHandler::new);
    }

    @Test
    void afterPrimingASendIsChargedToTheTable(TestTable table) {
        BillingStore store = new DynamoDbBillingStore(table.client(), table.name(), Clock.systemUTC());
        TestAccounts accounts = new TestAccounts(store);
        String account = accounts.open(1_000_000);
        SendChargeHandler handler = Snapshots.primedAgainst(table.endpoint().uri(), table.name(), SendChargeHandler::new);

        var response = event("send-message.json").account(account).invoke(handler);

        assertThat(response.status()).isEqualTo(202);
        assertThat(accounts.balance(account)).isEqualTo(1_000_000 - 10_000);
        assertThat(store.readAccount(StorePriming.FUNDED_ACCOUNT)).as("priming's made-up account").isEmpty();
    }
}
