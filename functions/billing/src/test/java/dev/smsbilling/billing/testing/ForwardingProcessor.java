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
 * A processor double that answers everything as the wrapped one does; a double overrides only
 * what it changes (a charge that crashes, is counted, fails its own way).
 */
public abstract class ForwardingProcessor implements PaymentProcessor {
    private final PaymentProcessor wrapped;

    protected ForwardingProcessor(PaymentProcessor wrapped) {
        this.wrapped = Objects.requireNonNull(wrapped, "wrapped");
    }

    @Override
    public String customerFor(String accountId) throws PaymentUnavailable {
        return wrapped.customerFor(accountId);
    }

    @Override
    public CardSetup setUpCard(String customer, String idempotencyKey) throws PaymentUnavailable {
        return wrapped.setUpCard(customer, idempotencyKey);
    }

    @Override
    public Optional<ChargeResult.Declined> refuseUnlessSaved(String customer, String paymentMethod) throws PaymentUnavailable {
        return wrapped.refuseUnlessSaved(customer, paymentMethod);
    }

    @Override
    public ChargeResult charge(ChargeRequest request) throws PaymentUnavailable {
        return wrapped.charge(request);
    }

    @Override
    public Optional<ChargeResult> find(String idempotencyKey, Instant from, Instant to) throws PaymentUnavailable {
        return wrapped.find(idempotencyKey, from, to);
    }
}
