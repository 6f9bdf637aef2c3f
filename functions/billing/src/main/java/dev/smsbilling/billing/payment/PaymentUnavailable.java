package dev.smsbilling.billing.payment;

/**
 * The processor could not be asked or did not answer. Checked, because a caller that ignores it
 * would not know whether money was taken; the only safe reaction is to retry with the same key.
 */
public class PaymentUnavailable extends Exception {
    private static final long serialVersionUID = 1L;

    public PaymentUnavailable(String message) {
        super(message);
    }

    public PaymentUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
