package dev.smsbilling.http;

/** Facts about Java strings that Jackson and the JDK let slip: unpaired surrogates. */
final class Utf16 {

    /** Returned by {@link #utf8Length} for a string that has no UTF-8 form. */
    static final long NOT_ENCODABLE = -1;

    private Utf16() {
    }

    /** The index of the first unpaired surrogate, or -1 when the string is valid Unicode. */
    static int firstLoneSurrogate(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    static boolean hasLoneSurrogate(CharSequence s) {
        return firstLoneSurrogate(s) >= 0;
    }

    /** The number of bytes of the string in UTF-8, counted without encoding it. */
    static long utf8Length(CharSequence s) {
        long bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                return NOT_ENCODABLE;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** The string with each unpaired surrogate replaced by U+FFFD, so it can be shown safely. */
    static String printable(String s) {
        if (!hasLoneSurrogate(s)) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else {
                out.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }
}
