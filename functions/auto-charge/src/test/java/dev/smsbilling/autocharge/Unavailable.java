package dev.smsbilling.autocharge;

import dev.smsbilling.billing.payment.ChargeRequest;
import dev.smsbilling.billing.payment.ChargeResult;
import dev.smsbilling.billing.payment.PaymentProcessor;
import dev.smsbilling.billing.payment.PaymentUnavailable;

/** A processor that cannot be reached. */
final class Unavailable implements PaymentProcessor {
    @Override
    public ChargeResult charge(ChargeRequest request) throws PaymentUnavailable {
        throw new PaymentUnavailable("connection refused");
    }
}
