package dev.smsbilling.pricing.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RateTableLoaderTest {

    @Test
    void theBundledTableIsVersionedExampleDataWithAtLeastFortyCountries() {
        RateTable table = RateTableLoader.bundled();

        assertThat(table.version()).isEqualTo("2026-11-01");
        assertThat(table.notice()).startsWith("EXAMPLE DATA");
        assertThat(table.rates()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(table.rates()).allSatisfy(rate -> assertThat(rate.source()).isNotBlank());
        assertThat(table.rate("GB")).get().extracting(CountryRate::perSegmentMicros).isEqualTo(50_000L);
        assertThat(table.rate("US")).get().extracting(CountryRate::destinationRateMicros).isEqualTo(0L);
        assertThat(table.rate("CA")).get().extracting(CountryRate::destinationRateMicros).isEqualTo(0L);
        assertThat(table.rates()).extracting(CountryRate::country).isSorted();
    }

    @Test
    void anOperatorFileReplacesTheBundledTable(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("rates.json");
        Files.writeString(file, table("\"2027-01-01\"", "{\"country\": \"GB\", \"destinationRateMicros\": 12345}"));

        RateTable table = RateTableLoader.load(Map.of(RateTableLoader.OVERRIDE_VARIABLE, file.toString()));

        assertThat(table.version()).isEqualTo("2027-01-01");
        assertThat(table.rates()).extracting(CountryRate::country).containsExactly("GB");
        assertThat(table.rate("GB")).get().extracting(CountryRate::destinationRateMicros).isEqualTo(12_345L);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"country\": \"XX\", \"destinationRateMicros\": 1}",
        "{\"country\": \"GB\", \"destinationRateMicros\": -1}",
        "{\"country\": \"GB\", \"destinationRateMicros\": 0.5}",
        "{\"country\": \"GB\", \"destinationRateMicros\": \"40000\"}",
        "{\"country\": \"GB\", \"destinationRateMicros\": 100000001}",
        "{\"country\": \"GB\", \"destinationRateMicros\": 99999999999999999999}",
        "{\"country\": \"US\", \"destinationRateMicros\": 10}",
        "{\"country\": \"GB\", \"destinationRateMicros\": 1}, {\"country\": \"GB\", \"destinationRateMicros\": 2}",
        "{\"destinationRateMicros\": 1}",
    })
    void aTableThatCouldMispriceIsRefusedAtLoad(String rows) {
        assertThatThrownBy(() -> parse(table("\"v1\"", rows)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Rate table test is invalid");
    }

    @Test
    void aTableWithAnotherBasePriceOrCurrencyIsRefused() {
        String row = "{\"country\": \"GB\", \"destinationRateMicros\": 1}";
        assertThatThrownBy(() -> parse(table("\"v1\"", row).replace("\"USD\"", "\"EUR\"")))
                .hasMessageContaining("currency");
        assertThatThrownBy(() -> parse(table("\"v1\"", row).replace("10000", "20000")))
                .hasMessageContaining("baseMicros");
    }

    private static RateTable parse(String json) throws IOException {
        return RateTableLoader.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test");
    }

    private static String table(String version, String rows) {
        return "{\"version\": " + version + ", \"currency\": \"USD\", \"baseMicros\": 10000, \"rates\": [" + rows + "]}";
    }
}
