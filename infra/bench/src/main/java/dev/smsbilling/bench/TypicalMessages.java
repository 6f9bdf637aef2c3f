package dev.smsbilling.bench;

import java.util.SplittableRandom;

/**
 * The messages the benchmarks price: typical texts of a given length and encoding, and a
 * seeded campaign mix, so every run (and the Node side) prices exactly the same input.
 */
public final class TypicalMessages {
    static final String GSM_WORDS = "Your verification code is 482913. It expires in 10 minutes. "
            + "Reply STOP to opt out, HELP for help. Order #A-1043 has shipped! Track it @ example.com/t/1043 ";
    static final String UCS2_WORDS = "📦 Votre code est 482913 — valable 10 minutes. Ihr Paket ist unterwegs "
            + "お荷物を発送しました。Ответьте СТОП для отказа. ";
    static final String[] RECIPIENTS = {"+14152342671", "+14162345678", "+447400123456", "+33612345678",
        "+4915123456789", "+18762345678", "+61412345678", "+5511912345678"};

    private TypicalMessages() {
    }

    /** A text of exactly {@code codePoints} code points, GSM-7 or (with one emoji or more) UCS-2. */
    public static String text(int codePoints, boolean ucs2) {
        String words = ucs2 ? UCS2_WORDS : GSM_WORDS;
        StringBuilder text = new StringBuilder();
        int[] source = words.codePoints().toArray();
        for (int i = 0; i < codePoints; i++) {
            text.appendCodePoint(source[i % source.length]);
        }
        return text.toString();
    }

    /** Line {@code i} of the campaign: a JSON Lines request of the batch job. */
    public static String campaignLine(long seed, int i) {
        SplittableRandom random = new SplittableRandom(seed + i);
        int length = switch (random.nextInt(4)) {
            case 0 -> 20 + random.nextInt(40);
            case 1 -> 60 + random.nextInt(100);
            case 2 -> 160 + random.nextInt(240);
            default -> 400 + random.nextInt(1200);
        };
        boolean ucs2 = random.nextInt(4) == 0;
        String to = recipient(random);
        return "{\"content\":\"" + escape(text(length, ucs2)) + "\",\"to\":\"" + to + "\"}";
    }

    /** One of the benchmark's countries, with its last four digits drawn: campaigns rarely repeat a number. */
    static String recipient(SplittableRandom random) {
        String number = RECIPIENTS[random.nextInt(RECIPIENTS.length)];
        return number.substring(0, number.length() - 4) + String.format("%04d", random.nextInt(10_000));
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
