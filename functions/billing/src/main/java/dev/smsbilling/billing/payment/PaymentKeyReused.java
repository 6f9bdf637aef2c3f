package dev.smsbilling.billing.payment;

/**
 * An idempotency key came back with different charge parameters. Processors refuse this rather
 * than guess which charge was meant (Stripe answers {@code idempotency_error}); it is a bug in
 * how the caller derives its keys, never a customer's mistake.
 */
public class PaymentKeyReused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PaymentKeyReused(String idempotencyKey) {
        super("idempotency key already used for a different charge: " + idempotencyKey);
    }
}
