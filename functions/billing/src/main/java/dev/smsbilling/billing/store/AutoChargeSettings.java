package dev.smsbilling.billing.store;

import dev.smsbilling.billing.payment.PaymentMethods;
import java.util.Objects;
import java.util.Optional;

/**
 * What a customer chose for auto-charge: top up by {@code amountMicros} when the balance falls
 * below {@code thresholdMicros}. The limits are API.md's; amounts are whole cents because that is
 * what a card can be charged.
 */
public record AutoChargeSettings(boolean enabled, long thresholdMicros, long amountMicros, Optional<String> paymentMethod) {
    public static final long MICROS_PER_CENT = 10_000;
    public static final long MIN_THRESHOLD_MICROS = 1_000_000;
    public static final long MAX_THRESHOLD_MICROS = 1_000_000_000;
    public static final long MIN_AMOUNT_MICROS = 10_000_000;
    public static final long MAX_AMOUNT_MICROS = 5_000_000_000L;

    /** An account that never chose: off, with the example values of API.md ready to switch on. */
    public static final AutoChargeSettings DEFAULT = new AutoChargeSettings(false, 5_000_000, 20_000_000, Optional.empty());

    public AutoChargeSettings {
        Objects.requireNonNull(paymentMethod, "paymentMethod");
        if (!isValidThreshold(thresholdMicros) || !isValidAmount(amountMicros)) {
            throw new IllegalArgumentException("auto-charge threshold " + thresholdMicros + " or amount " + amountMicros
                    + " is out of range or not whole cents");
        }
        if (paymentMethod.isPresent() && !PaymentMethods.isValid(paymentMethod.get())) {
            throw new IllegalArgumentException("not a payment method reference");
        }
        if (enabled && paymentMethod.isEmpty()) {
            throw new IllegalArgumentException("an enabled auto-charge needs a payment method");
        }
    }

    public static boolean isValidThreshold(long micros) {
        return micros >= MIN_THRESHOLD_MICROS && micros <= MAX_THRESHOLD_MICROS && micros % MICROS_PER_CENT == 0;
    }

    public static boolean isValidAmount(long micros) {
        return micros >= MIN_AMOUNT_MICROS && micros <= MAX_AMOUNT_MICROS && micros % MICROS_PER_CENT == 0;
    }
}
