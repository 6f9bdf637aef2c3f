package dev.smsbilling.billing.testing;

import dev.smsbilling.billing.payment.ChargeRequest;
import dev.smsbilling.billing.payment.ChargeResult;
import dev.smsbilling.billing.payment.PaymentProcessor;
import dev.smsbilling.billing.payment.PaymentUnavailable;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Charges for real, then dies once before the caller hears back: the crash after a charge that
 * a retry, a later run or the sweep must heal. Lookups are the wrapped processor's, so what the
 * charge left there is found.
 */
public final class CrashAfterCharge extends ForwardingProcessor {
    private final PaymentProcessor processor;
    private final AtomicBoolean crashNext = new AtomicBoolean(true);

    public CrashAfterCharge(PaymentProcessor processor) {
        super(processor);
        this.processor = processor;
    }




    @Override
    public ChargeResult charge(ChargeRequest request) throws PaymentUnavailable {
        ChargeResult result = processor.charge(request);
        if (crashNext.compareAndSet(true, false)) {
            throw new IllegalStateException("the invocation died after the charge");
        }
        return result;
    }

}
