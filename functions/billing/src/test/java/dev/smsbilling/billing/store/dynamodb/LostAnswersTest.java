package dev.smsbilling.billing.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smsbilling.billing.store.BeginResult;
import dev.smsbilling.billing.store.BeginResult.Started;
import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.billing.store.Credit;
import dev.smsbilling.billing.store.CreditResult;
import dev.smsbilling.billing.store.Deadline;
import dev.smsbilling.billing.store.DebitResult;
import dev.smsbilling.billing.store.EntryType;
import dev.smsbilling.billing.store.Idempotency;
import dev.smsbilling.billing.store.WriteOutcome.Committed;
import dev.smsbilling.billing.testing.TestAccounts;
import dev.smsbilling.endpoint.DynamoDbEndpoint;
import dev.smsbilling.endpoint.FaultyEndpoint;
import dev.smsbilling.endpoint.FaultyEndpoint.Fault;
import dev.smsbilling.endpoint.FaultyEndpoint.Kind;
import dev.smsbilling.endpoint.RealDynamoDb;
import dev.smsbilling.endpoint.TestTable;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Writes whose answer is lost, cancelled by conflicts or throttled, through the real SDK and a
 * real table with the faults injected on the wire between them: the store tells its caller what
 * happened, never a failure for a write that applied, and never applies one twice.
 */
@RealDynamoDb
class LostAnswersTest {
    private static final String WRITE = "TransactWriteItems";
    private final StoreFixture fixture;
    private final FaultyEndpoint faults;
    private final DynamoDbClient faultyClient;
    private final BillingStore store;

    LostAnswersTest(TestTable table) {
        this.fixture = new StoreFixture(table);
        this.faults = FaultyEndpoint.inFrontOf(table.endpoint().uri());
        this.faultyClient = new DynamoDbEndpoint(faults.uri(), "faulty proxy").client();
        this.store = new DynamoDbBillingStore(faultyClient, table.name(), fixture.clock);
    }

    @AfterEach
    void stop() {
        faultyClient.close();
        faults.close();
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"APPLY_THEN_ANSWER_500", "APPLY_THEN_DROP_CONNECTION"})
    void aDebitWhoseAnswerIsLostIsAnsweredAsCommittedAndChargedOnce(Kind lost) {
        String account = fixture.openAccount(1_000_000);
        faults.arm(Fault.of(WRITE, lost), 1);

        DebitResult result = fixture.debitThrough(store, account, 10_000, Optional.empty());

        assertThat(faults.fired(lost)).isEqualTo(1);
        assertThat(result).isInstanceOf(Committed.class);
        assertThat(fixture.balance(account)).isEqualTo(990_000);
        assertThat(fixture.ledger(account)).hasSize(2);
        assertThat(((Committed) result).entry().id()).isEqualTo(fixture.ledger(account).get(1).id());
        fixture.assertLedgerConsistent(account);
    }

    /**
     * The SDK resends on its own after the lost answer, and its last resend is throttled: our code
     * sees only the throttling, yet the write applied. It must still be answered as committed.
     */
    @Test
    void aWriteThatAppliedBeforeTheSdksOwnRetriesEndedThrottledIsNotWrittenTwice() {
        String account = fixture.openAccount(1_000_000);
        faults.arm(Fault.of(WRITE, Kind.APPLY_THEN_ANSWER_500), 1).arm(Fault.of(WRITE, Kind.THROTTLE), 1);
        DynamoDbClient twoAttempts = new DynamoDbEndpoint(faults.uri(), "faulty proxy")
                .client(c -> c.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(2).build()));
        BillingStore sdkRetriesOnce = new DynamoDbBillingStore(twoAttempts, fixture.tableName(), fixture.clock);

        DebitResult result = fixture.debitThrough(sdkRetriesOnce, account, 10_000, Optional.empty());

        assertThat(faults.fired(Kind.APPLY_THEN_ANSWER_500)).isEqualTo(1);
        assertThat(faults.fired(Kind.THROTTLE)).isEqualTo(1);
        assertThat(result).isInstanceOf(Committed.class);
        assertThat(fixture.ledger(account)).as("one debit, not two").hasSize(2);
        assertThat(fixture.balance(account)).isEqualTo(990_000);
        twoAttempts.close();
    }

    /**
     * The answer to a debit that applied is held back far longer than the invocation may live:
     * the write still ends with its deadline (not the HTTP client's 30 s socket timeout, which
     * Lambda would never wait for), and the last look finds it committed, once.
     */
    @Test
    void aWriteWhoseAnswerHangsEndsWithItsDeadlineAndIsAnsweredAsCommittedOnce() {
        String account = fixture.openAccount(1_000_000);
        faults.arm(Fault.delayed(WRITE, Duration.ofSeconds(20)), 1);
        long started = System.nanoTime();

        DebitResult result = store.debit(account, StoreFixture.charge(10_000), Optional.empty(), StoreFixture.RENDERER,
                Deadline.within(Duration.ofSeconds(2)));

        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(faults.fired(Kind.APPLY_THEN_DELAY_ANSWER)).isEqualTo(1);
        assertThat(millis).as("ended with its 2 s deadline, not with the 20 s answer").isLessThan(6_000);
        assertThat(result).isInstanceOf(Committed.class);
        assertThat(fixture.ledger(account)).as("one debit, not two").hasSize(2);
        assertThat(fixture.balance(account)).isEqualTo(990_000);
    }

    @Test
    void aKeyedCreditWhoseAnswersAreLostTwiceIsCreditedOnceAndItsKeyCompleted() {
        String account = fixture.openAccount(0);
        Idempotency key = StoreFixture.key("lost-1", "POST /v1/billing/funds 25");
        assertThat(store.beginIdempotentRequest(account, key, Duration.ofSeconds(30))).isInstanceOf(Started.class);
        faults.arm(Fault.of(WRITE, Kind.APPLY_THEN_ANSWER_500), 2);

        CreditResult result = store.credit(account, new Credit(EntryType.FUNDS_ADDED, 25_000_000, "ch_lost_twice"),
                Optional.of(key), StoreFixture.RENDERER, TestAccounts.generous());

        assertThat(result).isInstanceOf(Committed.class);
        assertThat(fixture.balance(account)).isEqualTo(25_000_000);
        assertThat(fixture.ledger(account)).hasSize(1);
        assertThat(store.lookupIdempotency(account, "lost-1")).hasValueSatisfying(record ->
                assertThat(record.response()).contains(((Committed) result).response()));
    }

    /** The SDK sends the hold again after the lost answer; the hold is this attempt's own, not another's in progress. */
    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"APPLY_THEN_ANSWER_500", "APPLY_THEN_DROP_CONNECTION"})
    void aHoldWhoseAnswerIsLostIsStillThisAttemptsHold(Kind lost) {
        String account = fixture.openAccount(0);
        Idempotency key = StoreFixture.key("hold-lost", "POST /v1/billing/funds 25");
        faults.arm(Fault.of("UpdateItem", lost), 1);

        BeginResult begun = store.beginIdempotentRequest(account, key, Duration.ofSeconds(30));

        assertThat(faults.fired(lost)).isEqualTo(1);
        assertThat(begun).isInstanceOfSatisfying(Started.class, started -> {
            assertThat(started.chargeMayExist()).isFalse();
            assertThat(store.startCharge(account, key, started)).as("and it may charge").isTrue();
        });
    }

    @Test
    void transactionConflictsOnTheAccountAreRetriedUntilTheWriteCommitsOnce() {
        String account = fixture.openAccount(1_000_000);
        faults.arm(Fault.conflictOn(WRITE, WriteRequests.ACCOUNT), 3).arm(Fault.conflictOn("TransactGetItems", 0), 2);

        DebitResult result = fixture.debitThrough(store, account, 10_000, Optional.of(StoreFixture.key("c-1", "send 1")));

        assertThat(faults.fired(Kind.TRANSACTION_CONFLICT)).isEqualTo(5);
        assertThat(result).isInstanceOf(Committed.class);
        assertThat(fixture.ledger(account)).hasSize(2);
        fixture.assertLedgerConsistent(account);
    }

    @Test
    void throttlingIsAbsorbedAndAppliesNothingTwice() {
        String account = fixture.openAccount(1_000_000);
        faults.arm(Fault.of(WRITE, Kind.THROTTLE), 3);

        DebitResult result = fixture.debitThrough(store, account, 10_000, Optional.empty());

        assertThat(faults.fired(Kind.THROTTLE)).isEqualTo(3);
        assertThat(result).isInstanceOf(Committed.class);
        assertThat(fixture.balance(account)).isEqualTo(990_000);
    }
}
