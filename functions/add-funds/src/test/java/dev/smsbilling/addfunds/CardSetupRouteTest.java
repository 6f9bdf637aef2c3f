package dev.smsbilling.addfunds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smsbilling.billing.payment.ChargeResult;
import dev.smsbilling.billing.payment.sandbox.SandboxPaymentProcessor;
import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.billing.store.Subscription;
import dev.smsbilling.billing.store.dynamodb.DynamoDbBillingStore;
import dev.smsbilling.billing.testing.CrashAfterCharge;
import dev.smsbilling.billing.testing.MovableClock;
import dev.smsbilling.billing.testing.TestAccounts;
import dev.smsbilling.endpoint.RealDynamoDb;
import dev.smsbilling.endpoint.TestTable;
import dev.smsbilling.http.testing.FunctionCall;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Saving a card: events/card-setup.json through the handler, the page's confirmation as the
 * sandbox imitates Stripe's script, then top-ups with the saved card, on a real table.
 */
@RealDynamoDb
class CardSetupRouteTest {
    private final MovableClock clock = new MovableClock();
    private final BillingStore store;
    private final SandboxPaymentProcessor sandbox = new SandboxPaymentProcessor();
    private final AddFundsHandler handler;
    private final TestAccounts accounts;

    CardSetupRouteTest(TestTable table) {
        this.store = new DynamoDbBillingStore(table.client(), table.name(), clock);
        this.accounts = new TestAccounts(store);
        this.handler = new AddFundsHandler(store, sandbox);
    }

    @Test
    void theSampleEventStartsASetupForTheAccountsCustomerWithWhatThePageNeeds() {
        String account = accounts.open(0);

        FunctionCall.Response started = setUp(account).invoke(handler);

        assertThat(started.status()).isEqualTo(201);
        JsonNode data = started.data();
        assertThat(data.fieldNames()).toIterable().containsExactly("setupIntent", "clientSecret", "publishableKey");
        assertThat(data.get("setupIntent").textValue()).startsWith("seti_");
        assertThat(data.get("clientSecret").textValue()).startsWith(data.get("setupIntent").textValue() + "_secret_");
        assertThat(data.get("publishableKey").textValue()).isEqualTo(SandboxPaymentProcessor.PUBLISHABLE_KEY);
        assertThat(store.readAccount(account).orElseThrow().paymentCustomer()).as("made for the setup, and kept").isPresent();
        assertThat(setUp(account).invoke(handler).data()).as("the same Idempotency-Key, the same setup").isEqualTo(data);
    }

    @Test
    void aCardSavedByOneAccountTopsUpThatAccountAndNoOther() {
        String alice = accounts.open(0);
        String bob = accounts.open(0);
        String card = saveCard(alice, "pm_card_visa");

        FunctionCall.Response paid = topUp(alice, card, "alice-1").invoke(handler);
        FunctionCall.Response stolen = topUp(bob, card, "bob-1").invoke(handler);

        assertThat(paid.status()).isEqualTo(201);
        assertThat(accounts.balance(alice)).isEqualTo(25_000_000);
        assertThat(stolen.status()).isEqualTo(402);
        assertThat(stolen.code()).isEqualTo("payment_declined");
        assertThat(stolen.json().path("declineCode").asText()).isEqualTo(ChargeResult.NOT_SAVED);
        assertThat(accounts.balance(bob)).isZero();
        assertThat(accounts.ledger(bob)).isEmpty();
        assertThat(sandbox.charges()).singleElement().satisfies(charge -> assertThat(charge.request().paymentMethod()).isEqualTo(card));
        assertThat(store.lookupIdempotency(bob, "bob-1")).as("a decline releases the key").isEmpty();
    }

    @Test
    void aChargeThatMayExistIsSettledAsItIsEvenIfItsCardWasRemovedSince() {
        String account = accounts.open(0);
        String card = saveCard(account, "pm_card_visa");
        AddFundsHandler crashing = new AddFundsHandler(store, new CrashAfterCharge(sandbox));
        assertThat(topUp(account, card, "crash-1").invoke(crashing).status()).as("charged, then died").isEqualTo(500);
        sandbox.detach(card);
        clock.advance(Duration.ofSeconds(30));

        FunctionCall.Response healed = topUp(account, card, "crash-1").invoke(handler);

        assertThat(healed.status()).as("the charge made is credited, not refused for the card removed").isEqualTo(201);
        assertThat(sandbox.charges()).hasSize(1);
        assertThat(accounts.balance(account)).isEqualTo(25_000_000);
        assertThat(topUp(account, card, "after-removal").invoke(handler).json().path("declineCode").asText())
                .as("a new top-up with the removed card").isEqualTo("invalid_payment_method");
    }

    @Test
    void anInactiveOrUnknownAccountStartsNoSetupAndAnOutageIs503() {
        String lapsed = accounts.open(Subscription.INACTIVE, 0);
        assertThat(setUp(lapsed).invoke(handler).code()).isEqualTo("subscription_inactive");
        assertThat(setUp("BA_nobody").invoke(handler).status()).isEqualTo(401);
        assertThat(store.readAccount(lapsed).orElseThrow().paymentCustomer()).isEmpty();

        String account = accounts.open(0);
        sandbox.setUnavailable(true);
        FunctionCall.Response down = setUp(account).invoke(handler);
        sandbox.setUnavailable(false);

        assertThat(down.status()).isEqualTo(503);
        assertThat(down.code()).isEqualTo("payment_unavailable");
        assertThat(down.headers()).containsKey("Retry-After");
    }

    /** The whole of saving a card: the setup, then the page's confirmation with a card entered. */
    private String saveCard(String account, String testCard) {
        String secret = setUp(account).invoke(handler).data().get("clientSecret").textValue();
        return sandbox.confirmSetup(secret, testCard).paymentMethod().orElseThrow();
    }

    private static FunctionCall setUp(String account) {
        return FunctionCall.event("card-setup.json").account(account);
    }

    private static FunctionCall topUp(String account, String card, String key) {
        return FunctionCall.event("add-funds.json").account(account).header("Idempotency-Key", key)
                .body("{\"amountMicros\": 25000000, \"paymentMethod\": \"" + card + "\"}");
    }
}
