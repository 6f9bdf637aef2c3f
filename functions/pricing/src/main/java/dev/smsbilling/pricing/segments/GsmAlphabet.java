package dev.smsbilling.pricing.segments;

/**
 * The GSM 03.38 default alphabet (3GPP TS 23.038) and its extension table, as septets per
 * character: one for the basic table, two for the extension table (escape plus character).
 */
final class GsmAlphabet {

    /** The basic table in septet order; the escape septet (0x1B) has no character of its own. */
    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    /** Reached through the escape septet, so each costs two septets. Form feed is one of them. */
    private static final String EXTENSION = "\f^{}\\[~]|€";

    private static final char ESCAPE = '\u001b';

    /** Septets by character; the highest GSM character is the euro sign. */
    private static final byte[] SEPTETS = new byte['€' + 1];

    static {
        for (char c : BASIC.toCharArray()) {
            if (c != ESCAPE) {
                SEPTETS[c] = 1;
            }
        }
        for (char c : EXTENSION.toCharArray()) {
            SEPTETS[c] = 2;
        }
    }

    private GsmAlphabet() {
    }

    /** Septets that {@code c} costs in GSM-7, or 0 when GSM-7 cannot carry it. */
    static int septets(char c) {
        return c < SEPTETS.length ? SEPTETS[c] : 0;
    }

    static boolean contains(char c) {
        return septets(c) != 0;
    }
}
