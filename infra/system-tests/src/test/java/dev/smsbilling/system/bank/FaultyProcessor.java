package dev.smsbilling.system.bank;

import dev.smsbilling.billing.payment.CardSetup;
import dev.smsbilling.billing.payment.ChargeRequest;
import dev.smsbilling.billing.payment.ChargeResult;
import dev.smsbilling.billing.payment.PaymentProcessor;
import dev.smsbilling.billing.payment.PaymentUnavailable;
import dev.smsbilling.billing.payment.sandbox.SandboxPaymentProcessor;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The payment port the handlers are given: the sandbox (Stripe's test cards, idempotent per key),
 * with the armed faults around it, and a record of what each key was answered, so the audit can
 * hold every charge the processor made against the ledger.
 */
final class FaultyProcessor implements PaymentProcessor {
    static final String AUTO_CHARGE_PREFIX = "autocharge_";

    /** The crossing an auto-charge key belongs to, as the claimed account item said while charging. */
    record Crossing(String accountId, String dueId, String attempt) {
    }

    private final SandboxPaymentProcessor sandbox = new SandboxPaymentProcessor();
    private final InheritableThreadLocal<Faults> armed;
    private final Tally injected;
    private final Tally calls;
    private final Function<String, Optional<Crossing>> crossingOfKey;
    private final Map<String, Crossing> crossings = new ConcurrentHashMap<>();
    private final Map<String, String> requests = new ConcurrentHashMap<>();

    FaultyProcessor(InheritableThreadLocal<Faults> armed, Tally injected, Tally calls,
                    Function<String, Optional<Crossing>> crossingOfKey) {
        this.armed = armed;
        this.injected = injected;
        this.calls = calls;
        this.crossingOfKey = crossingOfKey;
    }

    @Override
    public String customerFor(String accountId) throws PaymentUnavailable {
        return sandbox.customerFor(accountId);
    }

    @Override
    public CardSetup setUpCard(String customer, String idempotencyKey) throws PaymentUnavailable {
        return sandbox.setUpCard(customer, idempotencyKey);
    }

    @Override
    public Optional<ChargeResult.Declined> refuseUnlessSaved(String customer, String paymentMethod) throws PaymentUnavailable {
        return sandbox.refuseUnlessSaved(customer, paymentMethod);
    }

    @Override
    public ChargeResult charge(ChargeRequest request) throws PaymentUnavailable {
        boolean autoCharge = request.idempotencyKey().startsWith(AUTO_CHARGE_PREFIX);
        String kind = autoCharge ? "auto_charge" : "top_up";
        calls.add("processor." + kind + ".calls");
        Faults faults = armed.get();
        if (faults != null) {
            requests.putIfAbsent(request.idempotencyKey(), faults.request);
        }
        failIfArmed(faults);
        if (faults != null && autoCharge && faults.crashAfterClaim.compareAndSet(true, false)) {
            faults.fired(injected, "auto_charge.crash_after_claim", true);
            throw new IllegalStateException("injected: the run died after its claim, before charging");
        }
        String replayOf = faults == null ? null : faults.replayChargeOf;
        if (replayOf != null) {
            faults.replayChargeOf = null;
            Optional<ChargeResult> earlier = sandbox.find(replayOf, Instant.EPOCH, Instant.EPOCH);
            if (earlier.isPresent()) {
                faults.fired(injected, "processor.replayed_an_earlier_charge", false);
                return earlier.get();
            }
        }
        if (autoCharge) {
            // While a run charges, its claim is on the account item with this key pending.
            crossingOfKey.apply(request.idempotencyKey()).ifPresent(c -> crossings.putIfAbsent(request.idempotencyKey(), c));
        }
        ChargeResult result = sandbox.charge(request);
        calls.add("processor." + kind + (result instanceof ChargeResult.Succeeded ? ".succeeded" : ".declined"));
        if (faults != null && result instanceof ChargeResult.Succeeded
                && faults.crashAfterCharge.compareAndSet(true, false)) {
            faults.fired(injected, autoCharge ? "auto_charge.crash_after_charge" : "top_up.crash_after_charge", true);
            throw new IllegalStateException("injected: charged, then died before hearing back");
        }
        return result;
    }

    /** The sweep's question; an armed outage answers it as it answers a charge. */
    @Override
    public Optional<ChargeResult> find(String idempotencyKey, Instant from, Instant to) throws PaymentUnavailable {
        calls.add("processor.find.calls");
        failIfArmed(armed.get());
        return sandbox.find(idempotencyKey, from, to);
    }

    /** An armed outage: the processor answers 503, whatever was asked. */
    private void failIfArmed(Faults faults) throws PaymentUnavailable {
        if (faults != null && faults.processorUnavailable.compareAndSet(true, false)) {
            faults.fired(injected, "processor.unavailable_5xx", true);
            throw new PaymentUnavailable("injected: the processor answered 503");
        }
    }

    /** Every charge that took money, once each (the sandbox replays a key's first answer). */
    List<SandboxPaymentProcessor.Charged> charges() {
        return sandbox.charges();
    }

    /** The processor key a charge was made under, by its reference; null for none of ours. */
    String chargeKeyOf(String reference) {
        return sandbox.charges().stream().filter(c -> c.reference().equals(reference))
                .map(c -> c.request().idempotencyKey()).findFirst().orElse(null);
    }

    /** The client request that first asked for this processor key (empty for a scheduled run). */
    String requestOf(String chargeKey) {
        return requests.getOrDefault(chargeKey, "?");
    }

    Optional<Crossing> crossing(String chargeKey) {
        return Optional.ofNullable(crossings.get(chargeKey));
    }
}
