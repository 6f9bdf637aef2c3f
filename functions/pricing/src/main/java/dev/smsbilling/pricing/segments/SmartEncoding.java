package dev.smsbilling.pricing.segments;

import java.util.Arrays;
import java.util.List;

/**
 * Twilio's "Smart Encoding": look-alike characters (curly quotes, dashes, the ellipsis, odd
 * spaces, fullwidth forms, ...) replaced by GSM characters, with the very table Twilio's
 * calculator uses. Like Twilio, a replacement may be longer than what it replaces (a tab
 * becomes seven spaces, a no-break space two), so the result is not always cheaper: compare
 * the counts before offering it.
 */
public final class SmartEncoding {

    private static final int NONE = -1;
    /** For every BMP character (every key is one), the index of its replacement, or NONE: one load per character. */
    private static final short[] REPLACEMENT_INDEX = new short[Character.MAX_VALUE + 1];
    private static final String[] REPLACEMENTS;

    static {
        List<String[]> rows = UnicodeDataFile.read("smart-encoding.txt");
        Arrays.fill(REPLACEMENT_INDEX, (short) NONE);
        REPLACEMENTS = new String[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            REPLACEMENT_INDEX[UnicodeDataFile.hex(row[0])] = (short) i;
            StringBuilder replacement = new StringBuilder();
            for (String codePoint : row[1].split("\\s+")) {
                if (!codePoint.isEmpty()) {
                    replacement.appendCodePoint(UnicodeDataFile.hex(codePoint));
                }
            }
            REPLACEMENTS[i] = replacement.toString();
        }
    }

    private SmartEncoding() {
    }

    /** The replaced text; the same String instance when nothing would change. */
    public static String replace(String text) {
        int first = firstReplaceable(text);
        if (first < 0) {
            return text;
        }
        StringBuilder replaced = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            int index = REPLACEMENT_INDEX[c];
            if (index != NONE) {
                replaced.append(REPLACEMENTS[index]);
            } else {
                replaced.append(c);
            }
        }
        return replaced.toString();
    }

    // No key is a surrogate, so going char by char replaces exactly what going code point by
    // code point would.
    private static int firstReplaceable(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (REPLACEMENT_INDEX[text.charAt(i)] != NONE) {
                return i;
            }
        }
        return -1;
    }
}
