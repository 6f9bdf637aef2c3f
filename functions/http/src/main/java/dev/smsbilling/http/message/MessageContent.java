package dev.smsbilling.http.message;

import dev.smsbilling.http.Validation;

/**
 * The rules for a message's text, checked before anything is priced.
 *
 * <ul>
 *   <li>1 to {@link #MAX_CODE_POINTS} characters counted as Unicode code points, so an emoji
 *       outside the BMP counts once, as the contract says (grapheme clusters would count a
 *       family emoji once too, but they are not what the contract names).</li>
 *   <li>At least one visible character: whitespace, space separators (no-break space and the
 *       like) and invisible format characters (zero-width space, joiners) do not count, since a
 *       message of only those would be charged and arrive blank.</li>
 *   <li>No control characters except tab, line feed and carriage return: C0 controls, DEL and
 *       C1 controls have no place in an SMS and some carriers drop or mangle the message.</li>
 * </ul>
 * Unpaired surrogates never get here: the JSON body parser already refused them.
 */
final class MessageContent {

    static final int MAX_CODE_POINTS = 1600;

    private MessageContent() {
    }

    static void check(String content, String path, Validation validation) {
        int codePoints = content.codePointCount(0, content.length());
        if (codePoints == 0) {
            validation.reject(path, "must not be empty");
            return;
        }
        if (codePoints > MAX_CODE_POINTS) {
            validation.reject(path, "must be at most " + MAX_CODE_POINTS
                    + " characters (counted as Unicode code points), not " + codePoints);
        }
        int position = 0;
        boolean visible = false;
        for (int i = 0; i < content.length(); i += Character.charCount(content.codePointAt(i)), position++) {
            int c = content.codePointAt(i);
            if (isForbiddenControl(c)) {
                validation.reject(path, String.format(
                        "must not contain control character U+%04X (at character %d); only tab, line feed and carriage return are allowed",
                        c, position));
                return;
            }
            visible |= isVisible(c);
        }
        if (!visible) {
            validation.reject(path, "must contain at least one character that is not a space");
        }
    }

    private static boolean isForbiddenControl(int c) {
        return Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r';
    }

    private static boolean isVisible(int c) {
        int type = Character.getType(c);
        return !Character.isWhitespace(c) && !Character.isSpaceChar(c)
                && type != Character.FORMAT && type != Character.CONTROL;
    }
}
