package dev.smsbilling.addfunds;

import dev.smsbilling.billing.payment.ChargeRequest;
import dev.smsbilling.billing.payment.ChargeResult;
import dev.smsbilling.billing.payment.PaymentProcessor;
import dev.smsbilling.billing.payment.PaymentUnavailable;
import java.time.Instant;
import java.util.Optional;

/** Charges for real, then dies once before the caller can credit: the crash the protocol must heal. */
final class CrashAfterCharge implements PaymentProcessor {
    private final PaymentProcessor processor;
    private volatile boolean crashNext = true;

    CrashAfterCharge(PaymentProcessor processor) {
        this.processor = processor;
    }

    @Override
    public ChargeResult charge(ChargeRequest request) throws PaymentUnavailable {
        ChargeResult result = processor.charge(request);
        if (crashNext) {
            crashNext = false;
            throw new IllegalStateException("the invocation died after the charge");
        }
        return result;
    }

    @Override
    public Optional<ChargeResult> find(String idempotencyKey, Instant from, Instant to) throws PaymentUnavailable {
        return processor.find(idempotencyKey, from, to);
    }
}
