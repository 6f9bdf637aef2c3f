package dev.smsbilling.sendcharge;

import static dev.smsbilling.http.testing.FunctionCall.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smsbilling.billing.store.AutoChargeSettings;
import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.billing.testing.TestAccounts;
import dev.smsbilling.billing.store.dynamodb.DynamoDbBillingStore;
import dev.smsbilling.endpoint.RealDynamoDb;
import dev.smsbilling.endpoint.TestTable;
import dev.smsbilling.pricing.Pricer;
import dev.smsbilling.pricing.rates.RateTableLoader;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sample send, with the authorizer's account, marks the account due for an auto-charge when it takes the balance below. */
@RealDynamoDb
class SendChargeMarksDueTest {
    private static final long SAMPLE_COST = 10_000;
    private static final AutoChargeSettings VISA = new AutoChargeSettings(true, 5_000_000, 20_000_000, Optional.of("pm_card_visa"));

    private final BillingStore store;
    private final TestAccounts accounts;
    private final SendChargeHandler handler;

    SendChargeMarksDueTest(TestTable table) {
        this.store = new DynamoDbBillingStore(table.client(), table.name(), Clock.systemUTC());
        this.accounts = new TestAccounts(store);
        this.handler = new SendChargeHandler(new Pricer(RateTableLoader.bundled()), store);
    }

    @Test
    void aSendThatTakesTheBalanceBelowTheThresholdMarksTheAccountDue() {
        String account = accounts.open(5_000_000 + SAMPLE_COST / 2);
        store.saveAutoChargeSettings(account, VISA);
        assertThat(store.readAccount(account).orElseThrow().due()).isEmpty();

        var response = event("send-message.json").account(account).invoke(handler);

        assertThat(response.status()).isEqualTo(202);
        var after = store.readAccount(account).orElseThrow();
        assertThat(after.balanceMicros()).isEqualTo(4_995_000);
        assertThat(after.due()).as("marked in the debit's own transaction").isPresent();
        assertThat(after.due().get().dueSince()).isEqualTo(accounts.ledger(account).get(0).createdAt());
        assertThat(accounts.ledgerSum(account)).isEqualTo(after.balanceMicros());
    }

    @Test
    void aSendThatLeavesTheBalanceAtOrAboveTheThresholdDoesNot() {
        String account = accounts.open(5_000_000 + SAMPLE_COST);
        store.saveAutoChargeSettings(account, VISA);

        var response = event("send-message.json").account(account).header("Idempotency-Key", null).invoke(handler);

        assertThat(response.status()).isEqualTo(202);
        assertThat(store.readAccount(account).orElseThrow().balanceMicros()).isEqualTo(5_000_000);
        assertThat(store.readAccount(account).orElseThrow().due()).as("exactly the threshold is not below it").isEmpty();
    }

    @Test
    void withoutAutoChargeASendNeverMarksTheAccount() {
        String account = accounts.open(SAMPLE_COST * 2);

        event("send-message.json").account(account).invoke(handler);

        assertThat(store.readAccount(account).orElseThrow().due()).isEmpty();
    }
}
