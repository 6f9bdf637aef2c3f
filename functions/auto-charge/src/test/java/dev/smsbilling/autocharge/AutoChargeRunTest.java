package dev.smsbilling.autocharge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smsbilling.billing.payment.ChargeRequest;
import dev.smsbilling.billing.payment.ChargeResult;
import dev.smsbilling.billing.payment.PaymentProcessor;
import dev.smsbilling.billing.payment.sandbox.SandboxPaymentProcessor;
import dev.smsbilling.billing.store.Account;
import dev.smsbilling.billing.store.AutoCharge;
import dev.smsbilling.billing.store.AutoChargeSettings;
import dev.smsbilling.billing.store.AutoChargeStatus;
import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.billing.store.EntryDetails;
import dev.smsbilling.billing.store.LedgerEntry;
import dev.smsbilling.billing.store.dynamodb.DynamoDbBillingStore;
import dev.smsbilling.billing.testing.Charging;
import dev.smsbilling.billing.testing.CrashAfterCharge;
import dev.smsbilling.billing.testing.MovableClock;
import dev.smsbilling.endpoint.RealDynamoDb;
import dev.smsbilling.endpoint.TestTable;
import dev.smsbilling.http.testing.TestContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The scheduled auto-charge against a real table, with the sandbox processor behind counting and faulty wrappers. */
@RealDynamoDb
class AutoChargeRunTest {
    private static final String VISA = "pm_card_visa";
    private static final String DECLINED = "pm_card_chargeDeclined";

    private final TestTable table;
    private final MovableClock clock = new MovableClock();
    private final BillingStore store;
    private final Accounts accounts;
    private final SandboxPaymentProcessor sandbox = new SandboxPaymentProcessor();
    private final CountingProcessor processor = new CountingProcessor(sandbox);

    AutoChargeRunTest(TestTable table) {
        this.table = table;
        this.store = new DynamoDbBillingStore(table.client(), table.name(), clock);
        this.accounts = new Accounts(store);
    }

    private AutoChargeHandler handler(PaymentProcessor processor) {
        return new AutoChargeHandler(store, processor, clock);
    }

    private RunSummary run() {
        return run(processor);
    }

    private RunSummary run(PaymentProcessor processor) {
        return ScheduledEvent.invoke(handler(processor));
    }

    /** Every test ends with balance = Σ ledger on every account it touched, and leaves nothing due behind. */
    @AfterEach
    void leaveTheTableSettled() {
        accounts.opened().forEach(accounts::assertBalanceIsLedgerSum);
        accounts.switchAllOff();
        clock.advance(TopUp.LEASE.plusSeconds(1));
        run(new SandboxPaymentProcessor());
        assertThat(store.dueAccounts(100)).isEmpty();
    }

    @Test
    void aDueAccountIsToppedUpOnceAndStopsBeingDue() {
        String account = accounts.due(VISA);

        RunSummary summary = run();

        assertThat(summary).isEqualTo(new RunSummary(1, 1, 0, 0));
        Account after = accounts.read(account);
        assertThat(after.balanceMicros()).isEqualTo(Accounts.JUST_ABOVE - 20_000 + Accounts.AMOUNT);
        assertThat(after.due()).isEmpty();
        assertThat(after.autoCharge().status()).isEqualTo(AutoChargeStatus.OK);
        LedgerEntry credit = accounts.autoCharges(account).get(0);
        assertThat(credit.amountMicros()).isEqualTo(Accounts.AMOUNT);
        assertThat(((EntryDetails.Payment) credit.details()).paymentReference()).isEqualTo(sandbox.charges().get(0).reference());
        assertThat(run()).as("nothing is due any more").isEqualTo(new RunSummary(0, 0, 0, 0));
    }

    @Test
    void theChargeIsForTheAccountsCustomerTheSameOneItsTopUpsByHandAreFor() throws Exception {
        String saved = accounts.due(VISA);
        String customer = sandbox.customerFor(saved);
        store.savePaymentCustomer(saved, customer);
        String never = accounts.due(VISA);

        assertThat(run()).isEqualTo(new RunSummary(2, 2, 0, 0));

        assertThat(processor.requests()).extracting(ChargeRequest::customer)
                .containsExactlyInAnyOrder(customer, sandbox.customerFor(never));
        assertThat(accounts.read(never).paymentCustomer()).as("created with its first charge, and saved")
                .contains(sandbox.customerFor(never));
    }

    @Test
    void aProcessorThatCannotCreateTheCustomerChargesNothingAndTheAccountStaysDue() {
        String account = accounts.due(VISA);
        sandbox.setUnavailable(true);

        RunSummary summary = run();

        sandbox.setUnavailable(false);
        assertThat(summary.charged()).isZero();
        assertThat(processor.requests()).isEmpty();
        assertThat(accounts.read(account).due()).isPresent();
        clock.advance(TopUp.LEASE.plusMillis(1));
        assertThat(run().charged()).as("the next run charges it").isEqualTo(1);
    }

    @Test
    void fiveRunsStartedTogetherChargeTheCardOnceAndCreditOnce() throws Exception {
        String account = accounts.due(VISA);
        CyclicBarrier start = new CyclicBarrier(5);
        ExecutorService runs = Executors.newFixedThreadPool(5);
        List<Future<RunSummary>> summaries = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                AutoChargeHandler handler = handler(processor);
                Callable<RunSummary> run = () -> {
                    start.await();
                    return ScheduledEvent.invoke(handler);
                };
                summaries.add(runs.submit(run));
            }
            int charged = 0;
            for (Future<RunSummary> summary : summaries) {
                charged += summary.get().charged();
            }
            assertThat(charged).isEqualTo(1);
        } finally {
            runs.shutdownNow();
        }

        assertThat(sandbox.charges()).hasSize(1);
        assertThat(accounts.autoCharges(account)).hasSize(1);
        assertThat(accounts.read(account).balanceMicros()).isEqualTo(Accounts.JUST_ABOVE - 20_000 + Accounts.AMOUNT);
    }

    @Test
    void aRunThatDiesAfterTheChargeIsHealedAfterItsClaimLapsesWithTheSameCharge() {
        String account = accounts.due(VISA);
        CountingProcessor dying = new CountingProcessor(new CrashAfterCharge(sandbox));

        assertThat(run(dying)).as("charged, then died before the credit").isEqualTo(new RunSummary(1, 0, 0, 1));
        assertThat(sandbox.charges()).hasSize(1);
        assertThat(accounts.autoCharges(account)).isEmpty();

        assertThat(run(dying)).as("the dead run's claim still holds").isEqualTo(new RunSummary(1, 0, 0, 1));
        clock.advance(TopUp.LEASE.plusMillis(1));
        assertThat(run(dying)).isEqualTo(new RunSummary(1, 1, 0, 0));

        assertThat(dying.requests()).hasSize(2);
        assertThat(dying.requests().get(1)).as("the retry repeats the first request exactly").isEqualTo(dying.requests().get(0));
        assertThat(sandbox.charges()).as("one charge at the processor").hasSize(1);
        List<LedgerEntry> credits = accounts.autoCharges(account);
        assertThat(credits).as("one credit in the ledger").hasSize(1);
        assertThat(((EntryDetails.Payment) credits.get(0).details()).paymentReference())
                .isEqualTo(sandbox.charges().get(0).reference());
    }

    @Test
    void aSettingsChangeWhileAChargeMayBeInFlightDoesNotChargeAgain() {
        String account = accounts.due(VISA);
        run(new CrashAfterCharge(sandbox));

        store.saveAutoChargeSettings(account, Accounts.enabled("pm_card_mastercard"));
        clock.advance(TopUp.LEASE.plusMillis(1));
        run();

        assertThat(sandbox.charges()).hasSize(1);
        assertThat(accounts.autoCharges(account)).hasSize(1);
    }

    @Test
    void anAccountAboveItsThresholdIsNeverCharged() {
        String neverBelow = accounts.open(Accounts.JUST_ABOVE);
        store.saveAutoChargeSettings(neverBelow, Accounts.enabled(VISA));
        String toppedUpByHand = accounts.due(VISA);
        accounts.addFunds(toppedUpByHand, 10_000_000);

        RunSummary summary = run();

        assertThat(summary).isEqualTo(new RunSummary(1, 0, 0, 1));
        assertThat(processor.requests()).isEmpty();
        assertThat(accounts.read(toppedUpByHand).due()).as("the stale mark is cleared").isEmpty();
        assertThat(accounts.read(neverBelow).due()).isEmpty();
    }

    @Test
    void aDisabledAccountIsNeverChargedEvenWithAStaleMark() {
        String switchedOff = accounts.due(VISA);
        store.saveAutoChargeSettings(switchedOff, new AutoChargeSettings(false, Accounts.THRESHOLD, Accounts.AMOUNT, Optional.empty()));
        String disabledAfterFailures = accounts.due(VISA);
        // A mark left behind next to the status, as a partial write by some future bug would leave it.
        table.client().updateItem(b -> b.tableName(table.name())
                .key(Map.of("pk", AttributeValue.fromS("ACCOUNT#" + disabledAfterFailures), "sk", AttributeValue.fromS("ACCOUNT")))
                .updateExpression("SET autoChargeStatus = :disabled")
                .expressionAttributeValues(Map.of(":disabled", AttributeValue.fromS("disabled_after_failures"))));

        RunSummary summary = run();

        assertThat(summary).isEqualTo(new RunSummary(2, 0, 0, 2));
        assertThat(processor.requests()).isEmpty();
        assertThat(accounts.read(switchedOff).due()).isEmpty();
        assertThat(accounts.read(disabledAfterFailures).due()).isEmpty();
        assertThat(accounts.autoCharges(switchedOff)).isEmpty();
        assertThat(accounts.autoCharges(disabledAfterFailures)).isEmpty();
    }

    @Test
    void aCardWhoseBankAsksForItsHolderIsNotRetriedAndWaitsForATopUpByHand() {
        String account = accounts.due("pm_card_authenticationRequired");
        long before = accounts.read(account).balanceMicros();

        assertThat(run()).isEqualTo(new RunSummary(1, 0, 1, 0));

        Account waiting = accounts.read(account);
        assertThat(waiting.autoCharge().status()).isEqualTo(AutoChargeStatus.ACTION_REQUIRED);
        assertThat(waiting.autoCharge().lastError()).contains("authentication_required");
        assertThat(waiting.autoCharge().consecutiveDeclines()).as("the card did not fail").isZero();
        assertThat(waiting.due()).as("no run can authenticate, so none tries").isEmpty();
        assertThat(waiting.balanceMicros()).isEqualTo(before);
        assertThat(run()).isEqualTo(new RunSummary(0, 0, 0, 0));
        accounts.debit(account, 20_000);
        assertThat(accounts.read(account).due()).as("a later debit below the threshold does not make it due either").isEmpty();
        assertThat(processor.requests()).hasSize(1);

        assertThat(store.resumeAutoCharge(account)).as("what a top-up by hand does").isTrue();
        assertThat(accounts.read(account).autoCharge().status()).isEqualTo(AutoChargeStatus.OK);
        assertThat(accounts.read(account).autoCharge().lastError()).isEmpty();
        assertThat(store.resumeAutoCharge(account)).as("nothing else is resumed").isFalse();
    }

    @Test
    void aCardSavedToAnotherAccountIsNeverChargedAndTheAccountWaitsForItsCustomer() throws Exception {
        String someoneElses = sandbox.confirmSetup(sandbox.setUpCard("cus_sandbox_someone", "their-setup").clientSecret(),
                "pm_card_visa").paymentMethod().orElseThrow();
        String account = accounts.due(someoneElses);

        assertThat(run()).isEqualTo(new RunSummary(1, 0, 1, 0));

        Account waiting = accounts.read(account);
        assertThat(processor.requests()).as("nothing asked of the card").isEmpty();
        assertThat(waiting.autoCharge().status()).isEqualTo(AutoChargeStatus.ACTION_REQUIRED);
        assertThat(waiting.autoCharge().lastError()).contains("payment_method_not_saved");
        assertThat(waiting.autoCharge().consecutiveDeclines()).isZero();
        assertThat(waiting.due()).isEmpty();
    }

    @Test
    void threeDeclinesInThreeRunsDisableAutoChargeAndCreditNothing() {
        String account = accounts.due(DECLINED);
        long before = accounts.read(account).balanceMicros();

        assertThat(run()).isEqualTo(new RunSummary(1, 0, 1, 0));
        AutoCharge failing = accounts.read(account).autoCharge();
        assertThat(failing.status()).isEqualTo(AutoChargeStatus.FAILING);
        assertThat(failing.lastError()).contains("card_declined");
        assertThat(failing.consecutiveDeclines()).isEqualTo(1);
        assertThat(accounts.read(account).due()).as("a declined account stays due").isPresent();
        assertThat(run()).isEqualTo(new RunSummary(1, 0, 1, 0));
        assertThat(run()).isEqualTo(new RunSummary(1, 0, 1, 0));

        Account after = accounts.read(account);
        assertThat(after.autoCharge().status()).isEqualTo(AutoChargeStatus.DISABLED_AFTER_FAILURES);
        assertThat(after.autoCharge().lastError()).contains("card_declined");
        assertThat(after.autoCharge().consecutiveDeclines()).isEqualTo(3);
        assertThat(after.due()).isEmpty();
        assertThat(after.balanceMicros()).isEqualTo(before);
        assertThat(accounts.autoCharges(account)).isEmpty();
        assertThat(processor.requests()).extracting(ChargeRequest::idempotencyKey)
                .as("each retry after a decline asks with a new key").doesNotHaveDuplicates().hasSize(3);
        assertThat(run()).as("no fourth try").isEqualTo(new RunSummary(0, 0, 0, 0));
    }

    @Test
    void aSuccessAfterADeclineResetsTheFailureHistory() {
        String account = accounts.due(VISA);
        // The card is refused once, then works: the customer's bank came round.
        AtomicInteger declinesLeft = new AtomicInteger(1);
        PaymentProcessor bankComesRound = Charging.by(request -> declinesLeft.getAndDecrement() > 0
                ? new ChargeResult.Declined("do_not_honor", "The card was declined.") : processor.charge(request), processor);

        assertThat(run(bankComesRound)).isEqualTo(new RunSummary(1, 0, 1, 0));
        assertThat(accounts.read(account).autoCharge().consecutiveDeclines()).isEqualTo(1);
        assertThat(run(bankComesRound)).isEqualTo(new RunSummary(1, 1, 0, 0));

        Account after = accounts.read(account);
        assertThat(after.autoCharge()).isEqualTo(new AutoCharge(Accounts.enabled(VISA), AutoChargeStatus.OK, Optional.empty(), 0));
        assertThat(accounts.autoCharges(account)).hasSize(1);
    }

    @Test
    void anOutageIsNotADeclineAndTheNextRunChargesOnce() {
        String account = accounts.due(VISA);

        assertThat(run(new Unavailable())).isEqualTo(new RunSummary(1, 0, 0, 1));
        assertThat(accounts.read(account).autoCharge().status()).isEqualTo(AutoChargeStatus.OK);
        assertThat(accounts.read(account).due()).isPresent();

        assertThat(run()).as("the claim was given back: no need to wait for it").isEqualTo(new RunSummary(1, 1, 0, 0));
        assertThat(sandbox.charges()).hasSize(1);
    }

    @Test
    void aBalanceThatRoseDuringTheChargeIsStillCreditedWhatWasCharged() {
        String account = accounts.due(VISA);
        PaymentProcessor customerTopsUpMeanwhile = Charging.by(request -> {
            accounts.addFunds(account, 50_000_000);
            return processor.charge(request);
        }, processor);

        assertThat(run(customerTopsUpMeanwhile)).isEqualTo(new RunSummary(1, 1, 0, 0));

        assertThat(accounts.read(account).balanceMicros()).isEqualTo(Accounts.JUST_ABOVE - 20_000 + 50_000_000 + Accounts.AMOUNT);
        assertThat(accounts.autoCharges(account)).hasSize(1);
    }

    @Test
    void aRunShortOfTimeClaimsNothing() {
        String account = accounts.due(VISA);

        RunSummary summary = ScheduledEvent.invoke(handler(processor), ScheduledEvent.sample(), TestContext.withRemaining(5_000));

        assertThat(summary).isEqualTo(new RunSummary(1, 0, 0, 1));
        assertThat(processor.requests()).isEmpty();
        assertThat(accounts.read(account).due().orElseThrow().claimUntil()).as("not even claimed").isEmpty();
    }

    @Test
    void anEventThatIsNotJsonIsRefusedBeforeAnythingHappens() {
        accounts.due(VISA);

        assertThatThrownBy(() -> ScheduledEvent.invoke(handler(processor), "tick".getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(processor.requests()).isEmpty();
    }
}
