package dev.smsbilling.pricing;

/**
 * Prices in micro-dollars (1 USD = 1,000,000). Every sum and product is overflow checked: a
 * price that cannot be represented is an error, never a wrapped-around number.
 */
public final class Money {
    /** What every segment costs before the destination's rate: $0.01. */
    public static final long BASE_SEGMENT_MICROS = 10_000;
    public static final String CURRENCY = "USD";

    private Money() {
    }

    public static long perSegment(long destinationRateMicros) {
        return Math.addExact(BASE_SEGMENT_MICROS, destinationRateMicros);
    }

    public static long cost(int segments, long perSegmentMicros) {
        return Math.multiplyExact(segments, perSegmentMicros);
    }
}
