package dev.smsbilling.billing.payment.stripe;

import dev.smsbilling.billing.payment.CardSetup;
import dev.smsbilling.billing.payment.ChargeRequest;
import dev.smsbilling.billing.payment.ChargeResult;
import dev.smsbilling.billing.payment.PaymentMethods;
import dev.smsbilling.billing.payment.PaymentNotAttempted;
import dev.smsbilling.billing.payment.PaymentProcessor;
import dev.smsbilling.billing.payment.ProcessorKeys;
import dev.smsbilling.billing.payment.PaymentUnavailable;
import dev.smsbilling.http.Priming;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Charges through Stripe: one PaymentIntent for the account's customer, created and confirmed
 * off-session in one call, with our idempotency key as Stripe's. A retry after a crash, ours or
 * the transport's own, therefore returns the first PaymentIntent instead of making a second
 * charge. A card that is not a test token is looked up first, and charged only when it is saved
 * to that customer. Cards are saved through SetupIntents that the customer's page confirms.
 *
 * <p>Stripe's REST API is called directly ({@link StripeApi}) rather than through stripe-java:
 * that jar was 16.7 MiB of a function zip meant to stay under 12 MiB, for a handful of endpoints.
 */
public final class StripePaymentProcessor implements PaymentProcessor {
    /** Stripe's clock against ours: an intent may carry a creation time this much before we asked. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /**
     * Pages ({@link StripeApi#PAGE_SIZE} intents each) a search reads before it gives up as "cannot say now": the window is the life
     * of one top-up's holds and some minutes of skew, so this many means something else is wrong.
     */
    static final int MAX_PAGES = 20;

    private static final Logger LOG = System.getLogger(StripePaymentProcessor.class.getName());

    private final StripeApi stripe;
    private final StripeKey key;
    private final Optional<String> publishableKey;

    private StripePaymentProcessor(StripeApi stripe, StripeKey key, Optional<String> publishableKey) {
        this.stripe = stripe;
        this.key = key;
        this.publishableKey = publishableKey;
    }

    /**
     * Build once per function instance. The key is read from {@code secretKey} when the first
     * charge needs it, not here ({@link StripeKey} says why), so building never fails for a key
     * that cannot be read: the charges do, with {@link PaymentNotAttempted}.
     *
     * @param secretKey where the key comes from; it may throw while the key cannot be read
     * @throws IllegalArgumentException when the configured API base is not an http(s) URL
     */
    public static StripePaymentProcessor create(Supplier<String> secretKey, StripeConfig config) {
        return create(secretKey, config, Optional.empty());
    }

    /** @param publishableKey what a page loads Stripe's script with ({@code pk_…}), needed to save cards */
    public static StripePaymentProcessor create(Supplier<String> secretKey, StripeConfig config, Optional<String> publishableKey) {
        return new StripePaymentProcessor(StripeApi.create(config), new StripeKey(secretKey), publishableKey);
    }

    /**
     * Creates the account's customer under a key of the account alone, so that a retry or a
     * concurrent first top-up is answered the same customer. Nothing is charged, so a refused key
     * may say "not attempted" here.
     */
    @Override
    public String customerFor(String accountId) throws PaymentUnavailable {
        refuseWhilePriming();
        String secretKey = key.get();
        try {
            return stripe.createCustomer(secretKey, CustomerParams.of(accountId), ProcessorKeys.of("customer", accountId));
        } catch (StripeCallFailed e) {
            forgetKeyIfRefused(e);
            throw StripeErrors.notACharge(e);
        }
    }

    @Override
    public CardSetup setUpCard(String customer, String idempotencyKey) throws PaymentUnavailable {
        refuseWhilePriming();
        if (publishableKey.isEmpty()) {
            LOG.log(Level.ERROR, "No Stripe publishable key is configured (STRIPE_PUBLISHABLE_KEY): no page can save a card");
            throw new PaymentNotAttempted("no Stripe publishable key is configured");
        }
        String secretKey = key.get();
        try {
            StripeObjects.SetupIntent setup = stripe.createSetupIntent(secretKey, SetupIntentParams.of(customer), idempotencyKey);
            return new CardSetup(setup.id(), setup.clientSecret(), publishableKey.get());
        } catch (StripeCallFailed e) {
            forgetKeyIfRefused(e);
            throw StripeErrors.notACharge(e);
        }
    }

    @Override
    public ChargeResult charge(ChargeRequest request) throws PaymentUnavailable {
        refuseWhilePriming();
        Map<String, String> params = PaymentIntentParams.of(request);
        String secretKey = key.get();
        PaymentIntent created;
        try {
            created = stripe.createPaymentIntent(secretKey, params, request.idempotencyKey());
        } catch (StripeCallFailed e) {
            try {
                return StripeErrors.outcome(e, request);
            } catch (PaymentNotAttempted refusedKey) {
                key.forget(); // a rotated key: the next charge reads the secret again
                throw refusedKey;
            }
        }
        try {
            return PaymentIntentOutcomes.of(current(created, secretKey));
        } catch (StripeCallFailed e) {
            throw StripeErrors.notACharge(e);
        }
    }

    /**
     * Lists the intents created in the window (widened by {@link #CLOCK_SKEW} each side) and
     * picks the one whose metadata carries the key; list endpoints are consistent with writes, so
     * an intent that is not there was never created.
     */
    @Override
    public Optional<ChargeResult> find(String idempotencyKey, Instant from, Instant to) throws PaymentUnavailable {
        String secretKey;
        try {
            refuseWhilePriming();
            secretKey = key.get();
        } catch (PaymentNotAttempted e) {
            // True of a charge, not of a lookup: a charge under this key may well exist, so the
            // caller must not take "not attempted" as "never charged" and let the hold go.
            throw new PaymentUnavailable(e.getMessage(), e);
        }
        Optional<String> after = Optional.empty();
        try {
            for (int page = 0; page < MAX_PAGES; page++) {
                PaymentIntentPage intents = stripe.listPaymentIntents(secretKey, from.minus(CLOCK_SKEW), to.plus(CLOCK_SKEW), after);
                for (PaymentIntent intent : intents.intents()) {
                    if (idempotencyKey.equals(intent.chargeKey())) {
                        return Optional.of(PaymentIntentOutcomes.of(intent));
                    }
                }
                if (!intents.hasMore() || intents.intents().isEmpty()) {
                    return Optional.empty();
                }
                after = Optional.of(intents.intents().get(intents.intents().size() - 1).id());
            }
        } catch (StripeCallFailed e) {
            forgetKeyIfRefused(e);
            throw StripeErrors.notACharge(e);
        }
        throw new PaymentUnavailable("more than " + MAX_PAGES * StripeApi.PAGE_SIZE + " PaymentIntents between " + from + " and " + to
                + "; the charge under this key cannot be told apart now");
    }

    /**
     * Looks the card up: Stripe refuses a card saved to another customer by itself, but would
     * charge one saved to nobody and save it to ours, so a {@code pm_…} id someone learned would
     * fund their balance. Only a card whose {@code customer} is the account's may be charged.
     */
    @Override
    public Optional<ChargeResult.Declined> refuseUnlessSaved(String customer, String paymentMethod) throws PaymentUnavailable {
        if (PaymentMethods.isTestToken(paymentMethod)) {
            return Optional.empty();
        }
        refuseWhilePriming();
        String secretKey = key.get();
        StripeObjects.PaymentMethod method;
        try {
            method = stripe.retrievePaymentMethod(secretKey, paymentMethod);
        } catch (StripeCallFailed e) {
            if (e.answered() && e.httpStatus() == 404) {
                return Optional.of(new ChargeResult.Declined("invalid_payment_method", "This payment method cannot be charged."));
            }
            forgetKeyIfRefused(e);
            PaymentUnavailable why = StripeErrors.notACharge(e);
            throw new PaymentNotAttempted("Nothing was charged: " + why.getMessage(), why);
        }
        if (customer.equals(method.customer())) {
            return Optional.empty();
        }
        LOG.log(Level.INFO, "Refused payment method {0}: not saved to the account''s customer", LogSafe.paymentMethod(paymentMethod));
        return Optional.of(ChargeResult.notSaved());
    }

    /** A rotated key: the next call reads the secret again. */
    private void forgetKeyIfRefused(StripeCallFailed failure) {
        if (StripeErrors.refusedOurKey(failure)) {
            key.forget();
        }
    }

    /** Defence in depth: priming never gets this far, and a snapshot must never hold a charge or a Stripe answer. */
    private static void refuseWhilePriming() throws PaymentNotAttempted {
        if (Priming.inProgress()) {
            throw new PaymentNotAttempted("nothing is sent to Stripe while a SnapStart snapshot is primed");
        }
    }

    /**
     * Stripe answers a repeated idempotency key with the first response, so a retry of a
     * charge that was "processing" would read "processing" forever. Its current state is
     * fetched instead; while it is still processing the caller is told to retry later.
     */
    private PaymentIntent current(PaymentIntent intent, String secretKey) throws StripeCallFailed {
        return intent.isProcessing() ? stripe.retrievePaymentIntent(secretKey, intent.id()) : intent;
    }
}
