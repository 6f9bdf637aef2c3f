package dev.smsbilling.pricing.segments;

/**
 * Counts the SMS segments a text is sent in, agreeing with Twilio's public segment calculator
 * (npm {@code sms-segments-calculator} 1.3.0) on encoding and segment count for every input.
 *
 * <p>GSM-7 when every character is in the GSM 03.38 alphabet (extension characters cost two
 * septets), else UCS-2, where every UTF-16 code unit costs one unit, GSM characters included.
 * A part holds 160 septets or 70 units alone, 153 or 67 once the message is split; a grapheme
 * cluster (and so an escape pair or a surrogate pair) never straddles two parts, unless it is
 * longer than a whole part: then it is split between code points, as a carrier must (the one
 * place where we differ from Twilio's calculator, see {@code addByCodePoint}). CR LF counts as
 * two characters, as it does for Twilio.
 *
 * <p>One pass over the text while it is all GSM-7 (most messages), a second, with grapheme
 * breaking, only for the rest; nothing is allocated per character. Which characters forced UCS-2
 * is a question of its own, {@link NonGsmCharacters}, because a campaign priced in bulk never
 * asks it.
 */
public final class SegmentCalculator {

    private SegmentCalculator() {
    }

    /** Never throws on a non-null text; an unpaired surrogate counts as one UCS-2 unit. */
    public static SegmentCount count(CharSequence text) {
        SegmentCount gsm = countAllGsm(text);
        return gsm != null ? gsm : countUcs2(text);
    }

    /**
     * Most messages are all GSM-7, and there every character is a cluster of its own, so they
     * need no grapheme breaking at all; null as soon as a character is not GSM, and the UCS-2
     * count starts over.
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
        return new SegmentCount(Encoding.GSM_7, gsm.parts(), text.length());
    }

    /**
     * A text with a character outside GSM-7: every cluster costs its UTF-16 units, and a cluster
     * never straddles two parts.
     */
    private static SegmentCount countUcs2(CharSequence text) {
        SegmentPacker ucs2 = new SegmentPacker();
        GraphemeClusters.forEach(text, (start, end) -> {
            if (GraphemeClusters.isCrLf(text, start, end)) {
                // Twilio's calculator takes CR LF apart again after grapheme splitting.
                ucs2.add(SegmentPacker.UCS_2_UNIT_BITS);
                ucs2.add(SegmentPacker.UCS_2_UNIT_BITS);
            } else if (end - start > SegmentPacker.UCS_2_UNITS_PER_CONCATENATED_PART) {
                addByCodePoint(ucs2, text, start, end);
            } else {
                ucs2.add((end - start) * SegmentPacker.UCS_2_UNIT_BITS);
            }
        });
        return new SegmentCount(Encoding.UCS_2, ucs2.parts(), Character.codePointCount(text, 0, text.length()));
    }

    /**
     * Where we part from Twilio's calculator: a cluster longer than a concatenated part (a ZWJ
     * sequence or a letter with hundreds of combining marks) cannot be kept in one part, so a
     * carrier splits it, and so do we, between code points (a surrogate pair stays whole). The
     * calculator moves it whole into one part, over-filled, and so prices a 1,600-unit cluster as
     * one segment where at least 24 are sent: an undercharge anyone could use.
     */
    private static void addByCodePoint(SegmentPacker ucs2, CharSequence text, int start, int end) {
        for (int i = start; i < end; ) {
            int units = Character.charCount(Character.codePointAt(text, i));
            ucs2.add(Math.min(units, end - i) * SegmentPacker.UCS_2_UNIT_BITS);
            i += units;
        }
    }
}
