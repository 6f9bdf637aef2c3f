package dev.smsbilling.autocharge;

import dev.smsbilling.billing.payment.CardSetup;
import dev.smsbilling.billing.payment.ChargeRequest;
import dev.smsbilling.billing.payment.ChargeResult;
import dev.smsbilling.billing.payment.PaymentProcessor;
import dev.smsbilling.billing.payment.PaymentUnavailable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers every request that reached the processor, in order, repeats included. */
final class CountingProcessor implements PaymentProcessor {
    private final PaymentProcessor processor;
    private final List<ChargeRequest> requests = new CopyOnWriteArrayList<>();

    CountingProcessor(PaymentProcessor processor) {
        this.processor = processor;
    }

    @Override
    public String customerFor(String accountId) throws PaymentUnavailable {
        return processor.customerFor(accountId);
    }

    @Override
    public CardSetup setUpCard(String customer, String idempotencyKey) throws PaymentUnavailable {
        return processor.setUpCard(customer, idempotencyKey);
    }

    @Override
    public Optional<ChargeResult.Declined> refuseUnlessSaved(String customer, String paymentMethod) throws PaymentUnavailable {
        return processor.refuseUnlessSaved(customer, paymentMethod);
    }

    @Override
    public ChargeResult charge(ChargeRequest request) throws PaymentUnavailable {
        requests.add(request);
        return processor.charge(request);
    }

    List<ChargeRequest> requests() {
        return List.copyOf(requests);
    }

    List<ChargeRequest> requestsFor(String paymentMethod) {
        return requests.stream().filter(r -> r.paymentMethod().equals(paymentMethod)).toList();
    }

    @Override
    public Optional<ChargeResult> find(String idempotencyKey, Instant from, Instant to) throws PaymentUnavailable {
        return processor.find(idempotencyKey, from, to);
    }
}
