package dev.smsbilling.billing.testing;

import dev.smsbilling.billing.payment.CardSetup;
import dev.smsbilling.billing.payment.ChargeRequest;
import dev.smsbilling.billing.payment.ChargeResult;
import dev.smsbilling.billing.payment.PaymentProcessor;
import dev.smsbilling.billing.payment.PaymentUnavailable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A processor whose charges a test writes as a lambda (a charge that fails in its own way, or
 * does something on the side), and whose customers and lookups are the wrapped processor's, so a sweep sees
 * exactly what the charges left there.
 */
public final class Charging implements PaymentProcessor {
    /** A charge as a lambda. */
    @FunctionalInterface
    public interface Charge {
        ChargeResult charge(ChargeRequest request) throws PaymentUnavailable;
    }

    private final Charge charge;
    private final PaymentProcessor lookups;

    private Charging(Charge charge, PaymentProcessor lookups) {
        this.charge = Objects.requireNonNull(charge, "charge");
        this.lookups = Objects.requireNonNull(lookups, "lookups");
    }

    public static PaymentProcessor by(Charge charge, PaymentProcessor lookups) {
        return new Charging(charge, lookups);
    }

    @Override
    public String customerFor(String accountId) throws PaymentUnavailable {
        return lookups.customerFor(accountId);
    }

    @Override
    public CardSetup setUpCard(String customer, String idempotencyKey) throws PaymentUnavailable {
        return lookups.setUpCard(customer, idempotencyKey);
    }

    @Override
    public Optional<ChargeResult.Declined> refuseUnlessSaved(String customer, String paymentMethod) throws PaymentUnavailable {
        return lookups.refuseUnlessSaved(customer, paymentMethod);
    }

    @Override
    public ChargeResult charge(ChargeRequest request) throws PaymentUnavailable {
        return charge.charge(request);
    }

    @Override
    public Optional<ChargeResult> find(String idempotencyKey, Instant from, Instant to) throws PaymentUnavailable {
        return lookups.find(idempotencyKey, from, to);
    }
}
