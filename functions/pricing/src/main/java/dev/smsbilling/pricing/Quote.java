package dev.smsbilling.pricing;

import java.util.List;

/**
 * What one message costs and why: the Quote object of the API, field for field.
 * {@code costMicros = segments × perSegmentMicros}; {@code perSegmentMicros = baseMicros +
 * destinationRateMicros}.
 */
public record Quote(
        String to,
        String country,
        String destination,
        String encoding,
        int segments,
        int characters,
        long baseMicros,
        long destinationRateMicros,
        long perSegmentMicros,
        long costMicros,
        String currency,
        String rateTableVersion,
        List<String> nonGsmCharacters,
        Savings savings) {

    /** A cheaper form of the same message: look-alike characters replaced by GSM-7 ones. */
    public record Savings(String content, String encoding, int segments, long costMicros) {
    }
}
