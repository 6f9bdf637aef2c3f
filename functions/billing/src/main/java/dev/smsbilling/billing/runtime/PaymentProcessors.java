package dev.smsbilling.billing.runtime;

import dev.smsbilling.billing.payment.PaymentProcessor;
import dev.smsbilling.billing.payment.SandboxPaymentProcessor;

/**
 * The payment processor that PAYMENT_PROCESSOR names (template.yaml's parameter): the sandbox
 * when it says so or says nothing. A deployment that asks for Stripe before its adapter exists
 * fails at start-up rather than quietly charging nobody.
 */
public final class PaymentProcessors {
    private PaymentProcessors() {
    }

    public static PaymentProcessor create(Settings settings) {
        String name = settings.optional("PAYMENT_PROCESSOR").orElse("sandbox");
        if (name.equals("sandbox")) {
            return new SandboxPaymentProcessor();
        }
        throw new IllegalStateException("PAYMENT_PROCESSOR=" + name + " is not available; only sandbox is built so far");
    }
}
