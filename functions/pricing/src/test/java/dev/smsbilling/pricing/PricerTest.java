package dev.smsbilling.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smsbilling.pricing.rates.RateTableLoader;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PricerTest {
    private static final long GB_RATE = 40_000;
    private final Pricer pricer = new Pricer(RateTableLoader.bundled());

    @Test
    void theApiExampleTwoGsmSegmentsToBritain() {
        Quote quote = pricer.quote("a".repeat(170), "+447400123456");

        assertThat(quote).isEqualTo(new Quote("+447400123456", "GB", "international", "GSM-7", 2, 170,
                10_000, GB_RATE, 50_000, 100_000, "USD", "2026-11-01", java.util.List.of(), null));
    }

    @Test
    void localMessagesCostTheBaseOnly() {
        Quote us = pricer.quote("Hello from the API", "+14155552671");
        Quote ca = pricer.quote("Hello from the API", "+14165551234");

        assertThat(us.costMicros()).isEqualTo(10_000);
        assertThat(us.destination()).isEqualTo("local");
        assertThat(ca.country()).isEqualTo("CA");
        assertThat(ca.costMicros()).isEqualTo(10_000);
    }

    @Test
    void jamaicaIsInternationalThoughItDialsPlusOne() {
        Quote quote = pricer.quote("Hi", "+18762345678");

        assertThat(quote.destination()).isEqualTo("international");
        assertThat(quote.destinationRateMicros()).isEqualTo(50_000);
        assertThat(quote.costMicros()).isEqualTo(60_000);
    }

    @Test
    void aCountryWithoutARateIsNotSupported() {
        assertThatThrownBy(() -> pricer.quote("Hi", "+79123456789")) // Russia: not in the example table
                .isInstanceOf(DestinationNotSupported.class)
                .extracting(e -> ((DestinationNotSupported) e).country()).isEqualTo("RU");
    }

    @Test
    void oneNonGsmCharacterSwitchesToUcs2AndIsNamed() {
        Quote quote = pricer.quote("Price: 5€ — thanks 😀 😀", "+14155552671");

        assertThat(quote.encoding()).isEqualTo("UCS-2");
        assertThat(quote.nonGsmCharacters()).containsExactly("—", "😀");
    }

    @Test
    void savingsAreOfferedOnlyWhenTheyAreStrictlyCheaper() {
        String curly = "“Your code is ready” — reply STOP to opt out. " + "x".repeat(40); // 86 characters: 2 UCS-2 parts, 1 GSM-7 part
        Quote quote = pricer.quote(curly, "+447400123456");

        assertThat(quote.segments()).isEqualTo(2);
        assertThat(quote.savings()).isNotNull();
        assertThat(quote.savings().content()).startsWith("\"Your code is ready\" - reply");
        assertThat(quote.savings().encoding()).isEqualTo("GSM-7");
        assertThat(quote.savings().segments()).isEqualTo(1);
        assertThat(quote.savings().costMicros()).isEqualTo(50_000);

        assertThat(pricer.quote("“short”", "+447400123456").savings())
                .as("one UCS-2 segment and one GSM-7 segment cost the same: no savings").isNull();
        assertThat(pricer.quote("plain text", "+447400123456").savings()).isNull();
        assertThat(pricer.quote("日本語 “quoted”", "+447400123456").savings())
                .as("still UCS-2 after replacement").isNull();
    }

    @ParameterizedTest
    @MethodSource("randomMessages")
    void costIsAlwaysSegmentsTimesThePerSegmentPrice(String content) {
        Quote quote = pricer.quote(content, "+4915123456789");

        assertThat(quote.costMicros()).isEqualTo(quote.segments() * quote.perSegmentMicros());
        assertThat(quote.perSegmentMicros()).isEqualTo(quote.baseMicros() + quote.destinationRateMicros());
        if (quote.savings() != null) {
            assertThat(quote.savings().costMicros()).isLessThan(quote.costMicros());
        }
    }

    private static IntStream randomSeeds() {
        return IntStream.range(0, 500);
    }

    static java.util.stream.Stream<String> randomMessages() {
        String alphabet = "abcXYZ 019,.!?@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞ^{}\\[~]|€“”‘’–—…\u00A0日本😀👍🏽🇬🇧";
        int[] codePoints = alphabet.codePoints().toArray();
        return randomSeeds().mapToObj(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            int length = 1 + random.nextInt(400);
            StringBuilder text = new StringBuilder("x");
            for (int i = 1; i < length; i++) {
                text.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
            }
            return text.toString();
        });
    }
}
