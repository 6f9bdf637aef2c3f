package dev.smsbilling.pricing.segments;

import java.util.List;
import java.util.Objects;

/**
 * How a text is billed: its encoding and the number of segments it is sent in.
 *
 * @param encoding          GSM-7 unless some character is outside the GSM 03.38 alphabet
 * @param segments          the number of SMS parts, at least one
 * @param characters        the number of Unicode code points in the text (an unpaired surrogate
 *                          counts as one)
 * @param nonGsmCharacters  the characters that forced UCS-2, once each, in order of first
 *                          appearance; empty for GSM-7. Each is a whole grapheme cluster (as
 *                          Twilio's calculator splits them), because that is what a user sees
 *                          and can delete: "e" plus a combining accent is listed as one "é",
 *                          not as a lone accent
 */
public record SegmentCount(Encoding encoding, int segments, int characters, List<String> nonGsmCharacters) {

    public SegmentCount {
        Objects.requireNonNull(encoding, "encoding");
        nonGsmCharacters = List.copyOf(nonGsmCharacters);
    }
}
