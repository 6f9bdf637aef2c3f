package dev.smsbilling.autocharge;

import dev.smsbilling.billing.payment.ChargeRequest;
import dev.smsbilling.billing.payment.ChargeResult;
import dev.smsbilling.billing.payment.PaymentProcessor;
import dev.smsbilling.billing.payment.PaymentUnavailable;
import dev.smsbilling.billing.testing.ForwardingProcessor;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers every request that reached the processor, in order, repeats included. */
final class CountingProcessor extends ForwardingProcessor {
    private final PaymentProcessor processor;
    private final List<ChargeRequest> requests = new CopyOnWriteArrayList<>();

    CountingProcessor(PaymentProcessor processor) {
        super(processor);
        this.processor = processor;
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

}
