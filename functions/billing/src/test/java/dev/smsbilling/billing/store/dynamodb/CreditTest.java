package dev.smsbilling.billing.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smsbilling.billing.payment.sandbox.SandboxPaymentProcessor;
import dev.smsbilling.billing.store.BeginResult.Started;
import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.billing.store.Credit;
import dev.smsbilling.billing.store.CreditResult;
import dev.smsbilling.billing.store.EntryDetails;
import dev.smsbilling.billing.store.EntryType;
import dev.smsbilling.billing.store.Idempotency;
import dev.smsbilling.billing.store.IdempotencyStatus;
import dev.smsbilling.billing.store.KeySeenBefore.InProgress;
import dev.smsbilling.billing.store.KeySeenBefore.KeyReused;
import dev.smsbilling.billing.store.KeySeenBefore.Replayed;
import dev.smsbilling.billing.store.LedgerEntry;
import dev.smsbilling.billing.store.Subscription;
import dev.smsbilling.billing.store.Timestamps;
import dev.smsbilling.billing.store.UnsettledTopUp;
import dev.smsbilling.billing.store.WriteOutcome.Committed;
import dev.smsbilling.billing.testing.TestAccounts;
import dev.smsbilling.endpoint.RealDynamoDb;
import dev.smsbilling.endpoint.TestTable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@RealDynamoDb
class CreditTest {
    private static final long AMOUNT = 25_000_000;
    private final StoreFixture fixture;
    private final BillingStore store;
    private final SandboxPaymentProcessor processor = new SandboxPaymentProcessor();
    private final AddFundsFlow addFunds;

    CreditTest(TestTable table) {
        this.fixture = new StoreFixture(table);
        this.store = fixture.store;
        this.addFunds = new AddFundsFlow(store, processor);
    }

    @Test
    void aCreditCompletesTheInProgressHoldOfItsRequest() {
        String account = fixture.openAccount(0);
        Idempotency key = StoreFixture.key("fund-1", "POST /v1/billing/funds 25");

        assertThat(store.beginIdempotentRequest(account, key, AddFundsFlow.HOLD)).isInstanceOfSatisfying(Started.class,
                started -> assertThat(started.key()).isEqualTo("fund-1"));
        assertThat(store.lookupIdempotency(account, "fund-1")).hasValueSatisfying(record ->
                assertThat(record.status()).isEqualTo(IdempotencyStatus.IN_PROGRESS));

        CreditResult credited = store.credit(account, new Credit(EntryType.FUNDS_ADDED, AMOUNT, "ch_1"),
                Optional.of(key), StoreFixture.RENDERER, TestAccounts.generous());

        Committed committed = (Committed) credited;
        assertThat(committed.balanceAfterMicros()).isEqualTo(AMOUNT);
        assertThat(committed.entry().details()).isEqualTo(new EntryDetails.Payment("ch_1"));
        assertThat(store.lookupIdempotency(account, "fund-1")).hasValueSatisfying(record -> {
            assertThat(record.status()).isEqualTo(IdempotencyStatus.COMPLETED);
            assertThat(record.response()).contains(committed.response());
        });
        assertThat(store.beginIdempotentRequest(account, key, AddFundsFlow.HOLD)).isEqualTo(new Replayed(committed.response()));
        assertThat(store.credit(account, new Credit(EntryType.FUNDS_ADDED, AMOUNT, "ch_1"), Optional.of(key),
                StoreFixture.RENDERER, TestAccounts.generous())).isEqualTo(new Replayed(committed.response()));
        fixture.assertLedgerConsistent(account);
    }

    /**
     * The processor replays a charge for its key long after our key's 24 hours (Stripe until it
     * prunes keys, the sandbox for ever): the same payment is answered as first credited, once.
     */
    @Test
    void aPaymentIsCreditedOnceForEverEvenAfterItsKeysRecordExpired() {
        String account = fixture.openAccount(0);
        Idempotency key = StoreFixture.key("fund-forever", "POST /v1/billing/funds 25");
        store.beginIdempotentRequest(account, key, AddFundsFlow.HOLD);
        Committed first = (Committed) store.credit(account, new Credit(EntryType.FUNDS_ADDED, AMOUNT, "ch_forever"),
                Optional.of(key), StoreFixture.RENDERER, TestAccounts.generous());

        fixture.clock.advance(Duration.ofHours(25));
        assertThat(store.beginIdempotentRequest(account, key, AddFundsFlow.HOLD)).as("the key's record has expired")
                .isInstanceOfSatisfying(Started.class, started -> assertThat(started.chargeMayExist()).isFalse());
        CreditResult again = store.credit(account, new Credit(EntryType.FUNDS_ADDED, AMOUNT, "ch_forever"),
                Optional.of(key), StoreFixture.RENDERER, TestAccounts.generous());

        assertThat(again).isEqualTo(new Replayed(first.response()));
        assertThat(fixture.ledger(account)).singleElement().isEqualTo(first.entry());
        assertThat(fixture.balance(account)).isEqualTo(AMOUNT);
        assertThat(store.lookupIdempotency(account, "fund-forever")).as("the key keeps the first credit's answer")
                .hasValueSatisfying(record -> assertThat(record.response()).contains(first.response()));
        assertThat(store.credit(account, new Credit(EntryType.FUNDS_ADDED, AMOUNT, "ch_forever"), Optional.empty(),
                StoreFixture.RENDERER, TestAccounts.generous())).as("without any key too").isEqualTo(new Replayed(first.response()));
        fixture.assertLedgerConsistent(account);
    }

    /** Whether a hold's charge may exist belongs to the charge: it survives every takeover, sent or not by the taker. */
    @Test
    void aChargeThatMayExistIsKnownSoAcrossTakeovers() {
        String account = fixture.openAccount(0);
        Idempotency key = StoreFixture.key("hold-chain", "POST /v1/billing/funds 25");
        Started first = (Started) store.beginIdempotentRequest(account, key, AddFundsFlow.HOLD);
        assertThat(first.chargeMayExist()).isFalse();
        assertThat(store.startCharge(account, key, first)).isTrue();

        fixture.clock.advance(AddFundsFlow.HOLD.plusSeconds(1));
        Started second = (Started) store.beginIdempotentRequest(account, key, AddFundsFlow.HOLD);
        fixture.clock.advance(AddFundsFlow.HOLD.plusSeconds(1));
        Started third = (Started) store.beginIdempotentRequest(account, key, AddFundsFlow.HOLD);

        assertThat(List.of(second, third)).allSatisfy(taken -> {
            assertThat(taken.chargeMayExist()).isTrue();
            assertThat(taken.chargeKey()).isEqualTo(first.chargeKey());
        });
        assertThat(store.startCharge(account, key, first)).as("the first attempt no longer holds it").isFalse();
    }

    /**
     * The sweep's list: a hold whose charge may have been sent is on it, under the time of its
     * first send (a takeover that sends again keeps it), until its hold is completed or released;
     * a hold that never sent its charge is not.
     */
    @Test
    void aHoldWhoseChargeMayHaveBeenSentIsListedForTheSweepUntilItEnds() {
        String account = fixture.openAccount(0);
        Idempotency credited = StoreFixture.key("listed-credit", "POST /v1/billing/funds 25");
        Idempotency released = StoreFixture.key("listed-release", "POST /v1/billing/funds 25");
        Idempotency neverSent = StoreFixture.key("never-sent", "POST /v1/billing/funds 25");
        Instant firstSend = fixture.clock.instant();
        assertThat(store.startCharge(account, credited, (Started) store.beginIdempotentRequest(account, credited, AddFundsFlow.HOLD))).isTrue();
        Started releasedHold = (Started) store.beginIdempotentRequest(account, released, AddFundsFlow.HOLD);
        assertThat(store.startCharge(account, released, releasedHold)).isTrue();
        store.beginIdempotentRequest(account, neverSent, AddFundsFlow.HOLD);
        fixture.clock.advance(AddFundsFlow.HOLD.plusSeconds(1));
        Started takeover = (Started) store.beginIdempotentRequest(account, credited, AddFundsFlow.HOLD);
        assertThat(store.startCharge(account, credited, takeover)).isTrue();

        assertThat(listed(account, fixture.clock.instant())).containsExactlyInAnyOrder(
                new UnsettledTopUp(account, "listed-credit", firstSend), new UnsettledTopUp(account, "listed-release", firstSend));
        assertThat(listed(account, firstSend)).as("only charges sent before the time asked").isEmpty();

        store.credit(account, new Credit(EntryType.FUNDS_ADDED, AMOUNT, "ch_listed"), Optional.of(credited),
                StoreFixture.RENDERER, TestAccounts.generous());
        assertThat(store.releaseIdempotentRequest(account, released, releasedHold)).as("nobody took it over").isTrue();

        assertThat(listed(account, fixture.clock.instant())).isEmpty();
    }

    private List<UnsettledTopUp> listed(String account, Instant chargedBefore) {
        return store.unsettledTopUps(chargedBefore, 1_000).stream().filter(hold -> hold.accountId().equals(account)).toList();
    }

    @Test
    void aKeyHeldForAnotherRequestADayLaterMakesAChargeOfItsOwn() {
        String account = fixture.openAccount(0);
        Started first = (Started) store.beginIdempotentRequest(account, StoreFixture.key("day-later", "body 1"), AddFundsFlow.HOLD);
        store.startCharge(account, StoreFixture.key("day-later", "body 1"), first);

        fixture.clock.advance(Duration.ofHours(25));
        Started other = (Started) store.beginIdempotentRequest(account, StoreFixture.key("day-later", "body 2"), AddFundsFlow.HOLD);

        assertThat(other.chargeKey()).isNotEqualTo(first.chargeKey());
        assertThat(other.chargeMayExist()).isFalse();
    }

    /** A hold written before holds named their attempt and charge (a deploy while a top-up was in flight). */
    @Test
    void aHoldOfTheVersionBeforeIsTakenOverWithItsChargeThatMayExist() {
        String account = fixture.openAccount(0);
        Idempotency key = StoreFixture.key("legacy-hold", "POST /v1/billing/funds 25");
        // As that version wrote it: no holder, no charge of its own, nothing said about the charge.
        Map<String, AttributeValue> old = new HashMap<>(Keys.idempotency(account, key.key()));
        old.put(Attributes.REQUEST_HASH, AttributeValue.fromS(key.requestHash()));
        old.put(Attributes.IDEMPOTENCY_STATUS, AttributeValue.fromS(IdempotencyStatus.IN_PROGRESS.name()));
        old.put(Attributes.EXPIRES_AT, AttributeValue.fromN(Long.toString(fixture.clock.instant().plus(Duration.ofHours(24)).getEpochSecond())));
        old.put(Attributes.CREATED_AT, AttributeValue.fromS(Timestamps.format(fixture.clock.instant())));
        old.put(Attributes.IN_PROGRESS_EXPIRES_AT, AttributeValue.fromN(Long.toString(fixture.clock.instant().plusSeconds(10).toEpochMilli())));
        fixture.table().client().putItem(b -> b.tableName(fixture.tableName()).item(old));

        fixture.clock.advance(Duration.ofSeconds(11));
        Started taken = (Started) store.beginIdempotentRequest(account, key, AddFundsFlow.HOLD);
        fixture.clock.advance(AddFundsFlow.HOLD.plusSeconds(1));
        Started again = (Started) store.beginIdempotentRequest(account, key, AddFundsFlow.HOLD);

        assertThat(List.of(taken, again)).allSatisfy(hold -> {
            assertThat(hold.chargeKey()).isEqualTo(Started.LEGACY_CHARGE);
            assertThat(hold.chargeMayExist()).isTrue();
        });
    }

    @Test
    void aPaymentCreditedToOneAccountIsNeverCreditedToAnother() {
        String first = fixture.openAccount(0);
        String second = fixture.openAccount(0);
        store.credit(first, new Credit(EntryType.FUNDS_ADDED, AMOUNT, "ch_one_owner"), Optional.empty(),
                StoreFixture.RENDERER, TestAccounts.generous());

        assertThatThrownBy(() -> store.credit(second,
                        new Credit(EntryType.FUNDS_ADDED, AMOUNT, "ch_one_owner"), Optional.empty(), StoreFixture.RENDERER,
                        TestAccounts.generous()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("another account");
        assertThat(fixture.ledger(second)).isEmpty();
        assertThat(fixture.balance(second)).isZero();
    }

    @Test
    void aCrashBetweenChargeAndCreditIsHealedByTheRetryWithOneChargeAndOneCredit() throws Exception {
        String account = fixture.openAccount(0);
        Idempotency key = StoreFixture.key("fund-crash", "POST /v1/billing/funds 25 visa");

        assertThat(addFunds.run(account, key, AMOUNT, "pm_card_visa", true)).isInstanceOf(AddFundsFlow.CrashedAfterCharge.class);
        assertThat(addFunds.run(account, key, AMOUNT, "pm_card_visa", false))
                .as("the dead invocation's hold is still live").isEqualTo(new AddFundsFlow.Stored(new InProgress("fund-crash")));

        fixture.clock.advance(AddFundsFlow.HOLD.plusSeconds(1));
        AddFundsFlow.Outcome retried = addFunds.run(account, key, AMOUNT, "pm_card_visa", false);

        assertThat(retried).isInstanceOfSatisfying(AddFundsFlow.Stored.class, stored ->
                assertThat(stored.result()).isInstanceOf(Committed.class));
        assertThat(processor.charges()).hasSize(1);
        List<LedgerEntry> ledger = fixture.ledger(account);
        assertThat(ledger).hasSize(1);
        assertThat(ledger.get(0).details()).isEqualTo(new EntryDetails.Payment(processor.charges().get(0).reference()));
        assertThat(fixture.balance(account)).isEqualTo(AMOUNT);
    }

    @Test
    void aCrashAfterTheCreditIsAnsweredByTheStoredResponse() throws Exception {
        String account = fixture.openAccount(0);
        Idempotency key = StoreFixture.key("fund-lost-answer", "POST /v1/billing/funds 25 visa");
        Committed first = (Committed) ((AddFundsFlow.Stored) addFunds.run(account, key, AMOUNT, "pm_card_visa", false)).result();

        AddFundsFlow.Outcome retried = addFunds.run(account, key, AMOUNT, "pm_card_visa", false);

        assertThat(retried).isEqualTo(new AddFundsFlow.Stored(new Replayed(first.response())));
        assertThat(processor.charges()).hasSize(1);
        assertThat(fixture.balance(account)).isEqualTo(AMOUNT);
    }

    @Test
    void aDeclineReleasesTheKeySoItCanBeUsedAgain() throws Exception {
        String account = fixture.openAccount(0);
        Idempotency declinedRequest = StoreFixture.key("fund-declined", "POST /v1/billing/funds 25 declined");

        assertThat(addFunds.run(account, declinedRequest, AMOUNT, "pm_card_chargeDeclined", false))
                .isEqualTo(new AddFundsFlow.Declined("card_declined"));
        assertThat(store.lookupIdempotency(account, "fund-declined")).isEmpty();

        Idempotency sameKeyOtherCard = StoreFixture.key("fund-declined", "POST /v1/billing/funds 25 visa");
        assertThat(addFunds.run(account, sameKeyOtherCard, AMOUNT, "pm_card_visa", false))
                .isInstanceOfSatisfying(AddFundsFlow.Stored.class, s -> assertThat(s.result()).isInstanceOf(Committed.class));
        assertThat(fixture.balance(account)).isEqualTo(AMOUNT);
    }

    @Test
    void aLiveHoldTurnsAwayTheSameRequestAsInProgressAndAnotherAsReused() {
        String account = fixture.openAccount(0);
        Idempotency key = StoreFixture.key("fund-held", "body A");
        Started hold = (Started) store.beginIdempotentRequest(account, key, AddFundsFlow.HOLD);

        assertThat(store.beginIdempotentRequest(account, key, AddFundsFlow.HOLD)).isEqualTo(new InProgress("fund-held"));
        assertThat(store.beginIdempotentRequest(account, StoreFixture.key("fund-held", "body B"), AddFundsFlow.HOLD))
                .isEqualTo(new KeyReused("fund-held"));
        assertThat(store.releaseIdempotentRequest(account, StoreFixture.key("fund-held", "body B"), hold))
                .as("another request cannot release the hold").isFalse();
        assertThat(store.releaseIdempotentRequest(account, key, hold)).isTrue();
        assertThat(store.lookupIdempotency(account, "fund-held")).isEmpty();
    }

    @Test
    void aCompletedAnswerCannotBeReleased() {
        String account = fixture.openAccount(0);
        Idempotency key = StoreFixture.key("fund-done", "body");
        store.credit(account, new Credit(EntryType.FUNDS_ADDED, AMOUNT, "ch_2"), Optional.of(key),
                StoreFixture.RENDERER, TestAccounts.generous());

        assertThat(store.releaseIdempotentRequest(account, key, new Started("fund-done", "HOanyone", "CHany", false))).isFalse();
        assertThat(store.lookupIdempotency(account, "fund-done")).isPresent();
    }

    /**
     * An attempt whose hold lapsed and was taken over must not release it: the taker may be
     * charging under it, and deleting its hold would unlist that charge and free the key.
     */
    @Test
    void aHoldTakenOverIsNotReleasedByTheAttemptItWasTakenFrom() {
        String account = fixture.openAccount(0);
        Idempotency key = StoreFixture.key("fund-taken", "body");
        Started slow = (Started) store.beginIdempotentRequest(account, key, AddFundsFlow.HOLD);
        fixture.clock.advance(AddFundsFlow.HOLD.plusSeconds(1));
        Started taker = (Started) store.beginIdempotentRequest(account, key, AddFundsFlow.HOLD);

        assertThat(store.releaseIdempotentRequest(account, key, slow)).isFalse();
        assertThat(store.lookupIdempotency(account, "fund-taken")).hasValueSatisfying(record ->
                assertThat(record.holder()).contains(taker.holder()));
        assertThat(store.releaseIdempotentRequest(account, key, taker)).isTrue();
    }

    @Test
    void concurrentRetriesOfOneTopUpChargeAndCreditOnce() throws Exception {
        String account = fixture.openAccount(0);
        Idempotency key = StoreFixture.key("fund-storm", "POST /v1/billing/funds 25 visa storm");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<AddFundsFlow.Outcome>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                futures.add(pool.submit(() -> addFunds.run(account, key, AMOUNT, "pm_card_visa", false)));
            }
            for (Future<AddFundsFlow.Outcome> future : futures) {
                assertThat(future.get(2, TimeUnit.MINUTES)).isInstanceOfSatisfying(AddFundsFlow.Stored.class, stored ->
                        assertThat(stored.result()).isInstanceOfAny(Committed.class, InProgress.class, Replayed.class));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(processor.charges()).hasSize(1);
        assertThat(fixture.ledger(account)).hasSize(1);
        assertThat(fixture.balance(account)).isEqualTo(AMOUNT);
    }

    @Test
    void creditsAreRecordedEvenOnAnInactiveAccount() {
        String account = fixture.openAccount(Subscription.INACTIVE, 0);

        CreditResult refund = store.credit(account, new Credit(EntryType.REFUND, 30_000, "AC123"), Optional.empty(),
                StoreFixture.RENDERER, TestAccounts.generous());

        assertThat(refund).isInstanceOf(Committed.class);
        assertThat(fixture.balance(account)).isEqualTo(30_000);
    }

    @Test
    void creditsAndDebitsInterleavedKeepTheLedgerExact() {
        String account = fixture.openAccount(100_000);
        fixture.debit(account, 70_000);
        store.credit(account, new Credit(EntryType.AUTO_CHARGE, 20_000_000, "ch_auto"), Optional.empty(),
                StoreFixture.RENDERER, TestAccounts.generous());
        fixture.debit(account, 130_000);
        fixture.clock.advance(Duration.ofSeconds(1));

        assertThat(fixture.balance(account)).isEqualTo(100_000 - 70_000 + 20_000_000 - 130_000);
        fixture.assertLedgerConsistent(account);
    }
}
