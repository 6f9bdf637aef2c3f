package dev.smsbilling.addfunds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smsbilling.billing.api.RequestHash;
import dev.smsbilling.billing.api.TopUps;
import dev.smsbilling.billing.payment.PaymentUnavailable;
import dev.smsbilling.billing.payment.sandbox.SandboxPaymentProcessor;
import dev.smsbilling.billing.store.Account;
import dev.smsbilling.billing.store.AutoCharge;
import dev.smsbilling.billing.store.AutoChargeClaim;
import dev.smsbilling.billing.store.AutoChargeSettings;
import dev.smsbilling.billing.store.AutoChargeStatus;
import dev.smsbilling.billing.store.BeginResult;
import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.billing.store.EntryDetails;
import dev.smsbilling.billing.store.LedgerEntry;
import dev.smsbilling.billing.store.Subscription;
import dev.smsbilling.billing.store.dynamodb.DynamoDbBillingStore;
import dev.smsbilling.billing.testing.Charging;
import dev.smsbilling.billing.testing.CrashAfterCharge;
import dev.smsbilling.billing.testing.MovableClock;
import dev.smsbilling.billing.testing.TestAccounts;
import dev.smsbilling.endpoint.RealDynamoDb;
import dev.smsbilling.endpoint.TestTable;
import dev.smsbilling.http.testing.FunctionCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The add-funds protocol end to end: events/add-funds.json through the handler, a real table, the sandbox processor. */
@RealDynamoDb
class AddFundsHandlerTest {
    private static final String KEY = "topup-2026-11-27-0001";
    private static final long AMOUNT = 25_000_000;
    private final MovableClock clock = new MovableClock();
    private final BillingStore store;
    private final SandboxPaymentProcessor sandbox = new SandboxPaymentProcessor();
    private final AddFundsHandler handler;
    private final TestAccounts accounts;

    AddFundsHandlerTest(TestTable table) {
        this.store = new DynamoDbBillingStore(table.client(), table.name(), clock);
        this.accounts = new TestAccounts(store);
        this.handler = new AddFundsHandler(store, sandbox);
    }

    @Test
    void theSampleEventChargesTheCardAndCreditsTheBalance() {
        String account = accounts.open(0);

        FunctionCall.Response response = call(account).invoke(handler);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.headers()).doesNotContainKey("Idempotent-Replayed");
        assertThat(sandbox.charges()).singleElement().satisfies(charge -> {
            assertThat(charge.request().amountMicros()).isEqualTo(AMOUNT);
            assertThat(charge.request().paymentMethod()).isEqualTo("pm_card_visa");
            assertThat(charge.request().idempotencyKey()).startsWith("topup_").hasSize(70);
        });
        String reference = sandbox.charges().get(0).reference();
        assertThat(response.data().get("transactionId").textValue()).startsWith("TX");
        assertThat(response.data().get("amountMicros").longValue()).isEqualTo(AMOUNT);
        assertThat(response.data().get("balanceAfterMicros").longValue()).isEqualTo(AMOUNT);
        assertThat(response.data().get("paymentReference").textValue()).isEqualTo(reference);
        assertThat(response.data()).hasSize(4);
        assertThat(ledger(account)).singleElement().satisfies(entry -> {
            assertThat(entry.id()).isEqualTo(response.data().get("transactionId").textValue());
            assertThat(entry.details()).isEqualTo(new EntryDetails.Payment(reference));
        });
    }

    @Test
    void aRetryWithTheSameKeyAndBodyReplaysTheFirstAnswerByteForByte() {
        String account = accounts.open(0);
        FunctionCall.Response first = call(account).invoke(handler);

        FunctionCall.Response retry = call(account).invoke(handler);
        FunctionCall.Response reformatted = call(account)
                .body("{ \"paymentMethod\" : \"pm_card_visa\", \"amountMicros\" : 25000000, \"note\": \"ignored\" }").invoke(handler);

        for (FunctionCall.Response replay : List.of(retry, reformatted)) {
            assertThat(replay.status()).isEqualTo(201);
            assertThat(replay.headers()).containsEntry("Idempotent-Replayed", "true");
            assertThat(replay.body()).isEqualTo(first.body());
        }
        assertCreditedOnce(account, AMOUNT);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndChangesNothing() {
        String account = accounts.open(0);
        call(account).invoke(handler);

        FunctionCall.Response reused = call(account).body("{\"amountMicros\": 30000000, \"paymentMethod\": \"pm_card_visa\"}").invoke(handler);
        FunctionCall.Response otherCard = call(account).body("{\"amountMicros\": 25000000, \"paymentMethod\": \"pm_card_mastercard\"}").invoke(handler);

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.code()).isEqualTo("idempotency_key_reused");
        assertThat(otherCard.code()).isEqualTo("idempotency_key_reused");
        assertCreditedOnce(account, AMOUNT);
    }

    @Test
    void aCrashBetweenTheChargeAndTheCreditIsHealedByTheRetryWithOneChargeAndOneCredit() {
        String account = accounts.open(0);
        AddFundsHandler crashing = new AddFundsHandler(store, new CrashAfterCharge(sandbox));

        FunctionCall.Response crashed = call(account).invoke(crashing);
        assertThat(crashed.status()).isEqualTo(500);
        assertThat(crashed.code()).isEqualTo("internal_error");
        assertThat(sandbox.charges()).hasSize(1);
        assertThat(ledger(account)).isEmpty();

        FunctionCall.Response tooSoon = call(account).invoke(crashing);
        assertThat(tooSoon.status()).as("the dead invocation's hold is still live").isEqualTo(409);
        assertThat(tooSoon.code()).isEqualTo("request_in_progress");

        clock.advance(Duration.ofSeconds(30));
        FunctionCall.Response healed = call(account).invoke(crashing);

        assertThat(healed.status()).isEqualTo(201);
        assertThat(healed.data().get("paymentReference").textValue()).isEqualTo(sandbox.charges().get(0).reference());
        assertCreditedOnce(account, AMOUNT);
        assertThat(call(account).invoke(crashing).body()).isEqualTo(healed.body());
    }

    /**
     * Found by the bank workload: the retry that heals a crash met a lapsed subscription, was
     * refused with 403 and freed the key, so the card stayed charged and nothing was credited.
     */
    @Test
    void aCrashAfterTheChargeIsStillCreditedWhenTheSubscriptionLapsesBeforeTheRetry() {
        String account = accounts.open(0);
        AddFundsHandler crashing = new AddFundsHandler(store, new CrashAfterCharge(sandbox));
        assertThat(call(account).invoke(crashing).status()).isEqualTo(500);
        store.setSubscription(account, Subscription.INACTIVE);
        clock.advance(Duration.ofSeconds(30));

        FunctionCall.Response healed = call(account).invoke(crashing);

        assertThat(healed.status()).isEqualTo(201);
        assertThat(healed.data().get("paymentReference").textValue()).isEqualTo(sandbox.charges().get(0).reference());
        assertCreditedOnce(account, AMOUNT);
        assertThat(call(account).header("Idempotency-Key", "another").invoke(handler).status())
                .as("a new top-up is still refused").isEqualTo(403);
    }

    /** An attempt that died holding the key but before its charge: its successor decides afresh, subscription included. */
    @Test
    void aHoldAbandonedBeforeItsChargeIsTakenOverWithTheSubscriptionCheckedAgain() {
        String account = accounts.open(0);
        var body = AddFundsRequest.parse("{\"amountMicros\": 25000000, \"paymentMethod\": \"pm_card_visa\"}");
        assertThat(store.beginIdempotentRequest(account, new dev.smsbilling.billing.store.Idempotency(KEY, RequestHash.of(AddFundsHandler.ROUTE, body.canonical())),
                Duration.ofSeconds(10))).isInstanceOf(BeginResult.Started.class);
        store.setSubscription(account, Subscription.INACTIVE);
        clock.advance(Duration.ofSeconds(30));

        FunctionCall.Response retry = call(account).invoke(handler);

        assertThat(retry.status()).isEqualTo(403);
        assertThat(sandbox.charges()).as("no card was charged for a lapsed subscription").isEmpty();
        assertNothingWritten(account);
    }

    /** The taker sent nothing, but the attempt it took over may have: the key stays with that charge. */
    @Test
    void aTakeoverThatCannotReachTheProcessorKeepsTheKeyOfAChargeThatMayExist() {
        String account = accounts.open(0);
        var body = AddFundsRequest.parse("{\"amountMicros\": 25000000, \"paymentMethod\": \"pm_card_visa\"}");
        var idempotency = new dev.smsbilling.billing.store.Idempotency(KEY, RequestHash.of(AddFundsHandler.ROUTE, body.canonical()));
        var first = (BeginResult.Started) store.beginIdempotentRequest(account, idempotency, Duration.ofSeconds(10));
        assertThat(store.startCharge(account, idempotency, first)).isTrue(); // then that attempt died
        clock.advance(Duration.ofSeconds(30));
        AddFundsHandler noKey = new AddFundsHandler(store, Charging.by(request -> {
            throw new dev.smsbilling.billing.payment.PaymentNotAttempted("the Stripe key could not be read");
        }, sandbox));

        FunctionCall.Response answer = call(account).invoke(noKey);

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.code()).isEqualTo("payment_unavailable");
        assertThat(store.lookupIdempotency(account, KEY)).hasValueSatisfying(record ->
                assertThat(record.status()).isEqualTo(dev.smsbilling.billing.store.IdempotencyStatus.IN_PROGRESS));
    }

    @Test
    void aHoldOfTheVersionBeforeKeepsThatVersionsProcessorKeySoItsChargeIsFound() {
        var idempotency = new dev.smsbilling.billing.store.Idempotency(KEY, "a".repeat(64));
        var legacy = new BeginResult.Started(KEY, "HOx", BeginResult.Started.LEGACY_CHARGE, true);
        var fresh = new BeginResult.Started(KEY, "HOy", "CHnew", false);

        assertThat(TopUps.processorKey("BA1", idempotency, legacy))
                .isEqualTo("topup_" + dev.smsbilling.http.Sha256.hex("BA1\n" + KEY + "\n" + "a".repeat(64)));
        assertThat(TopUps.processorKey("BA1", idempotency, fresh)).isNotEqualTo(TopUps.processorKey("BA1", idempotency, legacy));
    }

    /** A key held again after a decline is a new charge: the processor's stored decline for the old one is not replayed. */
    @Test
    void aRetryAfterADeclineWithTheSameKeyAndBodyIsANewCharge() {
        String account = accounts.open(0);
        String declining = "{\"amountMicros\": 25000000, \"paymentMethod\": \"pm_card_chargeDeclined\"}";
        List<String> keysAsked = new java.util.concurrent.CopyOnWriteArrayList<>();
        AddFundsHandler recording = new AddFundsHandler(store, Charging.by(request -> {
            keysAsked.add(request.idempotencyKey());
            return sandbox.charge(request);
        }, sandbox));

        assertThat(call(account).body(declining).invoke(recording).status()).isEqualTo(402);
        assertThat(call(account).body(declining).invoke(recording).status()).isEqualTo(402);

        assertThat(keysAsked).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void theFirstTopUpCreatesTheAccountsCustomerOnceAndEveryChargeIsForIt() throws Exception {
        String account = accounts.open(0);
        assertThat(store.readAccount(account).orElseThrow().paymentCustomer()).isEmpty();

        assertThat(call(account).invoke(handler).status()).isEqualTo(201);
        assertThat(call(account).header("Idempotency-Key", "second-top-up").invoke(handler).status()).isEqualTo(201);

        String customer = store.readAccount(account).orElseThrow().paymentCustomer().orElseThrow();
        assertThat(customer).isEqualTo(sandbox.customerFor(account));
        assertThat(sandbox.charges()).hasSize(2).allSatisfy(charge -> assertThat(charge.request().customer()).isEqualTo(customer));
        String other = accounts.open(0);
        call(other).invoke(handler);
        assertThat(sandbox.charges().get(2).request().customer()).as("another account, another customer").isNotEqualTo(customer);
    }

    @Test
    void aTopUpByHandWithTheAutoChargeCardResumesAnAutoChargeThatWaitedForItsHolder() {
        String account = waitingForTheHolderOf("pm_card_visa");
        String other = waitingForTheHolderOf("pm_card_mastercard");

        assertThat(call(account).invoke(handler).status()).isEqualTo(201);
        assertThat(call(other).invoke(handler).status()).isEqualTo(201);

        AutoCharge resumed = store.readAccount(account).orElseThrow().autoCharge();
        assertThat(resumed.status()).as("the card paid with its holder there").isEqualTo(AutoChargeStatus.OK);
        assertThat(resumed.lastError()).isEmpty();
        assertThat(resumed.settings().paymentMethod()).contains("pm_card_visa");
        assertThat(store.readAccount(other).orElseThrow().autoCharge().status())
                .as("another card paid: nothing is known of the auto-charge card").isEqualTo(AutoChargeStatus.ACTION_REQUIRED);
        assertThat(accounts.balance(account)).isEqualTo(AMOUNT);
        accounts.assertBalanceIsLedgerSum(account);
    }

    /** Enabled below the threshold, so due; the run's charge of {@code card} then asked for its holder. */
    private String waitingForTheHolderOf(String card) {
        String account = accounts.open(0);
        store.saveAutoChargeSettings(account, new AutoChargeSettings(true, 5_000_000, 20_000_000, Optional.of(card)));
        AutoChargeClaim claim = (AutoChargeClaim) store.claimAutoCharge(account, Duration.ofSeconds(90));
        assertThat(store.requireAutoChargeAction(claim, "authentication_required")).isTrue();
        assertThat(store.readAccount(account).orElseThrow().autoCharge().status()).isEqualTo(AutoChargeStatus.ACTION_REQUIRED);
        return account;
    }

    @Test
    void aProcessorThatCannotCreateTheCustomerIs503WithNothingChargedAndTheKeyFree() {
        String account = accounts.open(0);
        sandbox.setUnavailable(true);

        FunctionCall.Response down = call(account).invoke(handler);

        assertThat(down.status()).isEqualTo(503);
        assertThat(down.code()).isEqualTo("payment_unavailable");
        assertThat(sandbox.charges()).isEmpty();
        assertThat(store.readAccount(account).orElseThrow().paymentCustomer()).isEmpty();
        sandbox.setUnavailable(false);
        assertThat(call(account).body("{\"amountMicros\": 30000000, \"paymentMethod\": \"pm_card_visa\"}").invoke(handler).status())
                .as("nothing was charged, so the key is free for another request").isEqualTo(201);
    }

    @Test
    void aProcessorOutageIs503AndKeepsTheKeyForTheSameBodyOnly() throws Exception {
        String account = payingAccount();
        sandbox.setUnavailable(true);

        FunctionCall.Response down = call(account).invoke(handler);

        assertThat(down.status()).isEqualTo(503);
        assertThat(down.code()).isEqualTo("payment_unavailable");
        assertThat(Long.parseLong(down.headers().get("Retry-After"))).as("the hold's life").isBetween(1L, 30L);
        assertThat(down.body()).doesNotContain("sandbox", "Exception");
        assertThat(call(account).invoke(handler).code()).as("the hold still stands").isEqualTo("request_in_progress");
        sandbox.setUnavailable(false);
        clock.advance(Duration.ofSeconds(30));
        assertThat(call(account).body("{\"amountMicros\": 30000000, \"paymentMethod\": \"pm_card_visa\"}").invoke(handler).code())
                .as("the outcome of the first charge is unknown, so the key stays with its body").isEqualTo("idempotency_key_reused");
        assertThat(call(account).invoke(handler).status()).isEqualTo(201);
        assertCreditedOnce(account, AMOUNT);
    }

    @Test
    void tenConcurrentRequestsWithOneKeyChargeOnceAndCreditOnce() throws Exception {
        String account = accounts.open(0);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<FunctionCall.Response>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                Callable<FunctionCall.Response> request = () -> {
                    start.await();
                    return call(account).invoke(handler);
                };
                futures.add(pool.submit(request));
            }
            start.countDown();
            List<FunctionCall.Response> responses = new ArrayList<>();
            for (Future<FunctionCall.Response> future : futures) {
                responses.add(future.get(2, TimeUnit.MINUTES));
            }

            List<FunctionCall.Response> firsts = responses.stream()
                    .filter(r -> r.status() == 201 && !r.headers().containsKey("Idempotent-Replayed")).toList();
            assertThat(firsts).hasSize(1);
            assertThat(responses).allSatisfy(r -> {
                assertThat(r.status()).isIn(201, 409);
                if (r.status() == 201) {
                    assertThat(r.body()).isEqualTo(firsts.get(0).body());
                }
            });
            assertCreditedOnce(account, AMOUNT);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDeclinedCardIs402CreditsNothingAndLeavesTheKeyReusable() {
        String account = accounts.open(0);

        FunctionCall.Response declined = call(account)
                .body("{\"amountMicros\": 25000000, \"paymentMethod\": \"pm_card_chargeDeclined\"}").invoke(handler);

        assertThat(declined.status()).isEqualTo(402);
        assertThat(declined.code()).isEqualTo("payment_declined");
        assertThat(declined.json().get("declineCode").textValue()).isEqualTo("card_declined");
        assertNothingWritten(account);

        FunctionCall.Response insufficient = call(account)
                .body("{\"amountMicros\": 25000000, \"paymentMethod\": \"pm_card_chargeDeclinedInsufficientFunds\"}").invoke(handler);
        assertThat(insufficient.json().get("declineCode").textValue()).isEqualTo("insufficient_funds");
        assertNothingWritten(account);

        FunctionCall.Response visa = call(account).invoke(handler);
        assertThat(visa.status()).isEqualTo(201);
        assertCreditedOnce(account, AMOUNT);
    }

    @Test
    void anInactiveSubscriptionIs403BeforeAnyChargeAndFreesTheKey() {
        String account = accounts.open(Subscription.INACTIVE, 0);

        FunctionCall.Response refused = call(account).invoke(handler);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("subscription_inactive");
        assertNothingWritten(account);
        store.setSubscription(account, Subscription.ACTIVE);
        assertThat(call(account).invoke(handler).status()).isEqualTo(201);
    }

    @Test
    void aCompletedTopUpStillReplaysAfterTheSubscriptionLapses() {
        String account = accounts.open(0);
        FunctionCall.Response first = call(account).invoke(handler);
        store.setSubscription(account, Subscription.INACTIVE);

        FunctionCall.Response retry = call(account).invoke(handler);

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(call(account).header("Idempotency-Key", "another").invoke(handler).status()).isEqualTo(403);
    }

    @Test
    void oneKeyOnTwoAccountsIsTwoTopUps() {
        String a = accounts.open(0);
        String b = accounts.open(0);

        FunctionCall.Response forA = call(a).invoke(handler);
        FunctionCall.Response forB = call(b).invoke(handler);

        assertThat(forA.status()).isEqualTo(201);
        assertThat(forB.status()).isEqualTo(201);
        assertThat(forB.headers()).doesNotContainKey("Idempotent-Replayed");
        assertThat(sandbox.charges()).hasSize(2);
        assertThat(balance(a)).isEqualTo(AMOUNT);
        assertThat(balance(b)).isEqualTo(AMOUNT);
    }

    @Test
    void theIdempotencyKeyIsRequiredAndChecked() {
        String account = accounts.open(0);
        for (String key : new String[] {null, "", "   ", "k".repeat(256), "caf\u00e9", "tab\tkey"}) {
            // A null header value is how an event without the header is written here.
            FunctionCall.Response response = call(account).header("Idempotency-Key", key).invoke(handler);
            assertThat(response.status()).as(String.valueOf(key)).isEqualTo(400);
            assertThat(response.json().get("errors").get(0).get("path").textValue()).isEqualTo("Idempotency-Key");
        }
        assertNothingWritten(account);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4990000", "5000010000", "5001000", "0", "-25000000", "1e3", "\"25\"", "4.99", "25000000.0",
            "99999999999999999999999", "9223372036854775807", "-9223372036854775808", "null", "true", "[25000000]"})
    void aBadAmountIs400AndNothingIsWritten(String amount) {
        String account = accounts.open(0);

        FunctionCall.Response response = call(account)
                .body("{\"amountMicros\": " + amount + ", \"paymentMethod\": \"pm_card_visa\"}").invoke(handler);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("invalid_request");
        assertThat(response.json().get("errors").get(0).get("path").textValue()).isEqualTo("amountMicros");
        assertNothingWritten(account);
    }

    @Test
    void theLimitsThemselvesAreAccepted() {
        String account = accounts.open(0);

        assertThat(call(account).header("Idempotency-Key", "min")
                .body("{\"amountMicros\": 5000000, \"paymentMethod\": \"pm_card_visa\"}").invoke(handler).status()).isEqualTo(201);
        assertThat(call(account).header("Idempotency-Key", "max")
                .body("{\"amountMicros\": 5000000000, \"paymentMethod\": \"pm_card_visa\"}").invoke(handler).status()).isEqualTo(201);
        assertThat(balance(account)).isEqualTo(5_005_000_000L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"card_visa\"", "\"pm_\"", "\"pm_card visa\"", "null", "42", "\"pm_card_visa\\n\""})
    void aBadPaymentMethodIs400AndNothingIsWritten(String paymentMethod) {
        String account = accounts.open(0);

        FunctionCall.Response response = call(account)
                .body("{\"amountMicros\": 25000000, \"paymentMethod\": " + paymentMethod + "}").invoke(handler);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("path").textValue()).isEqualTo("paymentMethod");
        assertNothingWritten(account);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "[]", "\"x\"", "{}", "{\"amountMicros\":25000000,\"amountMicros\":25000000,\"paymentMethod\":\"pm_card_visa\"}",
            "{\"amountMicros\":25000000,\"paymentMethod\":\"pm_\\ud800\"}", "{\"a\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}"})
    void malformedBodiesAre4xxNever5xx(String body) {
        String account = accounts.open(0);

        FunctionCall.Response response = call(account).body(body).invoke(handler);

        assertThat(response.status()).isEqualTo(400);
        assertNothingWritten(account);
    }

    @Test
    void aWellFormedUnknownPaymentMethodIsTheProcessorsToDecline() {
        String account = accounts.open(0);

        FunctionCall.Response response = call(account).body("{\"amountMicros\": 25000000, \"paymentMethod\": \"pm_nope\"}").invoke(handler);

        assertThat(response.status()).isEqualTo(402);
        assertThat(response.json().get("declineCode").textValue()).isEqualTo("invalid_payment_method");
        assertNothingWritten(account);
    }

    @Test
    void withoutAnAccountItIs401AndAnUnknownRouteIs404() {
        assertThat(FunctionCall.event("add-funds.json").account(null).invoke(handler).code()).isEqualTo("unauthorized");
        assertThat(FunctionCall.event("add-funds.json").account("BAgone").invoke(handler).code()).isEqualTo("unauthorized");
        assertThat(FunctionCall.event("add-funds.json").account(accounts.open(0))
                .route("GET", "/v1/billing/funds").invoke(handler).code()).isEqualTo("not_found");
        assertThat(sandbox.charges()).isEmpty();
    }

    /** An account that has paid before: its customer at the processor exists, so an outage meets the charge itself. */
    private String payingAccount() throws PaymentUnavailable {
        String account = accounts.open(0);
        assertThat(store.savePaymentCustomer(account, sandbox.customerFor(account))).isPresent();
        return account;
    }

    private static FunctionCall call(String account) {
        return FunctionCall.event("add-funds.json").account(account).header("Idempotency-Key", KEY);
    }


    private long balance(String account) {
        return store.readAccount(account).orElseThrow().balanceMicros();
    }

    private List<LedgerEntry> ledger(String account) {
        return store.transactions(account, 100, Optional.empty()).entries();
    }

    private void assertCreditedOnce(String account, long amount) {
        assertThat(sandbox.charges()).hasSize(1);
        List<LedgerEntry> ledger = ledger(account);
        assertThat(ledger).singleElement().satisfies(entry -> {
            assertThat(entry.amountMicros()).isEqualTo(amount);
            assertThat(entry.details()).isEqualTo(new EntryDetails.Payment(sandbox.charges().get(0).reference()));
        });
        Account read = store.readAccount(account).orElseThrow();
        assertThat(read.balanceMicros()).isEqualTo(amount);
        assertThat(read.seq()).isEqualTo(1);
    }

    private void assertNothingWritten(String account) {
        assertThat(sandbox.charges()).isEmpty();
        assertThat(ledger(account)).isEmpty();
        assertThat(balance(account)).isZero();
        assertThat(store.lookupIdempotency(account, KEY)).isEmpty();
    }
}
