package dev.smsbilling.billing.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smsbilling.billing.store.Account;
import dev.smsbilling.billing.store.AutoCharge;
import dev.smsbilling.billing.store.AutoChargeClaim;
import dev.smsbilling.billing.store.AutoChargeSettings;
import dev.smsbilling.billing.store.AutoChargeStatus;
import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.billing.store.ClaimResult.NotClaimed;
import dev.smsbilling.billing.store.Credit;
import dev.smsbilling.billing.store.DueMark;
import dev.smsbilling.billing.store.EntryType;
import dev.smsbilling.billing.store.PendingCharge;
import dev.smsbilling.billing.store.SettleResult;
import dev.smsbilling.billing.store.SettleResult.AlreadyRecorded;
import dev.smsbilling.billing.store.WriteOutcome.Committed;
import dev.smsbilling.billing.testing.TestAccounts;
import dev.smsbilling.endpoint.RealDynamoDb;
import dev.smsbilling.endpoint.TestTable;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The auto-charge's marks, claims and records against a real table. */
@RealDynamoDb
class AutoChargeStoreTest {
    private static final AutoChargeSettings VISA = new AutoChargeSettings(true, 5_000_000, 20_000_000, Optional.of("pm_card_visa"));
    private static final Duration LEASE = Duration.ofSeconds(90);
    private final StoreFixture fixture;
    private final BillingStore store;

    AutoChargeStoreTest(TestTable table) {
        this.fixture = new StoreFixture(table);
        this.store = fixture.store;
    }

    @Test
    void aDebitBelowTheThresholdMarksTheAccountDueOnceAndOneAboveDoesNot() {
        String account = fixture.openAccount(5_020_000);
        store.saveAutoChargeSettings(account, VISA);

        fixture.debit(account, 10_000);
        assertThat(due(account)).as("5.01 is not below 5.00").isEmpty();

        fixture.debit(account, 20_000);
        DueMark first = due(account).orElseThrow();
        fixture.clock.advance(Duration.ofSeconds(5));
        fixture.debit(account, 10_000);

        assertThat(due(account)).as("a later debit keeps the crossing's mark").contains(first);
        assertThat(first.dueSince()).isEqualTo(fixture.clock.instant().minusSeconds(5));
        assertThat(first.attempt()).isZero();
        assertThat(store.dueAccounts(100)).contains(account);
        fixture.assertLedgerConsistent(account);
    }

    @Test
    void aDebitOfAnAccountWithoutAutoChargeNeverMarksIt() {
        String account = fixture.openAccount(1_000_000);

        fixture.debit(account, 10_000);

        assertThat(due(account)).isEmpty();
        assertThat(store.dueAccounts(100)).doesNotContain(account);
    }

    @Test
    void enablingWhileBelowMarksDueAndDisabledSettingsDoNot() {
        String below = fixture.openAccount(1_000_000);
        String off = fixture.openAccount(1_000_000);
        String above = fixture.openAccount(9_000_000);

        store.saveAutoChargeSettings(below, VISA);
        store.saveAutoChargeSettings(off, new AutoChargeSettings(false, 5_000_000, 20_000_000, Optional.empty()));
        store.saveAutoChargeSettings(above, VISA);

        assertThat(due(below)).isPresent();
        assertThat(due(off)).isEmpty();
        assertThat(due(above)).isEmpty();
    }

    @Test
    void aClaimHoldsTheAccountAndItsCreditEndsTheCrossing() {
        String account = fixture.openAccount(1_000_000);
        store.saveAutoChargeSettings(account, VISA);
        DueMark due = due(account).orElseThrow();

        AutoChargeClaim claim = (AutoChargeClaim) store.claimAutoCharge(account, LEASE);

        assertThat(claim.charge()).isEqualTo(new PendingCharge(AutoChargeKeys.derive(account, due.dueId(), 0), "pm_card_visa", 20_000_000));
        assertThat(store.claimAutoCharge(account, LEASE)).isEqualTo(new NotClaimed(NotClaimed.Reason.CLAIMED_ELSEWHERE));
        assertThat(store.readAccount(account).orElseThrow().seq()).as("a claim is not a balance change").isEqualTo(1);

        SettleResult credited = store.creditAutoCharge(claim, 20_000_000, "ch_1", TestAccounts.generous());

        assertThat(credited).isInstanceOf(Committed.class);
        assertThat(((Committed) credited).entry().type()).isEqualTo(EntryType.AUTO_CHARGE);
        Account after = store.readAccount(account).orElseThrow();
        assertThat(after.balanceMicros()).isEqualTo(21_000_000);
        assertThat(after.due()).isEmpty();
        assertThat(after.autoCharge().status()).isEqualTo(AutoChargeStatus.OK);
        assertThat(store.creditAutoCharge(claim, 20_000_000, "ch_1", TestAccounts.generous()))
                .isEqualTo(new AlreadyRecorded(account));
        assertThat(store.claimAutoCharge(account, LEASE)).isEqualTo(new NotClaimed(NotClaimed.Reason.NOT_DUE));
        fixture.assertLedgerConsistent(account);
    }

    @Test
    void aLapsedClaimWhoseChargeWasSentIsTakenOverWithTheSameCharge() {
        String account = fixture.openAccount(1_000_000);
        store.saveAutoChargeSettings(account, VISA);
        AutoChargeClaim first = (AutoChargeClaim) store.claimAutoCharge(account, LEASE);
        assertThat(store.startAutoCharge(first)).isTrue();
        store.saveAutoChargeSettings(account, new AutoChargeSettings(true, 5_000_000, 50_000_000, Optional.of("pm_card_mastercard")));

        fixture.clock.advance(LEASE.plusMillis(1));
        AutoChargeClaim second = (AutoChargeClaim) store.claimAutoCharge(account, LEASE);

        assertThat(second.charge()).as("the charge that may exist, not the new settings").isEqualTo(first.charge());
        assertThat(store.startAutoCharge(first)).as("the first run's claim is over: it must not charge").isFalse();
    }

    /** A run that died after its claim but before the processor left only a plan; the settings as they are now decide. */
    @Test
    void aLapsedClaimWhoseChargeWasNeverSentFollowsTheSettingsAsTheyAreNow() {
        String account = fixture.openAccount(1_000_000);
        store.saveAutoChargeSettings(account, VISA);
        AutoChargeClaim first = (AutoChargeClaim) store.claimAutoCharge(account, LEASE);
        store.saveAutoChargeSettings(account, new AutoChargeSettings(true, 5_000_000, 50_000_000, Optional.of("pm_card_mastercard")));
        fixture.clock.advance(LEASE.plusMillis(1));

        AutoChargeClaim second = (AutoChargeClaim) store.claimAutoCharge(account, LEASE);

        assertThat(second.charge().paymentMethod()).isEqualTo("pm_card_mastercard");
        assertThat(second.charge().amountMicros()).isEqualTo(50_000_000);
        assertThat(second.charge().chargeKey()).as("the same crossing and attempt").isEqualTo(first.charge().chargeKey());

        store.saveAutoChargeSettings(account, new AutoChargeSettings(false, 5_000_000, 50_000_000, Optional.of("pm_card_mastercard")));
        fixture.clock.advance(LEASE.plusMillis(1));
        assertThat(store.claimAutoCharge(account, LEASE)).as("turned off before anything was sent: nothing is charged")
                .isEqualTo(new NotClaimed(NotClaimed.Reason.NO_LONGER_DUE));
        assertThat(due(account)).isEmpty();
    }

    @Test
    void aMarkThatNoLongerMeansAnythingIsClearedWithoutACharge() {
        String account = fixture.openAccount(1_000_000);
        store.saveAutoChargeSettings(account, VISA);
        store.credit(account, new Credit(EntryType.FUNDS_ADDED, 10_000_000, "ch_hand"), Optional.empty(),
                StoreFixture.RENDERER, TestAccounts.generous());

        assertThat(store.claimAutoCharge(account, LEASE)).isEqualTo(new NotClaimed(NotClaimed.Reason.NO_LONGER_DUE));
        assertThat(due(account)).isEmpty();
    }

    @Test
    void declinesKeepTheAccountDueWithANewKeyUntilTheThirdDisablesIt() {
        String account = fixture.openAccount(1_000_000);
        store.saveAutoChargeSettings(account, VISA);

        AutoChargeClaim first = (AutoChargeClaim) store.claimAutoCharge(account, LEASE);
        assertThat(store.recordAutoChargeDecline(first, "card_declined")).contains(AutoChargeStatus.FAILING);
        assertThat(store.recordAutoChargeDecline(first, "card_declined")).as("recorded once").isEmpty();
        AutoChargeClaim second = (AutoChargeClaim) store.claimAutoCharge(account, LEASE);
        assertThat(second.charge().chargeKey()).isNotEqualTo(first.charge().chargeKey());
        store.recordAutoChargeDecline(second, "card_declined");
        AutoChargeClaim third = (AutoChargeClaim) store.claimAutoCharge(account, LEASE);

        assertThat(store.recordAutoChargeDecline(third, "card_declined")).contains(AutoChargeStatus.DISABLED_AFTER_FAILURES);

        Account after = store.readAccount(account).orElseThrow();
        assertThat(after.autoCharge()).isEqualTo(new AutoCharge(VISA, AutoChargeStatus.DISABLED_AFTER_FAILURES,
                Optional.of("card_declined"), 3));
        assertThat(after.due()).isEmpty();
        assertThat(after.balanceMicros()).isEqualTo(1_000_000);
    }

    @Test
    void anOutageGivesTheClaimBackAndKeepsTheCharge() {
        String account = fixture.openAccount(1_000_000);
        store.saveAutoChargeSettings(account, VISA);
        AutoChargeClaim claim = (AutoChargeClaim) store.claimAutoCharge(account, LEASE);

        assertThat(store.releaseAutoChargeClaim(claim)).isTrue();

        AutoChargeClaim again = (AutoChargeClaim) store.claimAutoCharge(account, LEASE);
        assertThat(again.charge()).isEqualTo(claim.charge());
    }

    private Optional<DueMark> due(String account) {
        return store.readAccount(account).orElseThrow().due();
    }
}
