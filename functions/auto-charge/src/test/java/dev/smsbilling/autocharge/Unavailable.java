package dev.smsbilling.autocharge;

import dev.smsbilling.billing.payment.CardSetup;
import dev.smsbilling.billing.payment.ChargeRequest;
import dev.smsbilling.billing.payment.ChargeResult;
import dev.smsbilling.billing.payment.PaymentProcessor;
import dev.smsbilling.billing.payment.PaymentUnavailable;
import java.time.Instant;
import java.util.Optional;

/** A processor that cannot be reached. */
final class Unavailable implements PaymentProcessor {
    @Override
    public String customerFor(String accountId) throws PaymentUnavailable {
        throw new PaymentUnavailable("connection refused");
    }

    @Override
    public CardSetup setUpCard(String customer, String idempotencyKey) throws PaymentUnavailable {
        throw new PaymentUnavailable("connection refused");
    }

    @Override
    public Optional<ChargeResult.Declined> refuseUnlessSaved(String customer, String paymentMethod) throws PaymentUnavailable {
        throw new PaymentUnavailable("connection refused");
    }

    @Override
    public ChargeResult charge(ChargeRequest request) throws PaymentUnavailable {
        throw new PaymentUnavailable("connection refused");
    }

    @Override
    public Optional<ChargeResult> find(String idempotencyKey, Instant from, Instant to) throws PaymentUnavailable {
        throw new PaymentUnavailable("connection refused");
    }
}
