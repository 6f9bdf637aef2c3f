package dev.smsbilling.addfunds;

import com.amazonaws.services.lambda.runtime.Context;
import dev.smsbilling.aws.AwsAccess;
import dev.smsbilling.billing.api.BillingFunction;
import dev.smsbilling.billing.api.Deadlines;
import dev.smsbilling.billing.api.Outcomes;
import dev.smsbilling.billing.api.PaymentCustomers;
import dev.smsbilling.billing.api.RequestHash;
import dev.smsbilling.billing.api.TopUps;
import dev.smsbilling.billing.payment.ChargeRequest;
import dev.smsbilling.billing.payment.ChargeResult;
import dev.smsbilling.billing.payment.PaymentNotAttempted;
import dev.smsbilling.billing.payment.PaymentProcessor;
import dev.smsbilling.billing.payment.PaymentUnavailable;
import dev.smsbilling.billing.runtime.PaymentProcessors;
import dev.smsbilling.billing.runtime.StorePriming;
import dev.smsbilling.billing.runtime.Stores;
import dev.smsbilling.billing.store.Account;
import dev.smsbilling.billing.store.AutoChargeStatus;
import dev.smsbilling.billing.store.BeginResult;
import dev.smsbilling.billing.store.BeginResult.Started;
import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.billing.store.CreditResult;
import dev.smsbilling.billing.store.Deadline;
import dev.smsbilling.billing.store.Idempotency;
import dev.smsbilling.billing.store.KeySeenBefore;
import dev.smsbilling.billing.store.WriteOutcome;
import dev.smsbilling.billing.store.WriteOutcome.Committed;
import dev.smsbilling.http.ApiException;
import dev.smsbilling.http.ApiRequest;
import dev.smsbilling.http.ApiResponse;
import dev.smsbilling.http.ErrorCode;
import dev.smsbilling.http.IdempotencyKey;
import dev.smsbilling.http.Priming;
import dev.smsbilling.http.telemetry.Telemetry;
import dev.smsbilling.http.Settings;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code POST /v1/billing/funds}, and the start of saving a card ({@link CardSetupRoute}).
 *
 * <p>{@code POST /v1/billing/funds}: charge the payment method, then credit the balance, once per
 * Idempotency-Key, in six steps: hold the key (or answer what it already says), refuse an
 * account that may not top up, name its customer at the processor (created with its first
 * charge), mark the charge as possibly sent, charge, credit.
 *
 * <p>The key is held IN_PROGRESS before the card is touched, so concurrent duplicates get 409 or
 * the replay instead of a second charge. The processor is keyed by account, key, request hash
 * and the hold's charge: a retry that takes over an abandoned hold finds that hold's charge at
 * the processor, and the credit, which completes the hold in the same transaction (and writes the
 * payment's guard), is written once. Refusals (403, 402) release the key, as API.md wants for
 * every 4xx, and a key held again after a release makes a new charge, never the processor's
 * stored decline. The hold records that its charge may exist just before sending it: a retry
 * that takes over a hold whose charge may exist credits it whatever the subscription says by now
 * (the money may have been taken); one whose attempt died before charging checks the
 * subscription like any other. A processor outage answers 503
 * {@code payment_unavailable} with {@code Retry-After}; when the charge may have gone through,
 * the key stays bound to this body until its hold lapses and the client's retry (same key, same
 * body) heals it; releasing it would let the key be reused for another amount and leave the
 * first charge uncredited. When no retry comes, the scheduled run's sweep does the same
 * (auto-charge's {@code TopUpSweep}): the mark made before charging lists the hold for it.
 */
public final class AddFundsHandler extends BillingFunction {
    static final String ROUTE = "POST /v1/billing/funds";
    /** The time to answer that the deadline keeps back; the hold covers it too. */
    private static final Duration MARGIN = Duration.ofMillis(500);
    private static final Duration MIN_HOLD = Duration.ofSeconds(1);
    private static final String DESCRIPTION = "SMS credit top-up";

    private final BillingStore store;
    private final PaymentProcessor processor;
    private final CardSetupRoute cardSetup;

    public AddFundsHandler() {
        Settings settings = Settings.fromEnvironment();
        AwsAccess aws = AwsAccess.fromSettings(settings);
        this.store = Stores.fromSettings(settings, aws);
        this.processor = PaymentProcessors.fromSettings(settings, aws);
        this.cardSetup = new CardSetupRoute(store, processor);
        // A top-up up to the card, the SDK's path included: priming's DynamoDB requests are
        // answered without being sent (billing.runtime.StorePriming), and this account is not in
        // their table. So the key is held, the account is not found, the key is released: a 401,
        // and no card is charged before a snapshot. What follows the card, the credit and its
        // answer, is primed on the store itself.
        primeBeforeSnapshot(401, () -> Priming.request(ROUTE).header("idempotency-key", "priming")
                .body("{\"amountMicros\": 10000000, \"paymentMethod\": \"pm_card_visa\"}"));
        Priming.beforeSnapshot("credit", () -> StorePriming.credit(store, TopUps::created));
        primeBeforeSnapshot(401, () -> Priming.request(CardSetupRoute.ROUTE));
    }

    public AddFundsHandler(BillingStore store, PaymentProcessor processor) {
        this.store = Objects.requireNonNull(store, "store");
        this.processor = Objects.requireNonNull(processor, "processor");
        this.cardSetup = new CardSetupRoute(store, processor);
    }

    @Override
    protected ApiResponse handle(ApiRequest request, Context context) {
        if (CardSetupRoute.ROUTE.equals(request.routeKey())) {
            return cardSetup.handle(request);
        }
        if (!ROUTE.equals(request.routeKey())) {
            throw new ApiException(ErrorCode.NOT_FOUND);
        }
        String accountId = request.requireAccountId();
        IdempotencyKey key = IdempotencyKey.required(request);
        AddFundsRequest body = AddFundsRequest.parse(request.body());
        Deadline deadline = Deadlines.of(context);
        Idempotency idempotency = RequestHash.idempotency(key, ROUTE, body.canonical());

        Duration holdFor = hold(deadline);
        BeginResult begun = store.beginIdempotentRequest(accountId, idempotency, holdFor);
        if (begun instanceof KeySeenBefore seen) {
            return Outcomes.toResponse(seen);
        }
        Held held = new Held(accountId, idempotency, (Started) begun, holdFor);
        Account payer = payer(held);
        String customer = customerOf(held, payer);
        if (!held.hold().chargeMayExist()) {
            refuseUnlessSaved(held, customer, body);
        }
        markChargeSent(held);
        ChargeResult.Succeeded paid = chargeOrRelease(held, customer, body);
        return credit(held, payer, body, paid, deadline);
    }

    /** This attempt's hold of the key: what every step after taking it acts on. */
    private record Held(String accountId, Idempotency idempotency, Started hold, Duration holdFor) {
    }

    /**
     * The account that pays, refused unless it may top up. Checked after taking the key, so a
     * completed top-up still replays once the subscription lapses; not refused when the attempt
     * taken over may have charged, as that charge must be settled whatever the subscription says now.
     */
    private Account payer(Held held) {
        Optional<Account> account = store.readAccount(held.accountId());
        if (held.hold().chargeMayExist()) {
            return account.orElseThrow(() -> unavailable(held.holdFor()));
        }
        if (account.isPresent() && account.get().isActive()) {
            return account.get();
        }
        release(held);
        throw new ApiException(account.isPresent() ? ErrorCode.SUBSCRIPTION_INACTIVE : ErrorCode.UNAUTHORIZED);
    }

    /** Before the charge is marked sent: a processor that cannot make the customer now charged nothing. */
    private String customerOf(Held held, Account payer) {
        try {
            return PaymentCustomers.of(store, processor, held.accountId(), payer.paymentCustomer());
        } catch (PaymentUnavailable e) {
            throw notCharged(held);
        }
    }

    /**
     * Only a card saved to this account (or a test token) is charged for it: refused with the
     * 402 of a decline, the key released. Only before a first charge: a charge that may exist is
     * settled as it is, whatever has become of the card since (a card removed after it paid must
     * not turn its charge into a release).
     */
    private void refuseUnlessSaved(Held held, String customer, AddFundsRequest body) {
        Optional<ChargeResult.Declined> refused;
        try {
            refused = processor.refuseUnlessSaved(customer, body.paymentMethod());
        } catch (PaymentUnavailable e) {
            throw notCharged(held);
        }
        if (refused.isPresent()) {
            release(held);
            throw new ApiException(ErrorCode.PAYMENT_DECLINED).withExtra("declineCode", refused.get().code());
        }
    }

    /** Just before the card: from here on the charge may exist, and the sweep lists the hold. */
    private void markChargeSent(Held held) {
        if (!store.startCharge(held.accountId(), held.idempotency(), held.hold())) {
            // Slower than our own hold: another attempt of this request has taken it over and charges.
            throw Outcomes.inProgress();
        }
    }

    /** The charge the processor made, or the 402 of a decline (the key released, as for every 4xx). */
    private ChargeResult.Succeeded chargeOrRelease(Held held, String customer, AddFundsRequest body) {
        ChargeResult charged = charge(held, customer, body);
        if (charged instanceof ChargeResult.Declined declined) {
            release(held);
            throw new ApiException(ErrorCode.PAYMENT_DECLINED).withExtra("declineCode", declined.code());
        }
        ChargeResult.Succeeded succeeded = (ChargeResult.Succeeded) charged;
        if (succeeded.amountMicros() != body.amountMicros()) {
            throw new IllegalStateException("the processor charged another amount than asked");
        }
        return succeeded;
    }

    /**
     * An unavailable processor is a 503 either way, and what it does to the key differs: a charge
     * that was surely not made (the key to Stripe could not be read, Stripe refused our
     * credentials) lets go of the key, as a 4xx does, since there is nothing to find again; one
     * whose outcome is unknown keeps the key bound to this body until the hold lapses, so the
     * retry the answer asks for finds the charge instead of making another.
     */
    private ChargeResult charge(Held held, String customer, AddFundsRequest body) {
        try {
            return processor.charge(new ChargeRequest(customer, body.paymentMethod(), body.amountMicros(),
                    TopUps.processorKey(held.accountId(), held.idempotency(), held.hold()), DESCRIPTION));
        } catch (PaymentNotAttempted e) {
            throw notCharged(held);
        } catch (PaymentUnavailable e) {
            throw unavailable(held.holdFor());
        }
    }

    /** This attempt sent no charge: the key is let go, unless the attempt it took over may have charged. */
    private ApiException notCharged(Held held) {
        if (held.hold().chargeMayExist()) {
            // Keep the key bound to that charge, so the retry finds it instead of making another.
            return unavailable(held.holdFor());
        }
        release(held);
        return unavailable(RETRY_SOON);
    }

    /** The credit completes the hold; a retry of the request replays its 201. */
    private ApiResponse credit(Held held, Account payer, AddFundsRequest body, ChargeResult.Succeeded paid, Deadline deadline) {
        CreditResult credited = TopUps.credit(store, held.accountId(), held.idempotency(), paid, deadline);
        if (credited instanceof Committed && resumesAutoCharge(payer, body.paymentMethod())) {
            resumeAutoCharge(held.accountId());
        }
        if (credited instanceof Committed || credited instanceof KeySeenBefore) {
            return Outcomes.toResponse((WriteOutcome) credited);
        }
        // Charged but nowhere to credit: keep the hold so nothing else reuses the key, and alert.
        throw new IllegalStateException("charged a top-up for an account that no longer exists");
    }

    /**
     * An auto-charge that waited for its card's holder resumes once that card paid a top-up by
     * hand: the holder was there, and the card charges again. Another card proves nothing of it.
     */
    private static boolean resumesAutoCharge(Account payer, String paidWith) {
        return payer.autoCharge().status() == AutoChargeStatus.ACTION_REQUIRED
                && payer.autoCharge().settings().paymentMethod().equals(Optional.of(paidWith));
    }

    /**
     * The holder was here and paid: an auto-charge that waited for them is ok again. After the
     * credit, never instead of its answer: the money is in, so a failure here only leaves the
     * auto-charge waiting for the next top-up by hand, and is told on the invocation's log line.
     */
    private void resumeAutoCharge(String accountId) {
        try {
            Telemetry.current().field("autoChargeResumed", store.resumeAutoCharge(accountId));
        } catch (RuntimeException e) {
            Telemetry.current().field("autoChargeResumed", "failed: " + e.getClass().getSimpleName());
        }
    }

    private void release(Held held) {
        store.releaseIdempotentRequest(held.accountId(), held.idempotency(), held.hold());
    }

    private static ApiException unavailable(Duration retryAfter) {
        return new ApiException(ErrorCode.PAYMENT_UNAVAILABLE).withRetryAfter(retryAfter);
    }

    /** The key is held for as long as this invocation may still be working on it. */
    private static Duration hold(Deadline deadline) {
        Duration remaining = deadline.remaining().plus(MARGIN);
        return remaining.compareTo(MIN_HOLD) < 0 ? MIN_HOLD : remaining;
    }
}
