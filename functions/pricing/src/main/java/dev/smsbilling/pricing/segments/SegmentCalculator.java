package dev.smsbilling.pricing.segments;

import java.util.List;

/**
 * Counts the SMS segments a text is sent in, agreeing with Twilio's public segment calculator
 * (npm {@code sms-segments-calculator} 1.3.0) on encoding and segment count for every input.
 *
 * <p>GSM-7 when every character is in the GSM 03.38 alphabet (extension characters cost two
 * septets), else UCS-2, where every UTF-16 code unit costs one unit, GSM characters included.
 * A part holds 160 septets or 70 units alone, 153 or 67 once the message is split; a grapheme
 * cluster (and so an escape pair or a surrogate pair) never straddles two parts. CR LF counts
 * as two characters, as it does for Twilio.
 *
 * <p>One pass over the text: both encodings are packed side by side, since which one applies is
 * known only at the end; nothing is allocated per character.
 */
public final class SegmentCalculator {

    private SegmentCalculator() {
    }

    /** Never throws on a non-null text; an unpaired surrogate counts as one UCS-2 unit. */
    public static SegmentCount count(CharSequence text) {
        SegmentCount gsm = countAllGsm(text);
        return gsm != null ? gsm : new Pass(text).run();
    }

    /**
     * Most messages are all GSM-7, and there every character is a cluster of its own, so they
     * need no grapheme breaking at all; null as soon as a character is not GSM, and the full
     * pass starts over.
     */
    private static SegmentCount countAllGsm(CharSequence text) {
        SegmentPacker gsm = new SegmentPacker();
        for (int i = 0; i < text.length(); i++) {
            int septets = GsmAlphabet.septets(text.charAt(i));
            if (septets == 0) {
                return null;
            }
            gsm.add(septets * SegmentPacker.GSM_CHARACTER_BITS);
        }
        return new SegmentCount(Encoding.GSM_7, gsm.parts(), text.length(), List.of());
    }

    /** The state of one count: not shared, so the calculator is safe to call from any thread. */
    private static final class Pass {
        private final CharSequence text;
        private final GraphemeBreaker breaker = new GraphemeBreaker();
        private final SegmentPacker gsm = new SegmentPacker();
        private final SegmentPacker ucs2 = new SegmentPacker();
        private final DistinctGraphemes nonGsm;
        private boolean allGsm = true;
        private int codePoints;

        Pass(CharSequence text) {
            this.text = text;
            this.nonGsm = new DistinctGraphemes(text);
        }

        SegmentCount run() {
            int clusterStart = 0;
            for (int i = 0; i < text.length(); ) {
                int codePoint = Character.codePointAt(text, i);
                BreakProperty property = BreakPropertyTable.of(codePoint);
                if (i == 0) {
                    breaker.begin(property);
                } else if (breaker.breaksBefore(property)) {
                    cluster(clusterStart, i);
                    clusterStart = i;
                }
                if (allGsm) {
                    packGsm(codePoint);
                }
                codePoints++;
                i += Character.charCount(codePoint);
            }
            if (text.length() > 0) {
                cluster(clusterStart, text.length());
            }
            return allGsm
                    ? new SegmentCount(Encoding.GSM_7, gsm.parts(), codePoints, List.of())
                    : new SegmentCount(Encoding.UCS_2, ucs2.parts(), codePoints, nonGsm.inOrderOfAppearance());
        }

        // While the text is all GSM, every character is a cluster of its own (no GSM character
        // joins another), so GSM packing can go character by character.
        private void packGsm(int codePoint) {
            int septets = Character.isBmpCodePoint(codePoint) ? GsmAlphabet.septets((char) codePoint) : 0;
            if (septets == 0) {
                allGsm = false;
            } else {
                gsm.add(septets * SegmentPacker.GSM_CHARACTER_BITS);
            }
        }

        private void cluster(int start, int end) {
            // Twilio's calculator takes CR LF apart again after grapheme splitting.
            if (end - start == 2 && text.charAt(start) == '\r' && text.charAt(start + 1) == '\n') {
                ucs2.add(SegmentPacker.UCS_2_UNIT_BITS);
                ucs2.add(SegmentPacker.UCS_2_UNIT_BITS);
                return;
            }
            ucs2.add((end - start) * SegmentPacker.UCS_2_UNIT_BITS);
            if (end - start > 1 || !GsmAlphabet.contains(text.charAt(start))) {
                nonGsm.add(start, end);
            }
        }
    }
}
