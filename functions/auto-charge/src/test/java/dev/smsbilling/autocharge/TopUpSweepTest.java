package dev.smsbilling.autocharge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smsbilling.addfunds.AddFundsHandler;
import dev.smsbilling.billing.payment.PaymentProcessor;
import dev.smsbilling.billing.payment.sandbox.SandboxPaymentProcessor;
import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.billing.store.EntryDetails;
import dev.smsbilling.billing.store.EntryType;
import dev.smsbilling.billing.store.IdempotencyStatus;
import dev.smsbilling.billing.store.LedgerEntry;
import dev.smsbilling.billing.store.dynamodb.DynamoDbBillingStore;
import dev.smsbilling.billing.testing.Charging;
import dev.smsbilling.billing.testing.CrashAfterCharge;
import dev.smsbilling.billing.testing.MovableClock;
import dev.smsbilling.endpoint.RealDynamoDb;
import dev.smsbilling.endpoint.TestTable;
import dev.smsbilling.http.Sha256;
import dev.smsbilling.http.testing.FunctionCall;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A top-up whose invocation died after it may have charged the card, and whose client never
 * retries: the scheduled run's sweep settles it. Each top-up goes through the real add-funds
 * handler on a real table and dies where an invocation really dies (after the card was charged,
 * after the charge was marked as about to be sent), and the sweep asks the same sandbox the
 * handler charged.
 */
@RealDynamoDb
class TopUpSweepTest {
    private static final long AMOUNT = 25_000_000;
    private static final String BODY = "{\"amountMicros\": 25000000, \"paymentMethod\": \"pm_card_visa\"}";
    private static final String DECLINING = "{\"amountMicros\": 25000000, \"paymentMethod\": \"pm_card_chargeDeclined\"}";

    /** Long enough for a dead top-up's hold (its deadline and margin, under 30 s) to lapse, and the sweep's wait after it. */
    private static final Duration LONG_DEAD = Duration.ofSeconds(30).plus(TopUpSweep.SETTLE_AFTER);

    private final MovableClock clock = new MovableClock();
    private final TestTable table;
    private final BillingStore store;
    private final Accounts accounts;
    private final SandboxPaymentProcessor sandbox = new SandboxPaymentProcessor();

    TopUpSweepTest(TestTable table) {
        this.table = table;
        this.store = new DynamoDbBillingStore(table.client(), table.name(), clock);
        this.accounts = new Accounts(store);
    }

    @AfterEach
    void everyChargeIsCreditedOnceAndBalancesAreTheirLedgers() {
        accounts.opened().forEach(accounts::assertBalanceIsLedgerSum);
        List<String> credited = accounts.opened().stream().flatMap(a -> accounts.ledger(a).stream())
                .map(LedgerEntry::details).filter(EntryDetails.Payment.class::isInstance)
                .map(d -> ((EntryDetails.Payment) d).paymentReference()).toList();
        assertThat(credited).containsExactlyInAnyOrderElementsOf(
                sandbox.charges().stream().map(SandboxPaymentProcessor.Charged::reference).toList());
    }

    @Test
    void aTopUpThatChargedAndDiedIsCreditedByTheSweepAndItsKeyThenReplaysThatCredit() {
        String account = accounts.open(0);
        assertThat(topUp(account, "died-after-charge", BODY, new CrashAfterCharge(sandbox)).status()).isEqualTo(500);
        assertThat(sandbox.charges()).as("the card was charged").hasSize(1);
        String reference = sandbox.charges().get(0).reference();

        assertThat(sweep(sandbox)).as("too soon: the request may still be alive").isEqualTo(SweepSummary.NONE);
        clock.advance(LONG_DEAD);
        assertThat(sweep(sandbox)).isEqualTo(new SweepSummary(1, 1, 0, 0, 0));

        assertThat(accounts.read(account).balanceMicros()).isEqualTo(AMOUNT);
        assertThat(accounts.ledger(account)).singleElement().satisfies(entry -> {
            assertThat(entry.type()).isEqualTo(EntryType.FUNDS_ADDED);
            assertThat(entry.details()).isEqualTo(new EntryDetails.Payment(reference));
        });
        FunctionCall.Response late = topUp(account, "died-after-charge", BODY, sandbox);
        assertThat(late.status()).as("the client came back after all").isEqualTo(201);
        assertThat(late.headers()).containsEntry("Idempotent-Replayed", "true");
        assertThat(late.data().path("paymentReference").asText()).isEqualTo(reference);
        assertThat(late.data().path("transactionId").asText()).isEqualTo(accounts.ledger(account).get(0).id());
        assertThat(sandbox.charges()).as("and was not charged again").hasSize(1);
        assertThat(sweep(sandbox)).as("nothing is left to settle").isEqualTo(SweepSummary.NONE);
    }

    /** The charge was marked as about to be sent, then the invocation died before sending it. */
    @Test
    void aTopUpThatDiedBeforeTheCardIsReleasedAndItsRetryIsOneNewCharge() {
        String account = accounts.open(0);
        PaymentProcessor diesBeforeSending = Charging.by(request -> {
            throw new IllegalStateException("the invocation died before the charge left");
        }, sandbox);
        assertThat(topUp(account, "died-before-charge", BODY, diesBeforeSending).status()).isEqualTo(500);
        clock.advance(LONG_DEAD);

        assertThat(sweep(sandbox)).isEqualTo(new SweepSummary(1, 0, 1, 0, 0));

        assertThat(store.lookupIdempotency(account, "died-before-charge")).as("the key is free again").isEmpty();
        assertThat(accounts.read(account).balanceMicros()).isZero();
        assertThat(topUp(account, "died-before-charge", BODY, sandbox).status()).isEqualTo(201);
        assertThat(sandbox.charges()).hasSize(1);
        assertThat(accounts.read(account).balanceMicros()).isEqualTo(AMOUNT);
    }

    @Test
    void aDeclineWhoseAnswerWasLostTookNothingAndIsReleased() {
        String account = accounts.open(0);
        assertThat(topUp(account, "declined-then-died", DECLINING, new CrashAfterCharge(sandbox)).status()).isEqualTo(500);
        clock.advance(LONG_DEAD);

        assertThat(sweep(sandbox)).isEqualTo(new SweepSummary(1, 0, 1, 0, 0));

        assertThat(store.lookupIdempotency(account, "declined-then-died")).isEmpty();
        assertThat(accounts.ledger(account)).isEmpty();
    }

    /** Unknown is never guessed: the hold waits, and the next run asks again once the sweep's own hold lapsed. */
    @Test
    void whileTheProcessorCannotSayNothingMovesAndALaterRunCredits() {
        String account = accounts.open(0);
        topUp(account, "processor-down", BODY, new CrashAfterCharge(sandbox));
        clock.advance(LONG_DEAD);

        assertThat(sweep(new Unavailable())).isEqualTo(new SweepSummary(1, 0, 0, 1, 0));
        assertThat(accounts.read(account).balanceMicros()).isZero();
        assertThat(sweep(sandbox)).as("the sweep's own hold is still live").isEqualTo(new SweepSummary(1, 0, 0, 1, 0));
        clock.advance(TopUpSweep.HOLD.plus(TopUpSweep.SETTLE_AFTER).plusSeconds(1));
        assertThat(sweep(sandbox)).isEqualTo(new SweepSummary(1, 1, 0, 0, 0));
        assertThat(accounts.read(account).balanceMicros()).isEqualTo(AMOUNT);
    }

    /**
     * The client's retry and the sweep race for the same dead top-ups; whoever takes a hold, the
     * other is told it is busy, and each charge is credited once (checked after each test).
     */
    @Test
    void aRetryRacingTheSweepNeverCreditsTwice() throws Exception {
        List<String> dead = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String account = accounts.open(0);
            topUp(account, "race-" + i, BODY, new CrashAfterCharge(sandbox));
            dead.add(account);
        }
        clock.advance(LONG_DEAD);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> racing = new ArrayList<>();
            racing.add(pool.submit(() -> sweep(sandbox)));
            for (int i = 0; i < dead.size(); i++) {
                String account = dead.get(i);
                String key = "race-" + i;
                racing.add(pool.submit((Callable<Integer>) () -> topUp(account, key, BODY, sandbox).status()));
            }
            for (Future<?> result : racing) {
                Object status = result.get();
                if (status instanceof Integer code) {
                    assertThat(code).as("credited, replayed, or busy while the sweep holds it").isIn(201, 409);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        clock.advance(TopUpSweep.HOLD.plus(TopUpSweep.SETTLE_AFTER).plusSeconds(1));
        sweep(sandbox);

        assertThat(sandbox.charges()).hasSize(dead.size());
        assertThat(dead).allSatisfy(account -> assertThat(accounts.read(account).balanceMicros()).isEqualTo(AMOUNT));
    }

    /**
     * The index lists a hold by its charge's first send, but a retry that took it over later and
     * died may still have a request in flight: the sweep waits for the last holder, not the first.
     */
    @Test
    void aHoldTakenOverLaterWaitsForItsLastHolderNotItsFirstSend() {
        String account = accounts.open(0);
        topUp(account, "taken-over-late", BODY, new CrashAfterCharge(sandbox));
        clock.advance(Duration.ofMinutes(30));
        PaymentProcessor diesBeforeSending = Charging.by(request -> {
            throw new IllegalStateException("the retry died too, before its charge left");
        }, sandbox);
        assertThat(topUp(account, "taken-over-late", BODY, diesBeforeSending).status()).isEqualTo(500);
        clock.advance(Duration.ofSeconds(40)); // the retry's hold (its deadline and margin) has lapsed

        assertThat(sweep(sandbox)).as("its last holder lapsed only just now").isEqualTo(new SweepSummary(1, 0, 0, 1, 0));
        clock.advance(TopUpSweep.SETTLE_AFTER);
        assertThat(sweep(sandbox)).isEqualTo(new SweepSummary(1, 1, 0, 0, 0));
        assertThat(accounts.read(account).balanceMicros()).isEqualTo(AMOUNT);
    }

    /**
     * A hold of the version before holds were named: its charge was sent without our key in the
     * intent's metadata, so "not found" proves nothing. It is never released by the sweep; it
     * alarms, for a human to look the charge up.
     */
    @Test
    void aHoldOfTheVersionBeforeIsNeverReleasedAndAlarms() {
        String account = accounts.open(0);
        // The request hash add-funds binds a key to (route, amount, card), as OpenApiResponsesTest spells it.
        String requestHash = Sha256.hex("POST /v1/billing/funds\namountMicros=25000000\npaymentMethod=pm_card_visa");
        Instant now = clock.instant();
        // As that version wrote it: no holder, no charge of its own, nothing said about the charge.
        table.client().putItem(b -> b.tableName(table.name()).item(Map.of(
                "pk", AttributeValue.fromS("ACCOUNT#" + account), "sk", AttributeValue.fromS("IDEMPOTENCY#legacy"),
                "requestHash", AttributeValue.fromS(requestHash), "status", AttributeValue.fromS("IN_PROGRESS"),
                "expiresAt", AttributeValue.fromN(Long.toString(now.plus(Duration.ofHours(24)).getEpochSecond())),
                "createdAt", AttributeValue.fromS(now.toString()),
                "inProgressExpiresAt", AttributeValue.fromN(Long.toString(now.plusSeconds(10).toEpochMilli())))));
        clock.advance(Duration.ofSeconds(11));
        PaymentProcessor diesBeforeSending = Charging.by(request -> {
            throw new IllegalStateException("the taker died before its charge left");
        }, sandbox);
        topUp(account, "legacy", BODY, diesBeforeSending); // takes it over: listed, its charge may exist
        clock.advance(LONG_DEAD);

        assertThat(sweep(sandbox)).isEqualTo(new SweepSummary(1, 0, 0, 0, 1));
        assertThat(store.lookupIdempotency(account, "legacy")).as("still held").hasValueSatisfying(record ->
                assertThat(record.status()).isEqualTo(IdempotencyStatus.IN_PROGRESS));
        // A human found nothing was charged and removed it; the other tests share the table's index.
        table.client().deleteItem(b -> b.tableName(table.name()).key(Map.of(
                "pk", AttributeValue.fromS("ACCOUNT#" + account), "sk", AttributeValue.fromS("IDEMPOTENCY#legacy"))));
    }

    private FunctionCall.Response topUp(String account, String key, String body, PaymentProcessor processor) {
        return FunctionCall.event("add-funds.json").account(account).header("Idempotency-Key", key).body(body)
                .invoke(new AddFundsHandler(store, processor));
    }

    private SweepSummary sweep(PaymentProcessor processor) {
        return ScheduledEvent.sweep(new AutoChargeHandler(store, processor, clock));
    }
}
