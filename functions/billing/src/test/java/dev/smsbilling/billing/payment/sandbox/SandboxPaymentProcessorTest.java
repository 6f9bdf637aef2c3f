package dev.smsbilling.billing.payment.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smsbilling.billing.payment.CardSetup;
import dev.smsbilling.billing.payment.ChargeRequest;
import dev.smsbilling.billing.payment.ChargeResult;
import dev.smsbilling.billing.payment.PaymentKeyReused;
import dev.smsbilling.billing.payment.PaymentUnavailable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SandboxPaymentProcessorTest {
    private final SandboxPaymentProcessor processor = new SandboxPaymentProcessor();

    @Test
    void visaSucceedsAndIsRecorded() throws Exception {
        ChargeResult result = processor.charge(request("pm_card_visa", "k1"));

        assertThat(result).isInstanceOfSatisfying(ChargeResult.Succeeded.class, succeeded -> {
            assertThat(succeeded.amountMicros()).isEqualTo(25_000_000);
            assertThat(processor.charges()).extracting(SandboxPaymentProcessor.Charged::reference)
                    .containsExactly(succeeded.reference());
        });
    }

    @Test
    void stripesDecliningTestCardsDeclineWithTheirCodes() throws Exception {
        assertThat(processor.charge(request("pm_card_chargeDeclined", "k1")))
                .isEqualTo(new ChargeResult.Declined("card_declined", "Your card was declined."));
        assertThat(processor.charge(request("pm_card_chargeDeclinedInsufficientFunds", "k2")))
                .extracting(r -> ((ChargeResult.Declined) r).code()).isEqualTo("insufficient_funds");
        assertThat(processor.charge(request("pm_nonsense", "k3")))
                .extracting(r -> ((ChargeResult.Declined) r).code()).isEqualTo("invalid_payment_method");
        assertThat(processor.charges()).isEmpty();
    }

    /** As the sweep asks it: what each key was answered, found without charging anything. */
    @Test
    void aKeysChargeIsFoundAsItWasAnsweredAndFindingChargesNothing() throws Exception {
        ChargeResult charged = processor.charge(request("pm_card_visa", "k1"));
        ChargeResult declined = processor.charge(request("pm_card_chargeDeclined", "k2"));

        assertThat(processor.find("k1", Instant.EPOCH, Instant.EPOCH)).contains(charged);
        assertThat(processor.find("k2", Instant.EPOCH, Instant.EPOCH)).contains(declined);
        assertThat(processor.find("never-sent", Instant.EPOCH, Instant.EPOCH)).isEmpty();
        assertThat(processor.charges()).hasSize(1);
        processor.setUnavailable(true);
        assertThatThrownBy(() -> processor.find("k1", Instant.EPOCH, Instant.EPOCH)).isInstanceOf(PaymentUnavailable.class);
    }

    /** One per process, as one Stripe account serves a deployment: what one function charged, another finds. */
    @Test
    void theSharedSandboxIsOneForTheWholeProcess() throws Exception {
        ChargeResult charged = SandboxPaymentProcessor.shared().charge(request("pm_card_visa", "shared-" + System.nanoTime()));

        assertThat(SandboxPaymentProcessor.shared()).isSameAs(SandboxPaymentProcessor.shared());
        assertThat(SandboxPaymentProcessor.shared().charges()).extracting(SandboxPaymentProcessor.Charged::reference)
                .contains(((ChargeResult.Succeeded) charged).reference());
    }

    @Test
    void theSameKeyReturnsTheSameChargeAndChargesOnceEvenConcurrently() throws Exception {
        List<Callable<ChargeResult>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(() -> processor.charge(request("pm_card_visa", "same")));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<ChargeResult> results = new ArrayList<>();
        try {
            for (Future<ChargeResult> future : pool.invokeAll(calls)) {
                results.add(future.get());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(results).containsOnly(results.get(0));
        assertThat(processor.charges()).hasSize(1);
    }

    @Test
    void theSameKeyWithOtherParametersIsAnError() throws Exception {
        processor.charge(request("pm_card_visa", "k1"));

        assertThatThrownBy(() -> processor.charge(new ChargeRequest("cus_sandbox_test", "pm_card_visa", 10_000_000, "k1", "top-up")))
                .isInstanceOf(PaymentKeyReused.class);
        assertThat(processor.charges()).hasSize(1);
    }

    @Test
    void anOutageThrowsAndChargesNothing() {
        processor.setUnavailable(true);

        assertThatThrownBy(() -> processor.charge(request("pm_card_visa", "k1"))).isInstanceOf(PaymentUnavailable.class);
        assertThat(processor.charges()).isEmpty();
    }

    @Test
    void fractionsOfACentCannotBeCharged() {
        assertThatThrownBy(() -> new ChargeRequest("cus_sandbox_test", "pm_card_visa", 25_000_001, "k", "top-up"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCardSavedThroughASetupIsChargedForItsOwnCustomerOnly() throws Exception {
        CardSetup setup = processor.setUpCard("cus_sandbox_alice", "setup-1");
        assertThat(setup.publishableKey()).isEqualTo(SandboxPaymentProcessor.PUBLISHABLE_KEY);
        assertThat(processor.setUpCard("cus_sandbox_alice", "setup-1")).as("the same key, the same setup").isEqualTo(setup);

        String saved = processor.confirmSetup(setup.clientSecret(), "pm_card_visa").paymentMethod().orElseThrow();

        assertThat(saved).startsWith("pm_sandbox_");
        assertThat(processor.charge(new ChargeRequest("cus_sandbox_alice", saved, 25_000_000, "k-alice", "top-up")))
                .isInstanceOf(ChargeResult.Succeeded.class);
        assertThat(processor.refuseUnlessSaved("cus_sandbox_alice", saved)).isEmpty();
        assertThat(processor.refuseUnlessSaved("cus_sandbox_bob", saved)).as("Alice's card, for Bob").contains(ChargeResult.notSaved());
        assertThat(processor.refuseUnlessSaved("cus_sandbox_bob", "pm_card_visa")).as("a card just entered").isEmpty();
        assertThat(processor.charge(new ChargeRequest("cus_sandbox_bob", saved, 25_000_000, "k-bob", "top-up")))
                .as("charged for Bob anyway, it is refused as Stripe refuses it")
                .extracting(result -> ((ChargeResult.Declined) result).code()).isEqualTo("invalid_payment_method");
        assertThat(processor.charges()).hasSize(1);
    }

    @Test
    void aCardThatDeclinesIsNotSavedAndOneThatSavesCanStillDeclineLater() throws Exception {
        CardSetup setup = processor.setUpCard("cus_sandbox_alice", "setup-2");

        assertThat(processor.confirmSetup(setup.clientSecret(), "pm_card_chargeDeclined").declined())
                .hasValueSatisfying(declined -> assertThat(declined.code()).isEqualTo("card_declined"));
        String failing = processor.confirmSetup(setup.clientSecret(), "pm_card_chargeCustomerFail").paymentMethod().orElseThrow();
        assertThat(processor.charge(new ChargeRequest("cus_sandbox_alice", failing, 25_000_000, "k-fail", "top-up")))
                .isEqualTo(new ChargeResult.Declined("card_declined", "Your card was declined."));
    }

    @Test
    void aSetupIsConfirmedOnlyWithItsClientSecretAndATestCard() throws Exception {
        CardSetup setup = processor.setUpCard("cus_sandbox_alice", "setup-3");

        assertThatThrownBy(() -> processor.confirmSetup("seti_guessed_secret_x", "pm_card_visa")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> processor.confirmSetup(setup.clientSecret(), "pm_1RealLookingCard")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> processor.setUpCard("cus_sandbox_bob", "setup-3")).isInstanceOf(PaymentKeyReused.class);
    }

    private static ChargeRequest request(String method, String key) {
        return new ChargeRequest("cus_sandbox_test", method, 25_000_000, key, "top-up");
    }
}
