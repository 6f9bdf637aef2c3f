package dev.smsbilling.billing.payment;

/**
 * The processor is unavailable and surely charged nothing: the charge was never sent (its
 * credentials could not be read), or the processor refused our own credentials before looking at
 * the charge. Unlike its parent's unknown outcome, a caller may let go of the request: nothing
 * has to be found again by a retry with the same key.
 */
public class PaymentNotAttempted extends PaymentUnavailable {
    private static final long serialVersionUID = 1L;

    public PaymentNotAttempted(String message) {
        super(message);
    }

    public PaymentNotAttempted(String message, Throwable cause) {
        super(message, cause);
    }
}
