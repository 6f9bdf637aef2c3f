package dev.smsbilling.pricing.segments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every answer of Twilio's calculator in the vector file, matched exactly. */
class VectorAgreementTest {

    private static List<SegmentVector> vectors;

    @BeforeAll
    static void readVectors() throws IOException {
        vectors = SegmentVector.readAll();
        System.out.printf("segment vectors checked: %d%n", vectors.size());
    }

    @Test
    void theFileHasThousandsOfVectors() {
        assertThat(vectors).hasSizeGreaterThan(10_000);
    }

    @Test
    void encodingAndSegmentsAgreeWithTwilio() {
        assertAllAgree(vector -> segmentsDiffer(SegmentCalculator.count(vector.text()), vector.text(),
                vector.encoding(), vector.segments()));
    }

    @Test
    void characterCountAndNonGsmCharactersAgreeWithTwilio() {
        assertAllAgree(vector -> {
            SegmentCount count = SegmentCalculator.count(vector.text());
            List<String> nonGsm = NonGsmCharacters.of(vector.text());
            return count.characters() == vector.characters() && nonGsm.equals(vector.nonGsmCharacters())
                    ? null : count.characters() + " " + nonGsm
                    + " where Twilio says " + vector.characters() + " " + vector.nonGsmCharacters();
        });
    }

    @Test
    void smartEncodedEncodingAndSegmentsAgreeWithTwilio() {
        assertAllAgree(vector -> {
            String replaced = SmartEncoding.replace(vector.text());
            return segmentsDiffer(SegmentCalculator.count(replaced), replaced, vector.smartEncoding(), vector.smartSegments());
        });
    }

    /**
     * Null when the count agrees with Twilio's. The one documented difference: a text with a
     * grapheme cluster longer than a part of a split message, which we split between code points
     * and the calculator does not, must cost at least as many segments as the calculator says.
     */
    private static String segmentsDiffer(SegmentCount count, String text, String twilioEncoding, int twilioSegments) {
        boolean agrees = count.encoding().label().equals(twilioEncoding) && (count.segments() == twilioSegments
                || (hasClusterLongerThanAPart(text) && count.segments() > twilioSegments));
        return agrees ? null : count.encoding().label() + "/" + count.segments() + " where Twilio says " + twilioEncoding + "/" + twilioSegments;
    }

    private static boolean hasClusterLongerThanAPart(String text) {
        boolean[] longCluster = {false};
        GraphemeClusters.forEach(text, (start, end) -> longCluster[0] |= end - start > SegmentPacker.UCS_2_UNITS_PER_CONCATENATED_PART);
        return longCluster[0];
    }

    private interface Disagreement {
        /** Null when the vector agrees, else what differs. */
        String of(SegmentVector vector);
    }

    private static void assertAllAgree(Disagreement disagreement) {
        List<String> failures = new ArrayList<>();
        for (SegmentVector vector : vectors) {
            String difference = disagreement.of(vector);
            if (difference != null) {
                failures.add(vector.kind() + " \"" + vector.printableText() + "\": " + difference);
            }
        }
        assertThat(failures)
                .as("%d of %d vectors disagree, first ones:%n%s", failures.size(), vectors.size(),
                        String.join("\n", failures.subList(0, Math.min(20, failures.size()))))
                .isEmpty();
    }
}
