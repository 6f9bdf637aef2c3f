package dev.smsbilling.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smsbilling.billing.store.AutoCharge;
import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.billing.store.dynamodb.DynamoDbBillingStore;
import dev.smsbilling.billing.testing.TestAccounts;
import dev.smsbilling.endpoint.RealDynamoDb;
import dev.smsbilling.endpoint.TestTable;
import dev.smsbilling.http.testing.FunctionCall;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PUT /v1/billing/auto-charge, from events/auto-charge-settings.json, against a real table. */
@RealDynamoDb
class AutoChargeRouteTest {
    private static final String SAVED_VISA = "{\"data\":{\"enabled\":true,\"thresholdMicros\":5000000,"
            + "\"amountMicros\":20000000,\"paymentMethod\":\"pm_card_visa\",\"status\":\"ok\",\"lastError\":null}}";
    private final BillingStore store;
    private final AccountHandler handler;
    private final TestAccounts accounts;

    AutoChargeRouteTest(TestTable table) {
        this.store = new DynamoDbBillingStore(table.client(), table.name(), Clock.systemUTC());
        this.handler = new AccountHandler(store);
        this.accounts = new TestAccounts(store);
    }

    @Test
    void theSampleEventSavesTheSettingsAndTheBalanceShowsThem() {
        String account = accounts.open(0);

        FunctionCall.Response saved = FunctionCall.event("auto-charge-settings.json").account(account).invoke(handler);

        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body()).isEqualTo(SAVED_VISA);
        assertThat(FunctionCall.event("balance.json").account(account).invoke(handler).data().get("autoCharge").toString())
                .isEqualTo(saved.data().toString());
    }

    @Test
    void enablingWhileTheBalanceIsAlreadyBelowMakesTheAccountDue() {
        String below = accounts.open(0);
        String justOff = accounts.open(0);

        FunctionCall.event("auto-charge-settings.json").account(below).invoke(handler);
        FunctionCall.event("auto-charge-settings.json").account(justOff).body("{\"enabled\": false}").invoke(handler);

        assertThat(store.readAccount(below).orElseThrow().due()).as("a zero balance is below $5").isPresent();
        assertThat(store.readAccount(justOff).orElseThrow().due()).isEmpty();
        assertThat(store.dueAccounts(100)).contains(below).doesNotContain(justOff);
    }

    @Test
    void turningItOffNeedsOnlyEnabled() {
        String account = accounts.open(0);
        FunctionCall.event("auto-charge-settings.json").account(account).invoke(handler);

        FunctionCall.Response off = FunctionCall.event("auto-charge-settings.json").account(account)
                .body("{\"enabled\": false}").invoke(handler);

        assertThat(off.status()).isEqualTo(200);
        assertThat(off.body()).isEqualTo("{\"data\":{\"enabled\":false,\"thresholdMicros\":5000000,"
                + "\"amountMicros\":20000000,\"paymentMethod\":null,\"status\":\"ok\",\"lastError\":null}}");
    }

    @Test
    void theLimitsThemselvesAreAccepted() {
        String account = accounts.open(0);
        for (String body : new String[] {
                "{\"enabled\":true,\"thresholdMicros\":1000000,\"amountMicros\":10000000,\"paymentMethod\":\"pm_card_visa\"}",
                "{\"enabled\":true,\"thresholdMicros\":1000000000,\"amountMicros\":5000000000,\"paymentMethod\":\"pm_" + "a".repeat(100) + "\"}"}) {
            assertThat(FunctionCall.event("auto-charge-settings.json").account(account).body(body).invoke(handler).status())
                    .as(body).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"enabled\":true,\"thresholdMicros\":999999,\"amountMicros\":20000000,\"paymentMethod\":\"pm_card_visa\"}|thresholdMicros",
            "{\"enabled\":true,\"thresholdMicros\":1000000010,\"amountMicros\":20000000,\"paymentMethod\":\"pm_card_visa\"}|thresholdMicros",
            "{\"enabled\":true,\"thresholdMicros\":5000001,\"amountMicros\":20000000,\"paymentMethod\":\"pm_card_visa\"}|thresholdMicros",
            "{\"enabled\":true,\"thresholdMicros\":5000000,\"amountMicros\":9990000,\"paymentMethod\":\"pm_card_visa\"}|amountMicros",
            "{\"enabled\":true,\"thresholdMicros\":5000000,\"amountMicros\":5000010000,\"paymentMethod\":\"pm_card_visa\"}|amountMicros",
            "{\"enabled\":true,\"thresholdMicros\":5000000,\"amountMicros\":20000000.0,\"paymentMethod\":\"pm_card_visa\"}|amountMicros",
            "{\"enabled\":true,\"thresholdMicros\":\"5000000\",\"amountMicros\":20000000,\"paymentMethod\":\"pm_card_visa\"}|thresholdMicros",
            "{\"enabled\":true,\"thresholdMicros\":5000000,\"amountMicros\":99999999999999999999999,\"paymentMethod\":\"pm_card_visa\"}|amountMicros",
            "{\"enabled\":true,\"thresholdMicros\":5000000,\"amountMicros\":20000000}|paymentMethod",
            "{\"enabled\":true,\"thresholdMicros\":5000000,\"amountMicros\":20000000,\"paymentMethod\":null}|paymentMethod",
            "{\"enabled\":true,\"thresholdMicros\":5000000,\"amountMicros\":20000000,\"paymentMethod\":\"card_visa\"}|paymentMethod",
            "{\"enabled\":true,\"thresholdMicros\":5000000,\"amountMicros\":20000000,\"paymentMethod\":\"pm_\"}|paymentMethod",
            "{\"enabled\":true,\"thresholdMicros\":5000000,\"amountMicros\":20000000,\"paymentMethod\":\"pm_card visa\"}|paymentMethod",
            "{\"enabled\":true,\"amountMicros\":20000000,\"paymentMethod\":\"pm_card_visa\"}|thresholdMicros",
            "{\"enabled\":\"true\",\"thresholdMicros\":5000000,\"amountMicros\":20000000,\"paymentMethod\":\"pm_card_visa\"}|enabled",
            "{\"thresholdMicros\":5000000,\"amountMicros\":20000000,\"paymentMethod\":\"pm_card_visa\"}|enabled",
            "{\"enabled\":false,\"thresholdMicros\":-1}|thresholdMicros",
            "{\"enabled\":false,\"paymentMethod\":5}|paymentMethod"})
    void aBadSettingIs400AtItsFieldAndNothingIsSaved(String caseAndField) {
        String account = accounts.open(0);
        String[] parts = caseAndField.split("\\|");

        FunctionCall.Response response = FunctionCall.event("auto-charge-settings.json").account(account).body(parts[0]).invoke(handler);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("invalid_request");
        List<String> paths = new ArrayList<>();
        response.json().get("errors").forEach(error -> paths.add(error.get("path").textValue()));
        assertThat(paths).contains(parts[1]);
        assertThat(store.readAccount(account).orElseThrow().autoCharge()).isEqualTo(AutoCharge.DEFAULT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "{", "\"x\"", "{\"enabled\":true,\"enabled\":false}", "{\"enabled\":\"\\ud800\"}"})
    void aMalformedBodyIs400(String body) {
        String account = accounts.open(0);

        FunctionCall.Response response = FunctionCall.event("auto-charge-settings.json").account(account).body(body).invoke(handler);

        assertThat(response.status()).isEqualTo(400);
        assertThat(store.readAccount(account).orElseThrow().autoCharge()).isEqualTo(AutoCharge.DEFAULT);
    }

    @Test
    void oneAccountsSettingsNeverReachAnother() {
        String a = accounts.open(0);
        String b = accounts.open(0);

        FunctionCall.event("auto-charge-settings.json").account(a).invoke(handler);

        assertThat(store.readAccount(b).orElseThrow().autoCharge()).isEqualTo(AutoCharge.DEFAULT);
    }

}
