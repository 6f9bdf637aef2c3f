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
        assertAllAgree(vector -> {
            SegmentCount count = SegmentCalculator.count(vector.text());
            return count.encoding().label().equals(vector.encoding()) && count.segments() == vector.segments()
                    ? null : count.encoding().label() + "/" + count.segments()
                    + " where Twilio says " + vector.encoding() + "/" + vector.segments();
        });
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
            SegmentCount count = SegmentCalculator.count(SmartEncoding.replace(vector.text()));
            return count.encoding().label().equals(vector.smartEncoding()) && count.segments() == vector.smartSegments()
                    ? null : count.encoding().label() + "/" + count.segments()
                    + " where Twilio says " + vector.smartEncoding() + "/" + vector.smartSegments();
        });
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
