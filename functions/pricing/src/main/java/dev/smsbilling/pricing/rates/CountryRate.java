package dev.smsbilling.pricing.rates;

import dev.smsbilling.pricing.Money;

/** One row of the published rate table: what a segment to this country costs on top of the base. */
public record CountryRate(String country, long destinationRateMicros, String source) {

    public long perSegmentMicros() {
        return Money.perSegment(destinationRateMicros);
    }
}
