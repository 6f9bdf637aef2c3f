package dev.smsbilling.billing.payment;

/**
 * Charges a customer's payment method. Implementations must be idempotent on
 * {@link ChargeRequest#idempotencyKey()}: a retry after a crash has to find the first charge,
 * not make a second one, because the credit that follows is only written once the charge is known.
 */
public interface PaymentProcessor {

    /**
     * @throws PaymentUnavailable when the processor cannot be reached or fails; the outcome is
     *     unknown, so the caller must retry with the same idempotency key rather than give up
     * @throws PaymentKeyReused when the key was already used for a different charge
     */
    ChargeResult charge(ChargeRequest request) throws PaymentUnavailable;
}
