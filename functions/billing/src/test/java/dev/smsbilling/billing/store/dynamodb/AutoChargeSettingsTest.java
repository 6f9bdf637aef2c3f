package dev.smsbilling.billing.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smsbilling.billing.store.Account;
import dev.smsbilling.billing.store.AutoCharge;
import dev.smsbilling.billing.store.AutoChargeSettings;
import dev.smsbilling.billing.store.AutoChargeStatus;
import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.billing.store.WriteOutcome.Committed;
import dev.smsbilling.endpoint.RealDynamoDb;
import dev.smsbilling.endpoint.TestTable;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@RealDynamoDb
class AutoChargeSettingsTest {
    private static final AutoChargeSettings VISA = new AutoChargeSettings(true, 5_000_000, 20_000_000, Optional.of("pm_card_visa"));
    private final TestTable table;
    private final StoreFixture fixture;
    private final BillingStore store;

    AutoChargeSettingsTest(TestTable table) {
        this.table = table;
        this.fixture = new StoreFixture(table);
        this.store = fixture.store;
    }

    @Test
    void aNewAccountReadsAsNeverSet() {
        String account = fixture.openAccount(0);

        assertThat(store.readAccount(account).orElseThrow().autoCharge()).isEqualTo(AutoCharge.DEFAULT);
        assertThat(AutoCharge.DEFAULT.settings().enabled()).isFalse();
    }

    @Test
    void savedSettingsComeBackFromTheWriteAndFromAReadAndLeaveTheMoneyAlone() {
        String account = fixture.openAccount(7_000_000);

        Optional<AutoCharge> saved = store.saveAutoChargeSettings(account, VISA);

        AutoCharge expected = new AutoCharge(VISA, AutoChargeStatus.OK, Optional.empty(), 0);
        assertThat(saved).contains(expected);
        Account read = store.readAccount(account).orElseThrow();
        assertThat(read.autoCharge()).isEqualTo(expected);
        assertThat(read.balanceMicros()).isEqualTo(7_000_000);
        assertThat(read.seq()).isEqualTo(1);
        fixture.assertLedgerConsistent(account);
    }

    @Test
    void disablingWithoutAPaymentMethodStoresNone() {
        String account = fixture.openAccount(0);
        store.saveAutoChargeSettings(account, VISA);

        AutoChargeSettings off = new AutoChargeSettings(false, 1_000_000, 10_000_000, Optional.empty());
        assertThat(store.saveAutoChargeSettings(account, off)).hasValueSatisfying(a -> assertThat(a.settings()).isEqualTo(off));
        assertThat(store.readAccount(account).orElseThrow().autoCharge().settings().paymentMethod()).isEmpty();
    }

    @Test
    void aSettingsChangeResetsTheFailureHistoryTheScheduledRunLeft() {
        String account = fixture.openAccount(0);
        store.saveAutoChargeSettings(account, VISA);
        // What the scheduled run leaves after three declines.
        table.client().updateItem(b -> b.tableName(table.name()).key(Keys.account(account))
                .updateExpression("SET autoChargeStatus = :s, autoChargeLastError = :e, autoChargeConsecutiveDeclines = :d")
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("disabled_after_failures"),
                        ":e", AttributeValue.fromS("card_declined"), ":d", AttributeValue.fromN("3"))));
        assertThat(store.readAccount(account).orElseThrow().autoCharge())
                .isEqualTo(new AutoCharge(VISA, AutoChargeStatus.DISABLED_AFTER_FAILURES, Optional.of("card_declined"), 3));

        assertThat(store.saveAutoChargeSettings(account, VISA))
                .contains(new AutoCharge(VISA, AutoChargeStatus.OK, Optional.empty(), 0));
    }

    @Test
    void anUnknownAccountIsNotCreatedBySavingSettings() {
        assertThat(store.saveAutoChargeSettings("BAnobody", VISA)).isEmpty();
        assertThat(store.readAccount("BAnobody")).isEmpty();
        assertThat(table.client().getItem(b -> b.tableName(table.name()).key(Keys.account("BAnobody"))).hasItem()).isFalse();
    }

    @Test
    void balanceChangesKeepTheSettings() {
        String account = fixture.openAccount(1_000_000);
        store.saveAutoChargeSettings(account, VISA);

        assertThat(fixture.debit(account, 30_000)).isInstanceOf(Committed.class);

        assertThat(store.readAccount(account).orElseThrow().autoCharge().settings()).isEqualTo(VISA);
    }

    @Test
    void theLimitsOfTheContractAreEnforcedByTheRecord() {
        assertThat(AutoChargeSettings.isValidThreshold(1_000_000)).isTrue();
        assertThat(AutoChargeSettings.isValidThreshold(1_000_000_000)).isTrue();
        assertThat(AutoChargeSettings.isValidThreshold(999_999)).isFalse();
        assertThat(AutoChargeSettings.isValidThreshold(1_000_000_010)).isFalse();
        assertThat(AutoChargeSettings.isValidThreshold(1_000_001)).as("fraction of a cent").isFalse();
        assertThat(AutoChargeSettings.isValidAmount(10_000_000)).isTrue();
        assertThat(AutoChargeSettings.isValidAmount(5_000_000_000L)).isTrue();
        assertThat(AutoChargeSettings.isValidAmount(9_990_000)).isFalse();
        assertThat(AutoChargeSettings.isValidAmount(5_000_010_000L)).isFalse();
        assertThatThrownBy(() -> new AutoChargeSettings(true, 5_000_000, 20_000_000, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AutoChargeSettings(false, 5_000_000, 20_000_000, Optional.of("card_visa")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
