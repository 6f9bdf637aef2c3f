package dev.smsbilling.billing.payment;

import java.util.regex.Pattern;

/**
 * What a payment method reference may look like: a processor token such as Stripe's
 * {@code pm_...}. Checked before anything is charged or stored, so a typo is a 400, not a decline.
 */
public final class PaymentMethods {
    private static final Pattern REFERENCE = Pattern.compile("pm_[A-Za-z0-9_]{1,100}");

    private PaymentMethods() {
    }

    public static boolean isValid(String paymentMethod) {
        return paymentMethod != null && REFERENCE.matcher(paymentMethod).matches();
    }

    /**
     * Stripe's test-mode tokens ({@code pm_card_visa}, ...): each stands for a card just entered,
     * and none exists with a live key, so they may be charged without having been saved.
     */
    public static boolean isTestToken(String paymentMethod) {
        return paymentMethod.startsWith("pm_card_");
    }

    public static String rule() {
        return "must be a payment method reference: pm_ followed by 1 to 100 letters, digits or underscores";
    }
}
