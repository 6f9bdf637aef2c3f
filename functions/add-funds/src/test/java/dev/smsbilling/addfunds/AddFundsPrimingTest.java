package dev.smsbilling.addfunds;

import static dev.smsbilling.http.testing.FunctionCall.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smsbilling.billing.runtime.StorePriming;
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
class AddFundsPrimingTest {

    @Test
    void primingRunsATopUpUpToTheCardAndACreditAndConnectsToNoDatabase() {
        Snapshots.assertPrimesWithoutDatabase(AddFundsHandler::new);
    }

    @Test
    void afterPrimingATopUpIsCreditedInTheTable(TestTable table) {
        BillingStore store = new DynamoDbBillingStore(table.client(), table.name(), Clock.systemUTC());
        String account = store.createAccount(Subscription.ACTIVE, ApiKeys.hash(ApiKeys.generate())).id();
        AddFundsHandler handler = Snapshots.primedAgainst(table.endpoint().uri(), table.name(), AddFundsHandler::new);

        var response = event("add-funds.json").account(account).invoke(handler);

        assertThat(response.status()).isEqualTo(201);
        assertThat(store.readAccount(account).orElseThrow().balanceMicros()).isEqualTo(25_000_000);
        assertThat(store.readAccount(StorePriming.FUNDED_ACCOUNT)).as("priming's made-up account").isEmpty();
    }
}
