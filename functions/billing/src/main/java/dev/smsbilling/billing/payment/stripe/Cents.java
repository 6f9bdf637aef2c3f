package dev.smsbilling.billing.payment.stripe;

/**
 * Micro-dollars to and from the cents a card processor charges in. Integer arithmetic only: a
 * double would turn some amounts into a cent more or less, and an amount that is not a whole
 * number of cents cannot be charged at all, so it is refused rather than rounded.
 */
final class Cents {
    static final long MICROS_PER_CENT = 10_000;

    private Cents() {
    }

    public static long fromMicros(long micros) {
        if (micros % MICROS_PER_CENT != 0) {
            throw new IllegalArgumentException("not a whole number of cents: " + micros + " micro-dollars");
        }
        return micros / MICROS_PER_CENT;
    }

    public static long toMicros(long cents) {
        return Math.multiplyExact(cents, MICROS_PER_CENT);
    }
}
