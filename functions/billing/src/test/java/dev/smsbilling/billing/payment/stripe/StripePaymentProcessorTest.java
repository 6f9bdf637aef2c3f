package dev.smsbilling.billing.payment.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.smsbilling.billing.payment.CardSetup;
import dev.smsbilling.billing.payment.ChargeRequest;
import dev.smsbilling.billing.payment.ChargeResult;
import dev.smsbilling.billing.payment.PaymentKeyReused;
import dev.smsbilling.billing.payment.PaymentNotAttempted;
import dev.smsbilling.billing.payment.PaymentUnavailable;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StripePaymentProcessorTest {
    private static final String SECRET_KEY = "sk_test_wiremockOnlyNotARealKey";
    private static final String CARD = "pm_1QaBcDeFgHiJkLmNoPqRsTuV";
    private static final String CUSTOMER = "cus_QaBcDeFgHiJkLm";
    private static final String INTENTS = "/v1/payment_intents";
    private static final String CUSTOMERS = "/v1/customers";
    private static final String PAYMENT_METHODS = "/v1/payment_methods";
    private static final String SETUP_INTENTS = "/v1/setup_intents";

    @RegisterExtension
    static final WireMockExtension stripe = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private final CapturedLog log = new CapturedLog(StripePaymentProcessor.class);
    private final StripePaymentProcessor processor = processorAt(stripe.baseUrl(), StripeConfig.defaults());

    @AfterEach
    void logsNeverCarryTheKeyOrAFullPaymentMethodId() {
        log.close();
        assertThat(log.lines()).noneMatch(line -> line.contains(SECRET_KEY) || line.contains(CARD));
    }

    @Test
    void aSucceededPaymentIntentIsACharge() throws Exception {
        stubCreate(ok(StripeResponses.paymentIntent("pi_3QsucceededIntent01", "succeeded", 1_234_567, CARD)));

        ChargeResult result = processor.charge(new ChargeRequest(CUSTOMER, CARD, 12_345_670_000L, "topup-1", "Prepaid SMS credit"));

        assertThat(result).isEqualTo(new ChargeResult.Succeeded("pi_3QsucceededIntent01", 12_345_670_000L));
    }

    @Test
    void theRequestIsAnOffSessionConfirmedCardPaymentIntentForTheCustomerInExactCentsUnderOurKey() throws Exception {
        stubCreate(ok(StripeResponses.paymentIntent("pi_3QsucceededIntent01", "succeeded", 1_234_567, CARD)));

        processor.charge(new ChargeRequest(CUSTOMER, CARD, 12_345_670_000L, "topup-1", "Prepaid SMS credit"));

        stripe.verify(1, postRequestedFor(urlEqualTo(INTENTS))
                .withHeader("Authorization", equalTo("Bearer " + SECRET_KEY))
                .withHeader("Idempotency-Key", equalTo("topup-1"))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withFormParam("amount", equalTo("1234567"))
                .withFormParam("currency", equalTo("usd"))
                .withFormParam("customer", equalTo(CUSTOMER))
                .withFormParam("confirm", equalTo("true"))
                .withFormParam("off_session", equalTo("true"))
                .withFormParam("payment_method", equalTo(CARD))
                .withFormParam("payment_method_types[0]", equalTo("card"))
                .withFormParam("description", equalTo("Prepaid SMS credit")));
        stripe.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void theBodyAndHeadersAreExactlyWhatStripeIsSent() throws Exception {
        stubCreate(ok(StripeResponses.paymentIntent("pi_3QsucceededIntent01", "succeeded", 1_234_567, CARD)));

        processor.charge(new ChargeRequest(CUSTOMER, CARD, 12_345_670_000L, "topup-1", "Prepaid SMS credit"));

        LoggedRequest sent = stripe.findAll(postRequestedFor(urlEqualTo(INTENTS))).get(0);
        assertThat(sent.getBodyAsString()).isEqualTo("amount=1234567&currency=usd&customer=" + CUSTOMER + "&payment_method=" + CARD
                + "&payment_method_types[0]=card&confirm=true&off_session=true&description=Prepaid+SMS+credit"
                + "&metadata[charge_key]=topup-1");
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + SECRET_KEY);
        assertThat(sent.getHeader("Idempotency-Key")).isEqualTo("topup-1");
        assertThat(sent.getHeader("Stripe-Version")).isEqualTo("2026-07-29.dahlia");
        assertThat(sent.getHeader("Content-Type")).isEqualTo("application/x-www-form-urlencoded;charset=UTF-8");
        assertThat(sent.getHeader("User-Agent")).startsWith("sms-billing");
    }

    @Test
    void aCardErrorIsADeclineWithTheDeclineCodeAndStripesMessage() throws Exception {
        String declined = StripeResponses.paymentIntent("pi_3QdeclinedIntent01", "requires_payment_method", 2500, CARD,
                StripeResponses.lastPaymentError("card_declined", "generic_decline", "Your card was declined."));
        stubCreate(status(402, StripeResponses.cardError("card_declined", "generic_decline", "Your card was declined.", declined)));

        ChargeResult result = processor.charge(topUp("k-declined"));

        assertThat(result).isEqualTo(new ChargeResult.Declined("generic_decline", "Your card was declined."));
        stripe.verify(1, anyRequestedFor(anyUrl()));
        assertThat(log.lines()).anySatisfy(line -> assertThat(line).contains("generic_decline", "pm_…sTuV"));
    }

    @Test
    void insufficientFundsKeepsTheSandboxesCode() throws Exception {
        stubCreate(status(402, StripeResponses.cardError("card_declined", "insufficient_funds",
                "Your card has insufficient funds.", "null")));

        assertThat(processor.charge(topUp("k-funds")))
                .isEqualTo(new ChargeResult.Declined("insufficient_funds", "Your card has insufficient funds."));
    }

    @Test
    void withoutADeclineCodeTheErrorCodeIsUsed() throws Exception {
        stubCreate(status(402, StripeResponses.cardError("expired_card", null, "Your card has expired.", "null")));

        assertThat(processor.charge(topUp("k-expired")))
                .isEqualTo(new ChargeResult.Declined("expired_card", "Your card has expired."));
    }

    @Test
    void aCardThatNeedsTheAbsentCustomerToAuthenticateIsDeclined() throws Exception {
        stubCreate(ok(StripeResponses.paymentIntent("pi_3QneedsActionInt01", "requires_action", 2500, CARD)));

        assertThat(processor.charge(topUp("k-3ds"))).isInstanceOfSatisfying(ChargeResult.Declined.class,
                declined -> assertThat(declined.code()).isEqualTo("authentication_required"));
    }

    @Test
    void aPaymentIntentThatNeedsAnotherPaymentMethodIsDeclinedWithItsLastError() throws Exception {
        stubCreate(ok(StripeResponses.paymentIntent("pi_3QneedsMethodInt01", "requires_payment_method", 2500, CARD,
                StripeResponses.lastPaymentError("card_declined", "lost_card", "Your card was declined."))));

        assertThat(processor.charge(topUp("k-lost"))).isEqualTo(new ChargeResult.Declined("lost_card", "Your card was declined."));
    }

    @Test
    void anUnknownPaymentMethodIsDeclinedAsInTheSandbox() throws Exception {
        stubCreate(status(400, StripeResponses.error("invalid_request_error", "resource_missing", "payment_method",
                "No such PaymentMethod: '" + CARD + "'")));

        assertThat(processor.charge(topUp("k-missing"))).isInstanceOfSatisfying(ChargeResult.Declined.class,
                declined -> assertThat(declined.code()).isEqualTo("invalid_payment_method"));
        stripe.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void aServerErrorIsRetriedWithTheSameIdempotencyKey() throws Exception {
        stubOnceThen(status(500, StripeResponses.apiError()),
                ok(StripeResponses.paymentIntent("pi_3QafterRetryInt01", "succeeded", 2500, CARD)));

        ChargeResult result = processor.charge(topUp("k-retried"));

        assertThat(result).isEqualTo(new ChargeResult.Succeeded("pi_3QafterRetryInt01", 25_000_000));
        assertThat(idempotencyKeysSent()).containsExactly("k-retried", "k-retried");
    }

    @Test
    void aConcurrentRequestWithTheSameKeyIsRetriedToo() throws Exception {
        stubOnceThen(status(409, StripeResponses.error("idempotency_error", null, null,
                        "There is currently another in-progress request using this Stripe token (that probably means you"
                                + " clicked twice), and the server is currently busy processing it.")),
                ok(StripeResponses.paymentIntent("pi_3QafterBusyIntnt1", "succeeded", 2500, CARD)));

        assertThat(processor.charge(topUp("k-busy"))).isInstanceOf(ChargeResult.Succeeded.class);
        assertThat(idempotencyKeysSent()).containsExactly("k-busy", "k-busy");
    }

    @Test
    void aConflictThatOutlastsTheRetriesIsUnavailableNotAReusedKey() {
        // Another request with this key is still running at Stripe: it may well charge, so the
        // caller must come back with the same key, not treat the key as misused.
        stubCreate(status(409, StripeResponses.error("idempotency_error", null, null,
                "There is currently another in-progress request using this Stripe token.")));

        assertThatThrownBy(() -> processor.charge(topUp("k-conflict")))
                .isInstanceOf(PaymentUnavailable.class).hasMessageContaining("HTTP 409");
        assertThat(idempotencyKeysSent()).containsExactly("k-conflict", "k-conflict", "k-conflict");
    }

    @Test
    void aRateLimitIsRetriedWithTheSameKeyAndTheChargeGoesThrough() throws Exception {
        stubOnceThen(status(429, StripeResponses.error("rate_limit_error", "rate_limit", null, "Too many requests.")),
                ok(StripeResponses.paymentIntent("pi_3QafterLimitInt01", "succeeded", 2500, CARD)));

        assertThat(processor.charge(topUp("k-limit-passes")))
                .isEqualTo(new ChargeResult.Succeeded("pi_3QafterLimitInt01", 25_000_000));
        assertThat(idempotencyKeysSent()).containsExactly("k-limit-passes", "k-limit-passes");
    }

    @Test
    void stripeSayingNotToRetryIsOneAttemptEvenForAServerError() {
        stubCreate(status(500, StripeResponses.apiError()).withHeader("Stripe-Should-Retry", "false"));

        assertThatThrownBy(() -> processor.charge(topUp("k-no-retry")))
                .isInstanceOf(PaymentUnavailable.class).hasMessageContaining("HTTP 500");
        assertThat(idempotencyKeysSent()).containsExactly("k-no-retry");
    }

    @Test
    void stripeSayingToRetryIsRetriedEvenForAnAnswerThatIsOtherwiseFinal() throws Exception {
        stubOnceThen(status(400, StripeResponses.error("invalid_request_error", "lock_timeout", null,
                        "This object cannot be accessed right now because another API request or Stripe process"
                                + " is currently accessing it.")).withHeader("Stripe-Should-Retry", "true"),
                ok(StripeResponses.paymentIntent("pi_3QafterLockIntnt1", "succeeded", 2500, CARD)));

        assertThat(processor.charge(topUp("k-locked"))).isInstanceOf(ChargeResult.Succeeded.class);
        assertThat(idempotencyKeysSent()).containsExactly("k-locked", "k-locked");
    }

    @Test
    void aDroppedConnectionIsRetriedWithTheSameKeyAndTheChargeGoesThrough() throws Exception {
        // Dropped twice: the JDK resends a dropped POST once by itself, so only a second drop
        // shows that the adapter retries too.
        stripe.stubFor(post(urlEqualTo(INTENTS)).inScenario("dropped").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("dropped again"));
        stripe.stubFor(post(urlEqualTo(INTENTS)).inScenario("dropped").whenScenarioStateIs("dropped again")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("back"));
        stripe.stubFor(post(urlEqualTo(INTENTS)).inScenario("dropped").whenScenarioStateIs("back")
                .willReturn(ok(StripeResponses.paymentIntent("pi_3QafterResetInt01", "succeeded", 2500, CARD))));

        assertThat(processor.charge(topUp("k-reset")))
                .isEqualTo(new ChargeResult.Succeeded("pi_3QafterResetInt01", 25_000_000));
        assertThat(idempotencyKeysSent()).hasSize(3).containsOnly("k-reset");
    }

    @Test
    void theConfiguredNumberOfRetriesBoundsTheAttempts() {
        stubCreate(status(503, StripeResponses.apiError()));
        var noRetries = processorAt(stripe.baseUrl(), new StripeConfig(StripeConfig.STRIPE_API_BASE,
                Duration.ofSeconds(2), Duration.ofSeconds(5), 0));

        assertThatThrownBy(() -> noRetries.charge(topUp("k-once"))).isInstanceOf(PaymentUnavailable.class);
        assertThat(idempotencyKeysSent()).containsExactly("k-once");
    }

    @Test
    void serverErrorsThatOutlastTheRetriesAreUnavailable() {
        stubCreate(status(500, StripeResponses.apiError()));

        assertThatThrownBy(() -> processor.charge(topUp("k-down")))
                .isInstanceOf(PaymentUnavailable.class).hasMessageContaining("HTTP 500")
                .satisfies(StripePaymentProcessorTest::quotesNoSecret);
        assertThat(idempotencyKeysSent()).containsExactly("k-down", "k-down", "k-down");
    }

    @Test
    void theSameKeyWithOtherParametersIsAReusedKey() {
        stubCreate(status(400, StripeResponses.error("idempotency_error", null, null,
                "Keys for idempotent requests can only be used with the same parameters they were first used with.")));

        assertThatThrownBy(() -> processor.charge(topUp("k-reused"))).isInstanceOf(PaymentKeyReused.class);
        stripe.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void aRejectedApiKeyIsAnOperatorsProblemLoggedLoudly() {
        stubCreate(status(401, StripeResponses.error("invalid_request_error", null, null,
                "Invalid API Key provided: sk_test_********************pLeY")));

        assertThatThrownBy(() -> processor.charge(topUp("k-auth")))
                .as("refused before the charge was looked at: nothing to find again")
                .isInstanceOf(PaymentNotAttempted.class)
                .hasNoCause()
                .hasMessageNotContaining("sk_test");
        stripe.verify(1, anyRequestedFor(anyUrl()));
        assertThat(log.lines()).anySatisfy(line -> assertThat(line).contains("refused our API key", "HTTP 401"));
        assertThat(log.lines()).noneMatch(line -> line.contains("sk_test"));
    }

    @Test
    void aRateLimitIsUnavailable() {
        stubCreate(status(429, StripeResponses.error("rate_limit_error", "rate_limit", null, "Too many requests.")));

        assertThatThrownBy(() -> processor.charge(topUp("k-limited"))).isInstanceOf(PaymentUnavailable.class);
        assertThat(idempotencyKeysSent()).containsExactly("k-limited", "k-limited", "k-limited");
    }

    @Test
    void aStripeThatDoesNotAnswerInTimeIsUnavailableAfterRetriesWithTheSameKey() {
        stubCreate(ok(StripeResponses.paymentIntent("pi_3QtooLateIntent01", "succeeded", 2500, CARD)).withFixedDelay(1_500));
        var impatient = processorAt(stripe.baseUrl(), StripeConfig.defaults().withReadTimeout(Duration.ofMillis(250)));

        assertThatThrownBy(() -> impatient.charge(topUp("k-slow")))
                .isInstanceOf(PaymentUnavailable.class).hasMessageContaining("could not be reached");
        assertThat(idempotencyKeysSent()).containsExactly("k-slow", "k-slow", "k-slow");
    }

    @Test
    void aStripeThatCannotBeReachedIsUnavailable() throws IOException {
        var nowhere = processorAt("http://127.0.0.1:" + closedPort(), StripeConfig.defaults());
        long started = System.nanoTime();

        assertThatThrownBy(() -> nowhere.charge(topUp("k-nowhere")))
                .isInstanceOf(PaymentUnavailable.class).hasMessageContaining("could not be reached")
                .satisfies(StripePaymentProcessorTest::quotesNoSecret);
        // Two retries, after the back-off of at least 0.5 s and then 0.75 s, before giving up.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(1_250));
    }

    /** Only a refusal of the very first send proves nothing was charged; one after an unanswered send does not. */
    @Test
    void aRefusedKeyAfterAnUnansweredSendIsAnUnknownOutcomeNotANoCharge() {
        String refused = StripeResponses.error("invalid_request_error", null, null, "Invalid API Key provided: sk_test_****Key");
        stubOnceThen(status(500, StripeResponses.apiError()), status(401, refused));

        assertThatThrownBy(() -> processor.charge(topUp("k-500-then-401")))
                .isInstanceOf(PaymentUnavailable.class).isNotInstanceOf(PaymentNotAttempted.class);
    }

    @Test
    void aRefusedKeyWhileReadingAnIntentThatExistsIsAnUnknownOutcome() {
        stubCreate(ok(StripeResponses.paymentIntent("pi_3QprocessingInt09", "processing", 2500, CARD)));
        stripe.stubFor(get(urlEqualTo(INTENTS + "/pi_3QprocessingInt09")).willReturn(status(401,
                StripeResponses.error("invalid_request_error", null, null, "Invalid API Key provided: sk_test_****Key"))));

        assertThatThrownBy(() -> processor.charge(topUp("k-read-401")))
                .isInstanceOf(PaymentUnavailable.class).isNotInstanceOf(PaymentNotAttempted.class);
    }

    @Test
    void aKeyStripeRefusedIsReadAgainForTheNextCharge() throws Exception {
        stubOnceThen(status(401, StripeResponses.error("invalid_request_error", null, null, "Invalid API Key provided")),
                ok(StripeResponses.paymentIntent("pi_3QsucceededIntent09", "succeeded", 2500, CARD)));
        List<String> keys = new ArrayList<>(List.of("sk_test_revokedOldKey", SECRET_KEY));
        var rotating = StripePaymentProcessor.create(() -> keys.remove(0), StripeConfig.defaults().withApiBase(stripe.baseUrl()));

        assertThatThrownBy(() -> rotating.charge(topUp("k-rotate-1"))).isInstanceOf(PaymentNotAttempted.class);
        rotating.charge(topUp("k-rotate-2"));

        stripe.verify(1, postRequestedFor(urlEqualTo(INTENTS)).withHeader("Authorization", equalTo("Bearer " + SECRET_KEY)));
    }

    @Test
    void aProcessingPaymentIsUnavailableUntilStripeHasSettledIt() throws Exception {
        // Stripe replays the first response for a key, "processing" included: the retry must look at the intent itself.
        stubCreate(ok(StripeResponses.paymentIntent("pi_3QprocessingInt01", "processing", 2500, CARD)));
        stripe.stubFor(get(urlEqualTo(INTENTS + "/pi_3QprocessingInt01")).inScenario("settling")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(ok(StripeResponses.paymentIntent("pi_3QprocessingInt01", "processing", 2500, CARD)))
                .willSetStateTo("settled"));
        stripe.stubFor(get(urlEqualTo(INTENTS + "/pi_3QprocessingInt01")).inScenario("settling")
                .whenScenarioStateIs("settled")
                .willReturn(ok(StripeResponses.paymentIntent("pi_3QprocessingInt01", "succeeded", 2500, CARD))));

        assertThatThrownBy(() -> processor.charge(topUp("k-processing")))
                .isInstanceOf(PaymentUnavailable.class).hasMessageContaining("still processing");
        assertThat(processor.charge(topUp("k-processing")))
                .isEqualTo(new ChargeResult.Succeeded("pi_3QprocessingInt01", 25_000_000));
        assertThat(idempotencyKeysSent()).containsExactly("k-processing", "k-processing");
        stripe.verify(2, getRequestedFor(urlEqualTo(INTENTS + "/pi_3QprocessingInt01"))
                .withHeader("Authorization", equalTo("Bearer " + SECRET_KEY))
                .withHeader("Stripe-Version", equalTo("2026-07-29.dahlia"))
                .withoutHeader("Idempotency-Key"));
    }

    @Test
    void aProcessingPaymentWhoseCurrentStateCannotBeReadIsUnavailable() {
        stubCreate(ok(StripeResponses.paymentIntent("pi_3QprocessingInt02", "processing", 2500, CARD)));
        stripe.stubFor(get(urlEqualTo(INTENTS + "/pi_3QprocessingInt02")).willReturn(ok("{\"id\": \"pi_3QprocessingInt02\"")));

        assertThatThrownBy(() -> processor.charge(topUp("k-processing-garbled")))
                .isInstanceOf(PaymentUnavailable.class).hasMessageContaining("could not be read");
    }

    static Stream<Arguments> answersThatAreNotWhatStripeDocuments() {
        return Stream.of(
                Arguments.of(200, "<html><body>Service Temporarily Unavailable</body></html>"),
                Arguments.of(200, "{\"id\": \"pi_3QtruncatedInt01\", \"status\": \"succ"),
                Arguments.of(200, ""),
                Arguments.of(200, "null"),
                Arguments.of(200, "[]"),
                Arguments.of(200, "{\"id\": \"pi_3QnoAmountInt001\", \"status\": \"succeeded\"}"),
                Arguments.of(200, "{\"id\": \"pi_3QtextAmountInt1\", \"status\": \"succeeded\", \"amount\": \"2500\"}"),
                Arguments.of(200, "{\"id\": \"pi_3QhalfCentInt001\", \"status\": \"succeeded\", \"amount\": 2500.5}"),
                Arguments.of(200, "{\"id\": \"pi_3QhugeAmountInt1\", \"status\": \"succeeded\", \"amount\": 99999999999999999999}"),
                Arguments.of(200, "{\"status\": \"succeeded\", \"amount\": 2500}"),
                Arguments.of(200, "{\"id\": \"pi_3QnoStatusInt001\", \"amount\": 2500}"),
                Arguments.of(402, "Payment Required"),
                Arguments.of(400, "{\"message\": \"no error envelope\"}"),
                Arguments.of(401, "{\"error\": \"invalid_client\"}"));
    }

    @ParameterizedTest
    @MethodSource("answersThatAreNotWhatStripeDocuments")
    void anAnswerThatCannotBeReadIsUnavailableNeverADeclineOrACrash(int httpStatus, String body) {
        stubCreate(status(httpStatus, body));

        assertThatThrownBy(() -> processor.charge(topUp("k-garbled")))
                .isInstanceOf(PaymentUnavailable.class)
                .hasMessageContaining("could not be read (HTTP " + httpStatus + ")")
                .satisfies(StripePaymentProcessorTest::quotesNoSecret);
        assertThat(idempotencyKeysSent()).containsExactly("k-garbled");
    }

    @Test
    void aProxysErrorPageIsRetriedThenUnavailable() {
        stubCreate(aResponse().withStatus(502).withHeader("Content-Type", "text/html").withBody("<html>Bad Gateway</html>"));

        assertThatThrownBy(() -> processor.charge(topUp("k-proxy")))
                .isInstanceOf(PaymentUnavailable.class).hasMessageContaining("could not be read (HTTP 502)");
        assertThat(idempotencyKeysSent()).containsExactly("k-proxy", "k-proxy", "k-proxy");
    }

    @Test
    void anAmountThatIsNotWholeCentsIsRefusedBeforeAnyHttpCall() {
        assertThatThrownBy(() -> processor.charge(new ChargeRequest(CUSTOMER, CARD, 25_000_001, "k-fraction", "Prepaid SMS credit")))
                .isInstanceOf(IllegalArgumentException.class);
        stripe.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void anApiBaseThatIsNotAnHttpUrlIsRefusedAtStart() {
        assertThatThrownBy(() -> processorAt("api.stripe.com", StripeConfig.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http(s) URL");
    }

    @Test
    void aPublishableKeyChargesNothingSendsNothingAndIsNotQuoted() {
        var publishable = StripePaymentProcessor.create(() -> "pk_test_publishableKey", StripeConfig.defaults().withApiBase(stripe.baseUrl()));

        assertThatThrownBy(() -> publishable.charge(topUp("k-pk")))
                .isInstanceOf(PaymentNotAttempted.class)
                .hasMessageNotContaining("pk_test_publishableKey");
        stripe.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void theKeyIsReadWhenTheFirstChargeNeedsItKeptAfterwardsAndAFailedReadIsTriedAgain() throws Exception {
        stubCreate(ok(StripeResponses.paymentIntent("pi_3QsucceededIntent01", "succeeded", 2_500, CARD)));
        List<String> keys = new ArrayList<>(List.of("unreadable", SECRET_KEY, "sk_test_rotatedLater"));
        AtomicInteger reads = new AtomicInteger();
        var lazy = StripePaymentProcessor.create(() -> {
            reads.incrementAndGet();
            String next = keys.remove(0);
            if (next.equals("unreadable")) {
                throw new IllegalStateException("Secrets Manager throttled");
            }
            return next;
        }, StripeConfig.defaults().withApiBase(stripe.baseUrl()));
        assertThat(reads).as("nothing is read when the processor is built").hasValue(0);

        assertThatThrownBy(() -> lazy.charge(topUp("k-1"))).isInstanceOf(PaymentNotAttempted.class);
        stripe.verify(0, anyRequestedFor(anyUrl()));
        lazy.charge(topUp("k-2"));
        lazy.charge(topUp("k-3"));

        assertThat(reads).hasValue(2);
        stripe.verify(2, postRequestedFor(urlEqualTo(INTENTS)).withHeader("Authorization", equalTo("Bearer " + SECRET_KEY)));
    }

    @Test
    void theAccountsCustomerIsCreatedUnderAKeyOfTheAccountAloneAndNamesTheAccount() throws Exception {
        stripe.stubFor(post(urlEqualTo(CUSTOMERS)).willReturn(ok(StripeResponses.customer("cus_QaccountOne001", "BA1"))));

        assertThat(processor.customerFor("BA1")).isEqualTo("cus_QaccountOne001");
        assertThat(processor.customerFor("BA1")).as("asked again, e.g. by a retry").isEqualTo("cus_QaccountOne001");
        processor.customerFor("BA2");

        List<LoggedRequest> sent = stripe.findAll(postRequestedFor(urlEqualTo(CUSTOMERS)));
        assertThat(sent).hasSize(3);
        assertThat(sent.get(0).getBodyAsString()).isEqualTo("description=SMS+billing+account+BA1&metadata[account_id]=BA1");
        assertThat(sent.get(0).getHeader("Authorization")).isEqualTo("Bearer " + SECRET_KEY);
        assertThat(sent.get(0).getHeader("Idempotency-Key")).startsWith("customer_").hasSize("customer_".length() + 64)
                .isEqualTo(sent.get(1).getHeader("Idempotency-Key"))
                .isNotEqualTo(sent.get(2).getHeader("Idempotency-Key"));
        stripe.verify(0, postRequestedFor(urlEqualTo(INTENTS)));
    }

    @Test
    void aCustomerAnswerThatIsNotACustomerIsUnavailable() {
        stripe.stubFor(post(urlEqualTo(CUSTOMERS)).willReturn(ok(StripeResponses.list(false))));

        assertThatThrownBy(() -> processor.customerFor("BA1")).isInstanceOf(PaymentUnavailable.class)
                .isNotInstanceOf(PaymentNotAttempted.class);
    }

    @Test
    void aStripeFailingToCreateTheCustomerIsUnavailableAfterRetriesWithTheSameKey() {
        stripe.stubFor(post(urlEqualTo(CUSTOMERS)).willReturn(status(500, StripeResponses.apiError())));

        assertThatThrownBy(() -> processor.customerFor("BA1")).isInstanceOf(PaymentUnavailable.class)
                .hasMessageContaining("HTTP 500");
        assertThat(stripe.findAll(postRequestedFor(urlEqualTo(CUSTOMERS))).stream()
                .map(request -> request.getHeader("Idempotency-Key")).distinct()).hasSize(1);
    }

    @Test
    void aRefusedKeyCreatesNoCustomerAndTheNextCallReadsTheSecretAgain() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        var rotating = StripePaymentProcessor.create(() -> {
            reads.incrementAndGet();
            return SECRET_KEY;
        }, StripeConfig.defaults().withApiBase(stripe.baseUrl()));
        stripe.stubFor(post(urlEqualTo(CUSTOMERS)).inScenario("rotation").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(status(401, StripeResponses.error("invalid_request_error", null, null, "Invalid API Key provided.")))
                .willSetStateTo("rotated"));
        stripe.stubFor(post(urlEqualTo(CUSTOMERS)).inScenario("rotation").whenScenarioStateIs("rotated")
                .willReturn(ok(StripeResponses.customer("cus_QaccountOne001", "BA1"))));

        assertThatThrownBy(() -> rotating.customerFor("BA1")).isInstanceOf(PaymentUnavailable.class);
        assertThat(rotating.customerFor("BA1")).isEqualTo("cus_QaccountOne001");
        assertThat(reads).hasValue(2);
    }

    @Test
    void aCardSavedToTheAccountsCustomerMayBeChargedAndAChargeDoesNotLookAgain() throws Exception {
        stripe.stubFor(get(urlEqualTo(PAYMENT_METHODS + "/" + CARD)).willReturn(ok(StripeResponses.paymentMethod(CARD, "\"" + CUSTOMER + "\""))));
        stubCreate(ok(StripeResponses.paymentIntent("pi_3QsucceededIntent01", "succeeded", 2_500, CARD)));

        assertThat(processor.refuseUnlessSaved(CUSTOMER, CARD)).isEmpty();
        processor.charge(topUp("k-saved"));

        stripe.verify(1, getRequestedFor(urlEqualTo(PAYMENT_METHODS + "/" + CARD)));
        stripe.verify(1, postRequestedFor(urlEqualTo(INTENTS)));
    }

    @Test
    void aCardSavedToAnotherCustomerIsRefusedAsNotSaved() throws Exception {
        String theirs = "pm_1QtheirCardSaved0001";
        stripe.stubFor(get(urlEqualTo(PAYMENT_METHODS + "/" + theirs))
                .willReturn(ok(StripeResponses.paymentMethod(theirs, "\"cus_QsomeoneElse001\""))));

        assertThat(processor.refuseUnlessSaved(CUSTOMER, theirs)).contains(ChargeResult.notSaved());
        stripe.verify(0, postRequestedFor(anyUrl()));
        assertThat(log.lines()).noneMatch(line -> line.contains(theirs));
    }

    @Test
    void aCardSavedToNobodyIsRefusedAsNotSaved() throws Exception {
        String learned = "pm_1QnobodysCard000001";
        stripe.stubFor(get(urlEqualTo(PAYMENT_METHODS + "/" + learned)).willReturn(ok(StripeResponses.paymentMethod(learned, "null"))));

        assertThat(processor.refuseUnlessSaved(CUSTOMER, learned)).contains(ChargeResult.notSaved());
    }

    @Test
    void aCardStripeDoesNotKnowIsAnInvalidPaymentMethod() throws Exception {
        String unknown = "pm_1QneverExisted00001";
        stripe.stubFor(get(urlEqualTo(PAYMENT_METHODS + "/" + unknown)).willReturn(status(404,
                StripeResponses.error("invalid_request_error", "resource_missing", "payment_method", "No such PaymentMethod"))));

        assertThat(processor.refuseUnlessSaved(CUSTOMER, unknown)).hasValueSatisfying(
                declined -> assertThat(declined.code()).isEqualTo("invalid_payment_method"));
    }

    @Test
    void aLookupThatFailsOrCannotBeReadSaysNothingWasCharged() {
        String card = "pm_1QlookupFails000001";
        stripe.stubFor(get(urlEqualTo(PAYMENT_METHODS + "/" + card)).willReturn(status(500, StripeResponses.apiError())));
        String expanded = "pm_1QcustomerExpanded1";
        stripe.stubFor(get(urlEqualTo(PAYMENT_METHODS + "/" + expanded)).willReturn(ok(
                StripeResponses.paymentMethod(expanded, "{\"id\": \"" + CUSTOMER + "\", \"object\": \"customer\"}"))));

        assertThatThrownBy(() -> processor.refuseUnlessSaved(CUSTOMER, card)).isInstanceOf(PaymentNotAttempted.class);
        assertThatThrownBy(() -> processor.refuseUnlessSaved(CUSTOMER, expanded))
                .as("an answer not as documented is never read as whose card it is").isInstanceOf(PaymentNotAttempted.class);
        stripe.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void aTestTokenIsACardJustEnteredAndNeedsNoLookup() throws Exception {
        assertThat(processor.refuseUnlessSaved(CUSTOMER, "pm_card_visa")).isEmpty();
        stripe.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aCardSetupIsAnOffSessionSetupIntentForTheCustomerWithWhatThePageNeeds() throws Exception {
        stripe.stubFor(post(urlEqualTo(SETUP_INTENTS)).willReturn(ok(StripeResponses.setupIntent("seti_1QsetupForCard001", CUSTOMER))));
        var withPage = StripePaymentProcessor.create(() -> SECRET_KEY, StripeConfig.defaults().withApiBase(stripe.baseUrl()),
                Optional.of("pk_test_pageKey0001"));

        CardSetup setup = withPage.setUpCard(CUSTOMER, "setup_k1");

        assertThat(setup).isEqualTo(new CardSetup("seti_1QsetupForCard001",
                "seti_1QsetupForCard001_secret_NXDICkPqPeiBTAFqWmkbff09lRmSVXe", "pk_test_pageKey0001"));
        LoggedRequest sent = stripe.findAll(postRequestedFor(urlEqualTo(SETUP_INTENTS))).get(0);
        assertThat(sent.getBodyAsString()).isEqualTo("customer=" + CUSTOMER + "&usage=off_session&payment_method_types[0]=card");
        assertThat(sent.getHeader("Idempotency-Key")).isEqualTo("setup_k1");
    }

    @Test
    void withoutAPublishableKeyNoSetupIsStarted() {
        assertThatThrownBy(() -> processor.setUpCard(CUSTOMER, "setup_k2")).isInstanceOf(PaymentNotAttempted.class);
        stripe.verify(0, anyRequestedFor(anyUrl()));
        assertThat(log.lines()).anySatisfy(line -> assertThat(line).contains("STRIPE_PUBLISHABLE_KEY"));
    }

    private static StripePaymentProcessor processorAt(String base, StripeConfig config) {
        return StripePaymentProcessor.create(() -> SECRET_KEY, config.withApiBase(base));
    }

    private static ChargeRequest topUp(String key) {
        return new ChargeRequest(CUSTOMER, CARD, 25_000_000, key, "Prepaid SMS credit");
    }

    private static void stubCreate(ResponseDefinitionBuilder response) {
        stripe.stubFor(post(urlEqualTo(INTENTS)).willReturn(response));
    }

    private static ResponseDefinitionBuilder ok(String body) {
        return status(200, body);
    }

    private static ResponseDefinitionBuilder status(int status, String body) {
        return aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("Request-Id", "req_test" + status)
                .withBody(body);
    }

    private static List<String> idempotencyKeysSent() {
        return stripe.findAll(postRequestedFor(urlEqualTo(INTENTS))).stream()
                .map(LoggedRequest.class::cast)
                .map(request -> request.getHeader("Idempotency-Key"))
                .toList();
    }

    /** Neither the exception nor any cause it carries quotes the key or the full payment method. */
    private static void quotesNoSecret(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(SECRET_KEY).doesNotContain(CARD);
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Stripe answers the first create with {@code first} and every later one with {@code then}. */
    private static void stubOnceThen(ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
        stripe.stubFor(post(urlEqualTo(INTENTS)).inScenario("once").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(first).willSetStateTo("then"));
        stripe.stubFor(post(urlEqualTo(INTENTS)).inScenario("once").whenScenarioStateIs("then").willReturn(then));
    }

    // ---- finding the charge of a key without making one (the sweep) --------------------------------

    private static final Instant CHARGE_STARTED = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant LAST_HOLD_LAPSED = Instant.parse("2026-12-01T10:00:40.250Z");
    private static final String LISTED_FROM = Long.toString(CHARGE_STARTED.minus(StripePaymentProcessor.CLOCK_SKEW).getEpochSecond());
    /** Rounded up to the next second: an intent created in the fraction is inside. */
    private static final String LISTED_TO = Long.toString(LAST_HOLD_LAPSED.plus(StripePaymentProcessor.CLOCK_SKEW).getEpochSecond() + 1);

    @Test
    void theChargeOfAKeyIsFoundByItsMetadataPageByPageAndNothingIsCreated() throws Exception {
        stripe.stubFor(get(urlPathEqualTo(INTENTS)).withQueryParam("starting_after", absent())
                .willReturn(ok(StripeResponses.list(true,
                        StripeResponses.ourPaymentIntent("pi_3QnewerIntent00001", "succeeded", 500, "topup_other", "null"),
                        StripeResponses.paymentIntent("pi_3QnotOurs000000001", "succeeded", 900, CARD)))));
        stripe.stubFor(get(urlPathEqualTo(INTENTS)).withQueryParam("starting_after", equalTo("pi_3QnotOurs000000001"))
                .willReturn(ok(StripeResponses.list(false,
                        StripeResponses.ourPaymentIntent("pi_3QourIntent0000001", "succeeded", 2500, "topup_ours", "null")))));

        Optional<ChargeResult> found = processor.find("topup_ours", CHARGE_STARTED, LAST_HOLD_LAPSED);

        assertThat(found).contains(new ChargeResult.Succeeded("pi_3QourIntent0000001", 25_000_000));
        stripe.verify(2, getRequestedFor(urlPathEqualTo(INTENTS)).withQueryParam("created[gte]", equalTo(LISTED_FROM))
                .withQueryParam("created[lte]", equalTo(LISTED_TO))
                .withQueryParam("limit", equalTo("100")).withHeader("Authorization", equalTo("Bearer " + SECRET_KEY)));
        stripe.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void aKeyThatNoIntentCarriesWasNeverCharged() throws Exception {
        stripe.stubFor(get(urlPathEqualTo(INTENTS)).willReturn(ok(StripeResponses.list(false,
                StripeResponses.ourPaymentIntent("pi_3QnewerIntent00001", "succeeded", 500, "topup_other", "null")))));

        assertThat(processor.find("topup_ours", CHARGE_STARTED, LAST_HOLD_LAPSED)).isEmpty();
    }

    @Test
    void aFailedIntentIsADeclineAndOneStillProcessingCannotBeToldYet() throws Exception {
        stripe.stubFor(get(urlPathEqualTo(INTENTS)).willReturn(ok(StripeResponses.list(false,
                StripeResponses.ourPaymentIntent("pi_3QdeclinedIntent01", "requires_payment_method", 2500, "topup_declined",
                        StripeResponses.lastPaymentError("card_declined", "insufficient_funds", "Your card has insufficient funds.")),
                StripeResponses.ourPaymentIntent("pi_3QprocessingInt001", "processing", 2500, "topup_processing", "null")))));

        assertThat(processor.find("topup_declined", CHARGE_STARTED, LAST_HOLD_LAPSED)).hasValueSatisfying(result ->
                assertThat(result).isInstanceOfSatisfying(ChargeResult.Declined.class,
                        declined -> assertThat(declined.code()).isEqualTo("insufficient_funds")));
        assertThatThrownBy(() -> processor.find("topup_processing", CHARGE_STARTED, LAST_HOLD_LAPSED)).isInstanceOf(PaymentUnavailable.class);
    }

    /** "Never charged" must come only from a whole, readable list: anything less is "cannot say now". */
    @Test
    void aListThatFailsOrCannotBeReadIsUnknownNeverNotCharged() {
        stripe.stubFor(get(urlPathEqualTo(INTENTS)).inScenario("list").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withBody(StripeResponses.apiError())).willSetStateTo("unreadable"));
        stripe.stubFor(get(urlPathEqualTo(INTENTS)).inScenario("list").whenScenarioStateIs("unreadable")
                .willReturn(ok(StripeResponses.list(false, "{\"id\": \"pi_3Qbroken\", \"object\": \"payment_intent\"}"))));
        var noRetries = processorAt(stripe.baseUrl(), new StripeConfig(StripeConfig.STRIPE_API_BASE,
                Duration.ofSeconds(2), Duration.ofSeconds(5), 0));

        assertThatThrownBy(() -> noRetries.find("topup_ours", CHARGE_STARTED, LAST_HOLD_LAPSED)).isInstanceOf(PaymentUnavailable.class);
        assertThatThrownBy(() -> noRetries.find("topup_ours", CHARGE_STARTED, LAST_HOLD_LAPSED)).isInstanceOf(PaymentUnavailable.class);
        stripe.verify(0, postRequestedFor(anyUrl()));
    }
}
