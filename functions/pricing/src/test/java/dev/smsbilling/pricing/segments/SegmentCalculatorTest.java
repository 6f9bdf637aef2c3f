package dev.smsbilling.pricing.segments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SegmentCalculatorTest {

    private static final String GSM_LETTER = "a";
    private static final String UCS_2_LETTER = "я";

    private static SegmentCount count(String text) {
        return SegmentCalculator.count(text);
    }

    private static int clusters(String text) {
        int[] clusters = {0};
        GraphemeClusters.forEach(text, (start, end) -> clusters[0]++);
        return clusters[0];
    }

    private static String times(int n, String piece) {
        return piece.repeat(n);
    }

    @ParameterizedTest(name = "{0} GSM letters take {1} segments")
    @CsvSource({"1,1", "160,1", "161,2", "306,2", "307,3", "459,3", "460,4", "612,4", "613,5", "765,5",
        "766,6", "918,6", "919,7", "1071,7", "1072,8", "1224,8", "1225,9", "1377,9", "1378,10", "1530,10",
        "1531,11", "1600,11"})
    void gsmTextFitsIn160SeptetsThen153PerPart(int letters, int segments) {
        assertThat(count(times(letters, GSM_LETTER)))
                .isEqualTo(new SegmentCount(Encoding.GSM_7, segments, letters));
    }

    @ParameterizedTest(name = "{0} UCS-2 letters take {1} segments")
    @CsvSource({"1,1", "70,1", "71,2", "134,2", "135,3", "201,3", "202,4", "268,4", "269,5", "670,10",
        "671,11", "1541,23", "1542,24", "1600,24"})
    void ucs2TextFitsIn70UnitsThen67PerPart(int letters, int segments) {
        SegmentCount count = count(times(letters, UCS_2_LETTER));
        assertThat(count.encoding()).isEqualTo(Encoding.UCS_2);
        assertThat(count.segments()).isEqualTo(segments);
        assertThat(NonGsmCharacters.of(times(letters, UCS_2_LETTER))).containsExactly(UCS_2_LETTER);
    }

    /**
     * The one place where we differ from Twilio's calculator on purpose: a cluster longer than a
     * part cannot be sent in one, so it is split between code points, never inside a pair.
     */
    @Test
    void aClusterLongerThanAPartIsSplitBetweenCodePointsAsACarrierMustSendIt() {
        String family = "\uD83D\uDC68"; // MAN, a surrogate pair
        String zwjSequence = family + ("\u200D" + family).repeat(533); // one cluster of 1,601 units
        assertThat(clusters(zwjSequence)).isEqualTo(1);
        assertThat(count(zwjSequence).segments()).as("1,601 units, 67 a part, pairs kept whole").isEqualTo(25);

        String marked = "a" + "\u0301".repeat(1599); // one letter with 1,599 combining acute accents
        assertThat(clusters(marked)).isEqualTo(1);
        assertThat(count(marked)).isEqualTo(new SegmentCount(Encoding.UCS_2, 24, 1600));

        // 59 letters and a cluster of 101 units: 160 units, three parts (Twilio's calculator says two).
        assertThat(count(times(60, "a") + "\u0301".repeat(100)).segments()).isEqualTo(3);
        // A cluster that fits a part still moves whole: 65 letters, a 3-unit cluster, 66 letters.
        assertThat(count(times(65, UCS_2_LETTER) + "e\u0301\u0301" + times(66, UCS_2_LETTER)).segments()).isEqualTo(3);
    }

    @Test
    void anExtensionCharacterThatWouldEndAPartBetweenItsEscapeAndItselfMovesWhole() {
        // 152 + 2 septets would overflow the 153 of part one, so the euro opens part two.
        assertThat(count(times(152, "a") + "€" + times(152, "a")).segments()).isEqualTo(3);
        assertThat(count(times(151, "a") + "€" + times(152, "a")).segments()).isEqualTo(2);
    }

    @ParameterizedTest(name = "\"{0}\" costs two septets")
    @ValueSource(strings = {"^", "{", "}", "\\", "[", "~", "]", "|", "€", "\f"})
    void everyExtensionCharacterCostsTwoSeptets(String extension) {
        assertThat(count(times(158, "a") + extension)).extracting(SegmentCount::encoding, SegmentCount::segments)
                .containsExactly(Encoding.GSM_7, 1);
        assertThat(count(times(159, "a") + extension).segments()).isEqualTo(2);
        assertThat(count(times(80, extension)).segments()).isEqualTo(1);
        assertThat(count(times(81, extension)).segments()).isEqualTo(2);
    }

    @ParameterizedTest(name = "\"{0}\" costs one unit in UCS-2")
    @ValueSource(strings = {"^", "{", "€", "\f", "a", "@"})
    void inUcs2EveryGsmCharacterCostsOneUnitExtensionOnesIncluded(String gsm) {
        assertThat(count(times(69, UCS_2_LETTER) + gsm).segments()).isEqualTo(1);
        assertThat(count(times(70, UCS_2_LETTER) + gsm).segments()).isEqualTo(2);
    }

    @Test
    void anEmojiStraddlingThe67thUnitMovesWholeToTheNextPart() {
        assertThat(count(times(65, UCS_2_LETTER) + "😀" + times(67, UCS_2_LETTER)).segments()).isEqualTo(2);
        assertThat(count(times(66, UCS_2_LETTER) + "😀" + times(67, UCS_2_LETTER)).segments()).isEqualTo(3);
        assertThat(count(times(66, UCS_2_LETTER) + "😀" + times(10, UCS_2_LETTER)).segments()).isEqualTo(2);
    }

    @Test
    void aGraphemeClusterNeverStraddlesTwoParts() {
        String family = "👨‍👩‍👧‍👦"; // eleven UTF-16 units, one cluster
        assertThat(count(times(60, UCS_2_LETTER) + family + times(60, UCS_2_LETTER)).segments()).isEqualTo(3);
        assertThat(count(times(56, UCS_2_LETTER) + family + times(67, UCS_2_LETTER)).segments()).isEqualTo(2);
    }

    @Test
    void aSingleSegmentMessageDoesNotSplitUnitsBeforeItOverflows() {
        assertThat(count(times(68, UCS_2_LETTER) + "😀").segments()).isEqualTo(1);
        assertThat(count(times(69, UCS_2_LETTER) + "😀").segments()).isEqualTo(2);
    }

    @Test
    void crlfIsTwoCharacters() {
        assertThat(count(times(79, "a") + "\r\n" + times(79, "a")))
                .isEqualTo(new SegmentCount(Encoding.GSM_7, 1, 160));
        assertThat(count(times(79, "a") + "\r\n" + times(80, "a")).segments()).isEqualTo(2);
        assertThat(count(times(34, UCS_2_LETTER) + "\r\n" + times(34, UCS_2_LETTER)).segments()).isEqualTo(1);
        assertThat(count(times(34, UCS_2_LETTER) + "\r\n" + times(35, UCS_2_LETTER)).segments()).isEqualTo(2);
        // Split apart, CR and LF may end up in different parts.
        assertThat(count(times(66, UCS_2_LETTER) + "\r\n" + times(66, UCS_2_LETTER)).segments()).isEqualTo(2);
    }

    @Test
    void charactersCountCodePointsNotUnitsNorClusters() {
        assertThat(count("😀").characters()).isEqualTo(1);
        assertThat(count("👍🏽").characters()).isEqualTo(2);
        assertThat(count("e\u0301").characters()).isEqualTo(2);
        assertThat(count("a\r\nb").characters()).isEqualTo(4);
    }

    @Test
    void nonGsmCharactersAreWholeClustersOnceEachInOrderOfAppearance() {
        String text = "Héllo 😀 wörld 😀 ñ e\u0301 👍🏽 é\r\n";
        assertThat(count(text).encoding()).isEqualTo(Encoding.UCS_2);
        assertThat(NonGsmCharacters.of(text)).containsExactly("😀", "e\u0301", "👍🏽");
        assertThat(NonGsmCharacters.of("Hello ñ €\r\n")).isEmpty();
    }

    @Test
    void theResultListCannotBeChanged() {
        List<String> nonGsm = NonGsmCharacters.of("😀");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> nonGsm.add("x"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void charactersJavaWouldMisreadAreStillGsm() {
        // Carriers' alphabet, not Latin-1: the grave accent and the cedilla'd small c are not in it.
        assertThat(count("`").encoding()).isEqualTo(Encoding.UCS_2);
        assertThat(count("ç").encoding()).isEqualTo(Encoding.UCS_2);
        assertThat(count("Ç").encoding()).isEqualTo(Encoding.GSM_7);
        assertThat(count("\t").encoding()).isEqualTo(Encoding.UCS_2);
    }

    @Test
    void unpairedSurrogatesCountAsOneUnitEachAndNeverThrow() {
        assertThat(count("\ud800")).isEqualTo(new SegmentCount(Encoding.UCS_2, 1, 1));
        assertThat(NonGsmCharacters.of("\ud800")).containsExactly("\ud800");
        assertThat(count("a\udc00\ud800").characters()).isEqualTo(3);
        assertThat(count(times(70, "\udc00")).segments()).isEqualTo(1);
        assertThat(count("").segments()).isEqualTo(1);
    }

}
