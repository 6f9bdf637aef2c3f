package dev.smsbilling.billing.payment.sandbox;

import dev.smsbilling.billing.payment.CardSetup;
import dev.smsbilling.billing.payment.ChargeRequest;
import dev.smsbilling.billing.payment.ChargeResult;
import dev.smsbilling.billing.payment.PaymentKeyReused;
import dev.smsbilling.billing.payment.PaymentProcessor;
import dev.smsbilling.billing.payment.PaymentUnavailable;
import dev.smsbilling.http.Sha256;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A processor for local runs and tests that answers Stripe's test-mode payment methods the way
 * Stripe does, including its idempotency: a key is answered once and that answer is replayed,
 * declines included, so the code above it is exercised against the behaviour it will meet.
 *
 * <p>Cards are saved as at Stripe: {@link #setUpCard} starts a setup for a customer, and
 * {@link #confirmSetup}, which stands for Stripe's script on the page, confirms it with a test
 * token and saves a {@code pm_sandbox_…} card to that customer. A charge may name a card saved to
 * its customer, or a test token ({@code pm_card_…}: a card just entered); a card saved to another
 * customer is declined as not saved.
 */
public final class SandboxPaymentProcessor implements PaymentProcessor {
    /** What a page would load Stripe's script with, here. */
    public static final String PUBLISHABLE_KEY = "pk_test_sandbox";

    /**
     * One per process, as a deployment's functions share one Stripe account: the local API runs
     * every function in one JVM, and the sweep in one function must find what another charged.
     * Deployed with the sandbox, each function is a process of its own, so the sweep finds no
     * sandbox charge and releases the key: play money, and the retry charges the sandbox anew.
     */
    private static final SandboxPaymentProcessor SHARED = new SandboxPaymentProcessor();

    private static final Map<String, ChargeResult.Declined> DECLINING_METHODS = Map.of(
            "pm_card_chargeDeclined",
            new ChargeResult.Declined("card_declined", "Your card was declined."),
            "pm_card_chargeDeclinedInsufficientFunds",
            new ChargeResult.Declined("insufficient_funds", "Your card has insufficient funds."),
            "pm_card_chargeDeclinedExpiredCard",
            new ChargeResult.Declined("expired_card", "Your card has expired."));
    private static final List<String> SUCCEEDING_METHODS = List.of(
            "pm_card_visa", "pm_card_visa_debit", "pm_card_mastercard", "pm_card_amex");
    /**
     * Stripe's cards that save (the page is there to authenticate) and whose charges are then
     * declined: one always, one whenever its holder is not there to authenticate.
     */
    private static final Map<String, ChargeResult.Declined> SAVED_THEN_DECLINING = Map.of(
            "pm_card_chargeCustomerFail", new ChargeResult.Declined("card_declined", "Your card was declined."),
            "pm_card_authenticationRequired", new ChargeResult.Declined(ChargeResult.AUTHENTICATION_REQUIRED,
                    "Your card's bank asks you to confirm this payment."));
    private static final String SAVED_PREFIX = "pm_sandbox_";

    private final Map<String, Answered> answersByKey = new ConcurrentHashMap<>();
    private final Map<String, Setup> setupsByKey = new ConcurrentHashMap<>();
    private final Map<String, Setup> setupsBySecret = new ConcurrentHashMap<>();
    private final Map<String, Saved> savedCards = new ConcurrentHashMap<>();
    private final List<Charged> charged = new CopyOnWriteArrayList<>();
    private volatile boolean unavailable;

    /** Derived from the account, as Stripe's idempotency answers the same customer again: {@code cus_sandbox_…}. */
    @Override
    public String customerFor(String accountId) throws PaymentUnavailable {
        refuseWhileUnavailable();
        return "cus_sandbox_" + Sha256.hex(accountId).substring(0, 24);
    }

    @Override
    public CardSetup setUpCard(String customer, String idempotencyKey) throws PaymentUnavailable {
        refuseWhileUnavailable();
        Setup setup = setupsByKey.computeIfAbsent(idempotencyKey, key -> {
            String id = "seti_sandbox_" + UUID.randomUUID().toString().replace("-", "");
            Setup created = new Setup(id, id + "_secret_" + UUID.randomUUID().toString().replace("-", ""), customer);
            setupsBySecret.put(created.clientSecret(), created);
            return created;
        });
        if (!setup.customer().equals(customer)) {
            throw new PaymentKeyReused(idempotencyKey);
        }
        return new CardSetup(setup.id(), setup.clientSecret(), PUBLISHABLE_KEY);
    }

    /**
     * What Stripe's script does on the page with the client secret: confirms the setup with the
     * card entered, here one of Stripe's test tokens. A token Stripe declines is not saved.
     *
     * @return the card saved to the setup's customer, or the decline
     * @throws IllegalArgumentException for a client secret no setup has, or a token that is not a test card
     */
    public SetupConfirmation confirmSetup(String clientSecret, String testToken) {
        Setup setup = setupsBySecret.get(clientSecret);
        if (setup == null) {
            throw new IllegalArgumentException("no such setup");
        }
        ChargeResult.Declined decline = DECLINING_METHODS.get(testToken);
        if (decline != null) {
            return new SetupConfirmation(setup.id(), Optional.empty(), Optional.of(decline));
        }
        if (!SUCCEEDING_METHODS.contains(testToken) && !SAVED_THEN_DECLINING.containsKey(testToken)) {
            throw new IllegalArgumentException("not one of Stripe's test cards: " + testToken);
        }
        String card = SAVED_PREFIX + UUID.randomUUID().toString().replace("-", "");
        savedCards.put(card, new Saved(setup.customer(), testToken));
        return new SetupConfirmation(setup.id(), Optional.of(card), Optional.empty());
    }

    @Override
    public Optional<ChargeResult.Declined> refuseUnlessSaved(String customer, String paymentMethod) throws PaymentUnavailable {
        if (!paymentMethod.startsWith(SAVED_PREFIX)) {
            return Optional.empty(); // a test token (Stripe is not asked), or a card the charge declines as unknown
        }
        refuseWhileUnavailable();
        Saved card = savedCards.get(paymentMethod);
        if (card == null) {
            return Optional.of(unknown(paymentMethod));
        }
        return card.customer().equals(customer) ? Optional.empty() : Optional.of(ChargeResult.notSaved());
    }

    /** What the customer removing a saved card does (Stripe: detaching it from the customer). */
    public void detach(String paymentMethod) {
        savedCards.remove(paymentMethod);
    }

    /** A confirmed setup: the card saved, or why it was not. */
    public record SetupConfirmation(String setupId, Optional<String> paymentMethod, Optional<ChargeResult.Declined> declined) {
    }

    @Override
    public ChargeResult charge(ChargeRequest request) throws PaymentUnavailable {
        refuseWhileUnavailable();
        // compute() runs once per key at a time, so concurrent retries of one key charge once.
        Answered answered = answersByKey.compute(request.idempotencyKey(),
                (key, previous) -> previous != null ? previous : new Answered(request, decide(request)));
        if (!answered.request().equals(request)) {
            throw new PaymentKeyReused(request.idempotencyKey());
        }
        return answered.result();
    }

    /** The sandbox every function of this process charges through when none is given its own. */
    public static SandboxPaymentProcessor shared() {
        return SHARED;
    }

    @Override
    public Optional<ChargeResult> find(String idempotencyKey, Instant from, Instant to) throws PaymentUnavailable {
        refuseWhileUnavailable();
        return Optional.ofNullable(answersByKey.get(idempotencyKey)).map(Answered::result);
    }

    /** Every successful charge, once each, in the order they were made. */
    public List<Charged> charges() {
        return List.copyOf(charged);
    }

    private void refuseWhileUnavailable() throws PaymentUnavailable {
        if (unavailable) {
            throw new PaymentUnavailable("sandbox processor is switched to unavailable");
        }
    }

    /** Simulates an outage: while on, every call throws {@link PaymentUnavailable}. */
    public void setUnavailable(boolean unavailable) {
        this.unavailable = unavailable;
    }

    private ChargeResult decide(ChargeRequest request) {
        String method = request.paymentMethod();
        if (method.startsWith(SAVED_PREFIX)) {
            Saved card = savedCards.get(method);
            // As Stripe: a card saved to another customer cannot be charged for this one.
            if (card == null || !card.customer().equals(request.customer())) {
                return unknown(method);
            }
            method = card.testToken();
        }
        ChargeResult.Declined decline = SAVED_THEN_DECLINING.getOrDefault(method, DECLINING_METHODS.get(method));
        if (decline != null) {
            return decline;
        }
        if (!SUCCEEDING_METHODS.contains(method)) {
            return unknown(method);
        }
        String reference = "ch_sandbox_" + UUID.randomUUID().toString().replace("-", "");
        charged.add(new Charged(reference, request));
        return new ChargeResult.Succeeded(reference, request.amountMicros());
    }

    private static ChargeResult.Declined unknown(String method) {
        return new ChargeResult.Declined("invalid_payment_method", "No such payment method: " + method);
    }

    /** A charge the sandbox made, for tests that audit money taken against money credited. */
    public record Charged(String reference, ChargeRequest request) {
    }

    private record Answered(ChargeRequest request, ChargeResult result) {
    }

    private record Setup(String id, String clientSecret, String customer) {
    }

    private record Saved(String customer, String testToken) {
    }
}
