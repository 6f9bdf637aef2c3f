package dev.smsbilling.pricing.segments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties over seeded random texts: 20 seeds of 250 cases each, reproducible from the seed. */
class SegmentPropertiesTest {

    private static final int CASES_PER_SEED = 250;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 20).map(n -> n * 0x9E3779B97F4A7C15L);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void appendingTextNeverLowersTheSegmentCount(long seed) {
        RandomTexts texts = new RandomTexts(seed);
        for (int i = 0; i < CASES_PER_SEED; i++) {
            String text = texts.mixed(texts.length());
            String longer = text + texts.mixed(1 + i % 20);
            assertThat(SegmentCalculator.count(longer).segments())
                    .as("seed %d case %d", seed, i)
                    .isGreaterThanOrEqualTo(SegmentCalculator.count(text).segments());
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void gsmOnlyTextIsNeverUcs2AndPacksSeptetsGreedily(long seed) {
        RandomTexts texts = new RandomTexts(seed);
        for (int i = 0; i < CASES_PER_SEED; i++) {
            String text = texts.gsm(texts.length());
            SegmentCount count = SegmentCalculator.count(text);
            assertThat(count.encoding()).as("seed %d case %d", seed, i).isEqualTo(Encoding.GSM_7);
            assertThat(count.segments()).as("seed %d case %d", seed, i).isEqualTo(gsmSegments(text));
            assertThat(NonGsmCharacters.of(text)).isEmpty();
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void smartEncodingNeverCostsMoreWhenEveryReplacementIsAtMostOneCharacter(long seed) {
        RandomTexts texts = new RandomTexts(seed);
        List<String> keys = RandomTexts.smartKeysReplacedByAtMostOneCharacter();
        for (int i = 0; i < CASES_PER_SEED; i++) {
            String text = texts.from(keys, texts.length() / 2 + 1);
            assertThat(SegmentCalculator.count(SmartEncoding.replace(text)).segments())
                    .as("seed %d case %d", seed, i)
                    .isLessThanOrEqualTo(SegmentCalculator.count(text).segments());
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void anyCharsAtAllAreCountedWithoutThrowing(long seed) {
        RandomTexts texts = new RandomTexts(seed);
        for (int i = 0; i < CASES_PER_SEED; i++) {
            String text = texts.anyChars(texts.length());
            SegmentCount count = SegmentCalculator.count(text);
            assertThat(count.characters()).isEqualTo(text.codePointCount(0, text.length()));
            assertThat(count.segments()).isBetween(1, text.length());
            assertThat(SmartEncoding.replace(text)).isNotNull();
        }
    }

    /** An independent model: 160 septets alone, else parts of 153 that never split an escape pair. */
    private static int gsmSegments(String text) {
        int total = 0;
        for (char c : text.toCharArray()) {
            total += RandomTexts.GSM_EXTENSION.indexOf(c) >= 0 ? 2 : 1;
        }
        if (total <= 160) {
            return 1;
        }
        int parts = 1;
        int used = 0;
        for (char c : text.toCharArray()) {
            int septets = RandomTexts.GSM_EXTENSION.indexOf(c) >= 0 ? 2 : 1;
            if (used + septets > 153) {
                parts++;
                used = 0;
            }
            used += septets;
        }
        return parts;
    }
}
