package dev.smsbilling.billing.store;

import java.util.Objects;

/**
 * The priced message a debit pays for, as the pricing jar quoted it. The store does not price;
 * it only refuses a quote whose total disagrees with its parts, so a ledger line always adds up.
 */
public record MessageCharge(String to, String from, int segments, String country, long perSegmentMicros,
                            String encoding, long costMicros, String rateTableVersion) {
    public MessageCharge {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(rateTableVersion, "rateTableVersion");
        if (segments <= 0 || perSegmentMicros <= 0) {
            throw new IllegalArgumentException("segments and perSegmentMicros must be positive");
        }
        if (costMicros != Math.multiplyExact(segments, perSegmentMicros)) {
            throw new IllegalArgumentException("costMicros " + costMicros + " is not segments x perSegmentMicros");
        }
    }
}
