package dev.smsbilling.system.fuzz;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/** The raw material of hostile requests: values as JSON text, strings, numbers, phone numbers, keys. */
final class Hostile {
    /** What the API documents as the shape of a recipient; anything else is a 400 before pricing. */
    static final Pattern E164 = Pattern.compile("\\+[0-9]{8,15}");

    /** Numbers no money field accepts: out of range, out of a long, fractional, negative or zero. */
    static final List<String> BAD_MONEY = List.of("1e400", "-1e400", "9223372036854775808", "-9223372036854775809",
            "9223372036854775807", "-9223372036854775808", "18446744073709551616", "1" + "0".repeat(40), "0", "-0", "-1",
            "-5000000", "1", "0.5", "1.5", "5000000.0", "5000000.5", "5e6", "5E+6", "2.5e7", "1e-7", "-0.0",
            "4999999", "5000000001", "5000010000000", "25000001");

    /** Wrong JSON types for a field that wants a string. */
    static final List<String> NOT_STRINGS = List.of("0", "-1", "1.5", "1e400", "true", "false", "[]", "{}", "[\"a\"]",
            "{\"a\":1}", "9223372036854775808", "[null]");

    /** Wrong JSON types for a field that wants an integer. */
    static final List<String> NOT_INTEGERS = List.of("\"5000000\"", "\"\"", "\"1e400\"", "true", "false", "[]", "{}",
            "[5000000]", "{\"amount\":5000000}", "\"NaN\"", "\"Infinity\"");

    /** Wrong JSON types for a field that wants a boolean. */
    static final List<String> NOT_BOOLEANS = List.of("\"true\"", "1", "0", "\"yes\"", "[]", "{}", "[true]", "\"\"");

    /** Recipients: fictional (+1 555-01xx, Ofcom's drama range), malformed, too short or long, letters, full-width. */
    static final List<String> PHONES = List.of("+15550100", "+12025550123", "+12025550199", "+447700900000",
            "+447700900999", "+447700900123", "+1555", "+1234567", "+1234567890123456", "+12345678901234567890",
            "14155552671", "+1 415-555-2671", "+1(415)5552671", "+1415555267a", "+ABCDEFGHIJK", "+\uFF11\uFF14\uFF11\uFF15\uFF15\uFF15\uFF12\uFF16\uFF17\uFF11",
            "\uFF0B14155552671", "+", "", " ", "+0000000000", "+999999999999", "+14155552671\u0000", "+14155552671 ",
            " +14155552671", "+\u0661\u0664\u0661\u0665\u0665\u0665\u0662\u0666\u0667\u0661", "+1415555\u00B2671", "+44 7400 123456",
            "tel:+14155552671", "+881234567890", "+80012345678", "+2", "+99912345678");

    private static final String SAFE = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,!?-";

    private Hostile() {
    }

    /** A JSON string literal; unpaired surrogates are written as escapes, the only way JSON text can carry them. */
    static String quote(String text) {
        String quoted = new String(JsonStringEncoder.getInstance().quoteAsString(text));
        StringBuilder out = new StringBuilder(quoted.length() + 2).append('"');
        for (int i = 0; i < quoted.length(); i++) {
            char c = quoted.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < quoted.length() && Character.isLowSurrogate(quoted.charAt(i + 1));
            if (paired) {
                out.append(c).append(quoted.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    static String ascii(SplittableRandom random, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(SAFE.charAt(random.nextInt(SAFE.length())));
        }
        return out.toString();
    }

    /** Printable ASCII without spaces: looks like a key, so it costs the authorizer a lookup. */
    static String token(SplittableRandom random, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append((char) (0x21 + random.nextInt(0x7E - 0x21 + 1)));
        }
        return out.toString();
    }

    /** Sendable text: a visible character, no forbidden controls, 1..limit code points, some of them outside GSM-7. */
    static String content(SplittableRandom random, int maxCodePoints) {
        int length = 1 + random.nextInt(maxCodePoints);
        StringBuilder out = new StringBuilder();
        out.append('x');
        String[] extras = {"\u20AC", "\u00E9", "\u2019", "\u2014", "\uD83D\uDE00", "\u4F60", "{", "^", "\n", "\t", "e\u0301",
                "\uD83D\uDC4D\uD83C\uDFFD", "\u00A0"};
        // Counted in code points, as the rule is: some extras are two code points long.
        for (int codePoints = 1; codePoints < length; ) {
            String next = random.nextInt(20) == 0 ? pick(random, List.of(extras)) : String.valueOf(SAFE.charAt(random.nextInt(SAFE.length())));
            int size = next.codePointCount(0, next.length());
            if (codePoints + size > maxCodePoints) {
                next = String.valueOf(SAFE.charAt(random.nextInt(SAFE.length())));
                size = 1;
            }
            out.append(next);
            codePoints += size;
        }
        return out.toString();
    }

    /** Text that breaks the content rule, with the rule it breaks being certain. */
    static String badContent(SplittableRandom random) {
        return switch (random.nextInt(9)) {
            case 0 -> "";
            case 1 -> " ".repeat(1 + random.nextInt(20));
            case 2 -> "a".repeat(1601);
            case 3 -> "\uD83D\uDE00".repeat(1601); // 1601 code points, 3202 chars
            case 4 -> "x".repeat(random.nextInt(100)) + "\uD800" + "y";
            case 5 -> "x" + "\uDC00";
            case 6 -> "x" + (char) (1 + random.nextInt(8)) + "y"; // C0 controls other than tab, LF, FF, CR
            case 7 -> "x\u007Fy";
            default -> "x\u0085y";
        };
    }

    /** Over a socket, no control characters: the JDK's HTTP server parses those before the gateway sees them. */
    static String badIdempotencyKey(SplittableRandom random, boolean overHttp) {
        return switch (random.nextInt(overHttp ? 4 : 7)) {
            case 0 -> "";
            case 1 -> "k".repeat(256);
            case 2 -> "k".repeat(256 + random.nextInt(2000));
            case 3 -> "caf\u00C3\u00A9-" + random.nextInt(1000); // é as its UTF-8 bytes
            case 4 -> "key\u0001" + random.nextInt(1000);
            case 5 -> "\u00FF\u00FE";
            default -> "tab\tinside" + random.nextInt(1000);
        };
    }

    /** Authorization values that cannot be any account's key. */
    static String badAuthorization(SplittableRandom random, String realKey) {
        return switch (random.nextInt(12)) {
            case 0 -> "Bearer";
            case 1 -> "Bearer ";
            case 2 -> "Basic dXNlcjpwYXNz";
            case 3 -> realKey + "x";
            case 4 -> realKey.substring(0, realKey.length() - 1);
            case 5 -> realKey.toUpperCase(java.util.Locale.ROOT);
            case 6 -> "key_" + token(random, 32);
            case 7 -> token(random, 1 + random.nextInt(300));
            case 8 -> "Bearer " + "k".repeat(2000);
            case 9 -> "key_\u00C3\u00A9" + token(random, 10);
            case 10 -> "Bearer Bearer " + realKey;
            default -> realKey + ":" + realKey;
        };
    }
}
