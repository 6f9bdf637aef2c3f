package dev.smsbilling.pricing;

/**
 * What a message's text must be to be priced or sent:
 * <ul>
 *   <li>1 to {@value #MAX_CODE_POINTS} characters counted as Unicode code points (an emoji
 *       outside the BMP counts once, as the contract says);</li>
 *   <li>at least one visible character: whitespace, space separators (no-break space and the
 *       like) and invisible format characters (zero-width space, joiners) do not count, since
 *       a message of only those would be charged and arrive blank;</li>
 *   <li>no control characters but tab, line feed, carriage return and form feed (the last is
 *       in GSM-7's extension table): the others have no place in an SMS;</li>
 *   <li>well-formed UTF-16: a lone surrogate has no encoding on any carrier.</li>
 * </ul>
 */
public final class MessageContent {
    public static final int MAX_CODE_POINTS = 1600;

    private MessageContent() {
    }

    /** Returns the number of code points of a valid text; throws {@link PricingException} otherwise. */
    public static int validate(String content) {
        String problem = problem(content);
        if (problem != null) {
            throw new PricingException("content", problem);
        }
        return content.codePointCount(0, content.length());
    }

    /** Why the text cannot be sent, phrased to follow the field's name; null when it can. */
    public static String problem(String content) {
        if (content == null || content.isEmpty()) {
            return "must not be empty";
        }
        int codePoints = 0;
        boolean visible = false;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (c > ' ' && c < '\u007f') { // printable ASCII, most of most texts: visible, never a control
                visible = true;
            } else if (c != ' ') {
                int codePoint = c;
                if (Character.isHighSurrogate(c) && i + 1 < content.length() && Character.isLowSurrogate(content.charAt(i + 1))) {
                    codePoint = Character.toCodePoint(c, content.charAt(++i));
                } else if (Character.isSurrogate(c)) {
                    return "must be well-formed text: it contains a lone surrogate (invalid UTF-16) at character " + codePoints;
                }
                if (isForbiddenControl(codePoint)) {
                    return String.format("must not contain control character U+%04X (at character %d); only tab, "
                            + "line feed, carriage return and form feed are allowed", codePoint, codePoints);
                }
                visible = visible || isVisible(codePoint);
            }
            if (++codePoints > MAX_CODE_POINTS) {
                return "must be at most " + MAX_CODE_POINTS + " characters (counted as Unicode code points)";
            }
        }
        return visible ? null : "must contain at least one character that is not a space";
    }

    private static boolean isForbiddenControl(int c) {
        return Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r' && c != '\f';
    }

    private static boolean isVisible(int c) {
        int type = Character.getType(c);
        return !Character.isWhitespace(c) && !Character.isSpaceChar(c) && type != Character.FORMAT && type != Character.CONTROL;
    }
}
