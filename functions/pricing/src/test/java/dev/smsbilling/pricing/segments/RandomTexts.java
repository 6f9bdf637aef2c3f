package dev.smsbilling.pricing.segments;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded random texts for the property tests: GSM-only, mixed, and Smart Encoding ones. */
final class RandomTexts {

    static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    static final String GSM_EXTENSION = "\f^{}\\[~]|€";

    /** Pieces that exercise encodings and cluster rules: letters, marks, emoji and their glue. */
    private static final String[] MIXED = {
        "a", "Z", " ", "€", "{", "\r\n", "\n", "\r", "\f", "я", "中", "é", "ç", "`", "\t",
        "\u0301", "\u0308", "\u200d", "\ufe0f", "\u200b", "\u00ad", "\u0600", "\u0903",
        "😀", "👍", "🏽", "👩", "❤", "🚀", "🇺", "🇸", "👨‍👩‍👧", "1️⃣",
        "\u1100", "\u1161", "\u11a8", "\uac00", "\uac01", "\ud800", "\udc00", "“", "’", "…", "\u00a0",
    };

    private final SplittableRandom random;

    RandomTexts(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A length that lands near a part boundary more often than chance would. */
    int length() {
        int[] boundaries = {67, 70, 134, 153, 160, 201, 306};
        return random.nextInt(4) == 0
                ? 1 + random.nextInt(400)
                : Math.max(1, boundaries[random.nextInt(boundaries.length)] + random.nextInt(7) - 3);
    }

    String gsm(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            String alphabet = random.nextInt(5) == 0 ? GSM_EXTENSION : GSM_BASIC;
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    String mixed(int pieces) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            text.append(random.nextInt(3) == 0 ? MIXED[random.nextInt(MIXED.length)] : "a");
        }
        return text.toString();
    }

    /** Any chars at all, unpaired surrogates included. */
    String anyChars(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) random.nextInt(0x10000));
        }
        return text.toString();
    }

    /** Text from {@code pool} and the mixed pieces, leaving out pieces that Smart Encoding lengthens. */
    String from(List<String> pool, int pieces) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            String piece = random.nextBoolean() ? pool.get(random.nextInt(pool.size())) : MIXED[random.nextInt(MIXED.length)];
            if (SmartEncoding.replace(piece).length() <= piece.length()) {
                text.append(piece);
            }
        }
        return text.toString();
    }

    /** The Smart Encoding keys that become at most one character (no tab, no doubled space). */
    static List<String> smartKeysReplacedByAtMostOneCharacter() {
        List<String> keys = new ArrayList<>();
        for (String[] row : UnicodeDataFile.read("smart-encoding.txt")) {
            if (row[1].isEmpty() || !row[1].contains(" ")) {
                keys.add(String.valueOf((char) UnicodeDataFile.hex(row[0])));
            }
        }
        return keys;
    }
}
