package dev.smsbilling.billing.payment.sandbox;

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
 */
public final class SandboxPaymentProcessor implements PaymentProcessor {
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

    private final Map<String, Answered> answersByKey = new ConcurrentHashMap<>();
    private final List<Charged> charged = new CopyOnWriteArrayList<>();
    private volatile boolean unavailable;

    /** Derived from the account, as Stripe's idempotency answers the same customer again: {@code cus_sandbox_…}. */
    @Override
    public String customerFor(String accountId) throws PaymentUnavailable {
        refuseWhileUnavailable();
        return "cus_sandbox_" + Sha256.hex(accountId).substring(0, 24);
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
        ChargeResult.Declined decline = DECLINING_METHODS.get(method);
        if (decline != null) {
            return decline;
        }
        if (!SUCCEEDING_METHODS.contains(method)) {
            return new ChargeResult.Declined("invalid_payment_method", "No such payment method: " + method);
        }
        String reference = "ch_sandbox_" + UUID.randomUUID().toString().replace("-", "");
        charged.add(new Charged(reference, request));
        return new ChargeResult.Succeeded(reference, request.amountMicros());
    }

    /** A charge the sandbox made, for tests that audit money taken against money credited. */
    public record Charged(String reference, ChargeRequest request) {
    }

    private record Answered(ChargeRequest request, ChargeResult result) {
    }
}
