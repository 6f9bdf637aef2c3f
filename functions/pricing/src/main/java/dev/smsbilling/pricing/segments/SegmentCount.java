package dev.smsbilling.pricing.segments;

import java.util.Objects;

/**
 * How a text is billed: its encoding and the number of segments it is sent in.
 *
 * @param encoding    GSM-7 unless some character is outside the GSM 03.38 alphabet (which ones:
 *                    {@link NonGsmCharacters})
 * @param segments    the number of SMS parts, at least one
 * @param characters  the number of Unicode code points in the text (an unpaired surrogate
 *                    counts as one)
 */
public record SegmentCount(Encoding encoding, int segments, int characters) {

    public SegmentCount {
        Objects.requireNonNull(encoding, "encoding");
    }
}
