package dev.smsbilling.billing.testing;

import dev.smsbilling.billing.payment.ChargeRequest;
import dev.smsbilling.billing.payment.ChargeResult;
import dev.smsbilling.billing.payment.PaymentProcessor;
import dev.smsbilling.billing.payment.PaymentUnavailable;
import java.util.Objects;

/**
 * A processor whose charges a test writes as a lambda (a charge that fails in its own way, or
 * does something on the side), and whose customers and lookups are the wrapped processor's, so a sweep sees
 * exactly what the charges left there.
 */
public final class Charging extends ForwardingProcessor {
    /** A charge as a lambda. */
    @FunctionalInterface
    public interface Charge {
        ChargeResult charge(ChargeRequest request) throws PaymentUnavailable;
    }

    private final Charge charge;

    private Charging(Charge charge, PaymentProcessor lookups) {
        super(lookups);
        this.charge = Objects.requireNonNull(charge, "charge");
    }

    public static PaymentProcessor by(Charge charge, PaymentProcessor lookups) {
        return new Charging(charge, lookups);
    }




    @Override
    public ChargeResult charge(ChargeRequest request) throws PaymentUnavailable {
        return charge.charge(request);
    }

}
