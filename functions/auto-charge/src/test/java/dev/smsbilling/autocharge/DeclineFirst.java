package dev.smsbilling.autocharge;

import dev.smsbilling.billing.payment.ChargeRequest;
import dev.smsbilling.billing.payment.ChargeResult;
import dev.smsbilling.billing.payment.PaymentProcessor;
import dev.smsbilling.billing.payment.PaymentUnavailable;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A card that is refused a few times, then works: the customer's bank came round. */
final class DeclineFirst implements PaymentProcessor {
    private final PaymentProcessor processor;
    private final AtomicInteger declinesLeft;

    DeclineFirst(int declines, PaymentProcessor processor) {
        this.processor = processor;
        this.declinesLeft = new AtomicInteger(declines);
    }

    @Override
    public ChargeResult charge(ChargeRequest request) throws PaymentUnavailable {
        if (declinesLeft.getAndDecrement() > 0) {
            return new ChargeResult.Declined("do_not_honor", "The card was declined.");
        }
        return processor.charge(request);
    }

    @Override
    public Optional<ChargeResult> find(String idempotencyKey, Instant from, Instant to) throws PaymentUnavailable {
        return processor.find(idempotencyKey, from, to);
    }
}
