package dev.smsbilling.sendcharge;

import static dev.smsbilling.http.testing.FunctionCall.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.billing.testing.TestAccounts;
import dev.smsbilling.billing.store.EntryDetails;
import dev.smsbilling.billing.store.Subscription;
import dev.smsbilling.billing.store.dynamodb.DynamoDbBillingStore;
import dev.smsbilling.endpoint.RealDynamoDb;
import dev.smsbilling.endpoint.TestTable;
import dev.smsbilling.http.testing.FunctionCall;
import dev.smsbilling.pricing.Pricer;
import dev.smsbilling.pricing.rates.RateTableLoader;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** send-charge driven by the repository's sample event against a real DynamoDB. */
@RealDynamoDb
class SendChargeHandlerTest {
    /** The sample event's text: 57 GSM-7 characters to a US number, one segment, $0.01. */
    private static final long SAMPLE_COST = 10_000;

    private final TestAccounts accounts;
    private final SendChargeHandler handler;

    SendChargeHandlerTest(TestTable table) {
        BillingStore store = new DynamoDbBillingStore(table.client(), table.name(), Clock.systemUTC());
        this.accounts = new TestAccounts(store);
        this.handler = new SendChargeHandler(new Pricer(RateTableLoader.bundled()), store);
    }

    private FunctionCall send(String account) {
        return event("send-message.json").account(account);
    }

    @Test
    void theSampleEventChargesTheMessageAndRecordsIt() {
        String account = accounts.open(1_000_000);

        var response = send(account).invoke(handler);

        assertThat(response.status()).isEqualTo(202);
        var data = response.data();
        assertThat(data.path("id").asText()).startsWith("AC");
        assertThat(data.path("to").toString()).isEqualTo("[\"+14155552671\"]");
        assertThat(data.path("from").asText()).isEqualTo("+14155550100");
        assertThat(data.path("direction").asText()).isEqualTo("outgoing");
        assertThat(data.path("status").asText()).isEqualTo("queued");
        assertThat(data.path("cost").path("costMicros").asLong()).isEqualTo(SAMPLE_COST);
        assertThat(data.path("cost").path("segments").asInt()).isEqualTo(1);
        assertThat(data.path("balanceAfterMicros").asLong()).isEqualTo(1_000_000 - SAMPLE_COST);
        assertThat(accounts.balance(account)).isEqualTo(1_000_000 - SAMPLE_COST);
        var entry = accounts.ledger(account).get(0);
        assertThat(entry.amountMicros()).isEqualTo(-SAMPLE_COST);
        assertThat(((EntryDetails.Message) entry.details()).messageId()).isEqualTo(data.path("id").asText());
    }

    @Test
    void aBalanceExactlyEqualToTheCostIsSpentToZero() {
        String account = accounts.open(SAMPLE_COST);

        var response = send(account).invoke(handler);

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.data().path("balanceAfterMicros").asLong()).isZero();
        assertThat(accounts.balance(account)).isZero();
        assertThat(accounts.ledgerSum(account)).isZero();
    }

    @Test
    void oneMicroDollarShortIsRefusedWithNothingWritten() {
        String account = accounts.open(SAMPLE_COST - 1);

        var response = send(account).invoke(handler);

        assertThat(response.status()).isEqualTo(402);
        assertThat(response.code()).isEqualTo("insufficient_funds");
        assertThat(response.json().path("title").asText()).isEqualTo("Not Enough Credits");
        assertThat(response.json().path("balanceMicros").asLong()).isEqualTo(SAMPLE_COST - 1);
        assertThat(response.json().path("costMicros").asLong()).isEqualTo(SAMPLE_COST);
        assertThat(accounts.balance(account)).isEqualTo(SAMPLE_COST - 1);
        assertThat(accounts.ledger(account)).hasSize(1); // the seed credit only
    }

    @Test
    void aRefusalDoesNotConsumeTheKeySoTheSameRequestSucceedsAfterATopUp() {
        String account = accounts.open(SAMPLE_COST - 1);
        assertThat(send(account).invoke(handler).status()).isEqualTo(402);

        accounts.addFunds(account, 1);
        var retry = send(account).invoke(handler);

        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.headers()).doesNotContainKey("Idempotent-Replayed");
        assertThat(accounts.balance(account)).isZero();
    }

    @Test
    void anInactiveSubscriptionIsRefusedWithNothingWritten() {
        String account = accounts.open(Subscription.INACTIVE, 1_000_000);

        var response = send(account).invoke(handler);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("subscription_inactive");
        assertThat(accounts.balance(account)).isEqualTo(1_000_000);
        assertThat(accounts.ledger(account)).hasSize(1);
    }

    @Test
    void aRetryWithTheKeyReplaysTheSameBytesAndChargesOnce() {
        String account = accounts.open(1_000_000);

        var first = send(account).invoke(handler);
        var retry = send(account).invoke(handler);

        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers()).containsEntry("Idempotent-Replayed", "true");
        assertThat(first.headers()).doesNotContainKey("Idempotent-Replayed");
        assertThat(accounts.balance(account)).isEqualTo(1_000_000 - SAMPLE_COST);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndChargesNothing() {
        String account = accounts.open(1_000_000);
        send(account).invoke(handler);

        var response = send(account)
                .body("{\"content\": \"Another text\", \"from\": \"+14155550100\", \"to\": [\"+14155552671\"]}")
                .invoke(handler);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("idempotency_key_reused");
        assertThat(accounts.balance(account)).isEqualTo(1_000_000 - SAMPLE_COST);
    }

    @Test
    void withoutAKeyEverySendIsANewMessage() {
        String account = accounts.open(1_000_000);

        var first = send(account).header("Idempotency-Key", null).invoke(handler);
        var second = send(account).header("Idempotency-Key", null).invoke(handler);

        assertThat(first.data().path("id").asText()).isNotEqualTo(second.data().path("id").asText());
        assertThat(accounts.balance(account)).isEqualTo(1_000_000 - 2 * SAMPLE_COST);
    }

    @Test
    void internationalMessagesPayTheDestinationRatePerSegment() {
        String account = accounts.open(1_000_000);
        String text = "a".repeat(170); // two GSM-7 segments

        var response = send(account).header("Idempotency-Key", null)
                .body("{\"content\": \"" + text + "\", \"from\": \"+14155550100\", \"to\": [\"+447400123456\"]}")
                .invoke(handler);

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.data().path("cost").path("costMicros").asLong()).isEqualTo(100_000);
        assertThat(accounts.balance(account)).isEqualTo(900_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"content\": \"Hi\", \"from\": \"+14155550100\", \"to\": [\"+79123456789\"]}",
        "{\"content\": \"Hi\", \"from\": \"+14155550100\", \"to\": [\"+14155552671\"], \"media\": [\"x\"]}",
        "{\"content\": \"Hi\", \"from\": \"+14155550100\", \"to\": [\"+14155550123\"]}",
        "{\"content\": \"Hi\", \"to\": [\"+14155552671\"]}",
        "{\"content\": \"\", \"from\": \"+14155550100\", \"to\": [\"+14155552671\"]}",
        "{\"content\": \"Hi\", \"from\": \"+14155550100\", \"to\": []}",
        "{\"content\": \"Hi\", \"from\": \"+14155550100\", \"to\": [\"+14155552671\"]",
        "[]",
    })
    void badRequestsAreRefusedBeforeAnythingIsWritten(String body) {
        String account = accounts.open(1_000_000);

        var response = send(account).body(body).invoke(handler);

        assertThat(response.status()).isBetween(400, 499);
        assertThat(response.json().path("code").asText()).isIn("invalid_request", "mms_not_supported", "destination_not_supported");
        assertThat(accounts.balance(account)).isEqualTo(1_000_000);
        assertThat(accounts.ledger(account)).hasSize(1);
    }

    @Test
    void withoutTheAuthorizersAccountNothingIsCharged() {
        var response = send(null).invoke(handler);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("unauthorized");
    }

    @Test
    void anAccountOnlyEverPaysForItsOwnMessages() {
        String alice = accounts.open(1_000_000);
        String bob = accounts.open(1_000_000);
        send(alice).invoke(handler);

        var bobsRetryOfAlicesKey = send(bob).invoke(handler);

        assertThat(bobsRetryOfAlicesKey.status()).as("keys are per account: a new message for Bob").isEqualTo(202);
        assertThat(bobsRetryOfAlicesKey.headers()).doesNotContainKey("Idempotent-Replayed");
        assertThat(accounts.balance(alice)).isEqualTo(1_000_000 - SAMPLE_COST);
        assertThat(accounts.balance(bob)).isEqualTo(1_000_000 - SAMPLE_COST);
    }
}
