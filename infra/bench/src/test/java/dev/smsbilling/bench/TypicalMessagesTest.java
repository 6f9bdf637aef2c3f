package dev.smsbilling.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smsbilling.pricing.Pricer;
import dev.smsbilling.pricing.batch.CampaignPricer;
import dev.smsbilling.pricing.rates.RateTableLoader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The benchmarks measure what they say: the inputs have the stated sizes and price without errors. */
class TypicalMessagesTest {
    private final Pricer pricer = new Pricer(RateTableLoader.bundled());

    @ParameterizedTest
    @CsvSource({"20, false, GSM-7", "160, false, GSM-7", "400, true, UCS-2", "1600, true, UCS-2"})
    void textsHaveTheLengthAndEncodingTheBenchmarkNames(int length, boolean ucs2, String encoding) {
        var quote = pricer.quote(TypicalMessages.text(length, ucs2), "+447400123456");

        assertThat(quote.characters()).isEqualTo(length);
        assertThat(quote.encoding()).isEqualTo(encoding);
    }

    @Test
    void theCampaignIsValidAndTheSameOnEveryRun() throws IOException {
        String campaign = IntStream.range(0, 2_000).mapToObj(i -> TypicalMessages.campaignLine(42, i))
                .collect(Collectors.joining("\n"));

        var summary = new CampaignPricer(pricer).run(
                new ByteArrayInputStream(campaign.getBytes(StandardCharsets.UTF_8)), OutputStream.nullOutputStream());

        assertThat(summary.messages()).isEqualTo(2_000);
        assertThat(summary.errors()).isZero();
        assertThat(TypicalMessages.campaignLine(42, 7)).isEqualTo(TypicalMessages.campaignLine(42, 7));
    }
}
