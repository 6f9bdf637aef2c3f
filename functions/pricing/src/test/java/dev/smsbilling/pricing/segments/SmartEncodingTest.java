package dev.smsbilling.pricing.segments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmartEncodingTest {

    @ParameterizedTest(name = "{0}: {1} becomes {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "curly double quotes  | “Hi” «there»      | \"Hi\" \"there\"",
        "curly single quotes  | it’s ‘ok’ ‛x      | it's 'ok' 'x",
        "dashes               | a–b—c‐d―e         | a-b-c-d-e",
        "ellipsis             | wait…             | wait...",
        "bullet               | •item             | -item",
        "fullwidth forms      | ＡＢＣ１２３！    | ABC123!",
        "small capitals       | ᴀʙᴄ               | ABC",
        "fractions            | ½ ¼ ¾             | 1/2 1/4 3/4",
        "double exclamation   | wow‼              | wow!!",
        "angle quotes         | ‹a›               | <a>",
    })
    void replacesLookAlikesByGsmCharacters(String family, String text, String expected) {
        assertThat(SmartEncoding.replace(text)).isEqualTo(expected);
        assertThat(SegmentCalculator.count(SmartEncoding.replace(text)).encoding()).isEqualTo(Encoding.GSM_7);
    }

    @Test
    void oddSpacesBecomeSpacesAndInvisibleCharactersGo() {
        assertThat(SmartEncoding.replace("a\u2009b")).isEqualTo("a  b");   // thin space: two, as Twilio
        assertThat(SmartEncoding.replace("a\u00a0b")).isEqualTo("a  b");   // no-break space: two
        assertThat(SmartEncoding.replace("a\u2001b")).isEqualTo("a b");
        assertThat(SmartEncoding.replace("a\u2028b")).isEqualTo("a b");
        assertThat(SmartEncoding.replace("a\tb")).isEqualTo("a       b");   // seven spaces
        assertThat(SmartEncoding.replace("a\u200b\u200c\u2060\ufeffb")).isEqualTo("ab");
    }

    @Test
    void returnsTheSameInstanceWhenNothingChanges() {
        String text = "Plain GSM text, with € and {braces}; 😀 and я are left alone.";
        assertThat(SmartEncoding.replace(text)).isSameAs(text);
    }

    @Test
    void leavesSurrogatePairsAndUnpairedSurrogatesAlone() {
        assertThat(SmartEncoding.replace("😀“\ud800")).isEqualTo("😀\"\ud800");
    }

    @Test
    void canCostMoreThanTheOriginalLikeTwiliosOwn() {
        // 23 tabs are one UCS-2 segment; as 161 spaces they are two GSM-7 segments.
        String tabs = "\t".repeat(23);
        assertThat(SegmentCalculator.count(tabs).segments()).isEqualTo(1);
        assertThat(SegmentCalculator.count(SmartEncoding.replace(tabs)).segments()).isEqualTo(2);
        // A text that stays UCS-2 only grows when a no-break space becomes two spaces.
        String spaced = "😀" + "\u00a0".repeat(40);
        assertThat(SegmentCalculator.count(spaced).segments()).isEqualTo(1);
        assertThat(SegmentCalculator.count(SmartEncoding.replace(spaced)).segments()).isEqualTo(2);
    }
}
