package dev.smsbilling.pricing.rates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.smsbilling.pricing.Money;
import dev.smsbilling.pricing.destination.Destination;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Loads the rate table: the operator's file when {@value #OVERRIDE_VARIABLE} names one, else the
 * example table shipped in this jar. A table that could misprice is refused at load time
 * (unknown country, duplicate, negative or absurd rate, a local country with a surcharge,
 * a base price other than ours), so a bad price list fails a deployment, not a customer.
 */
public final class RateTableLoader {
    public static final String OVERRIDE_VARIABLE = "SMS_RATE_TABLE_FILE";
    static final String BUNDLED = "rate-table.json";
    /** $100 a segment: far above any real rate, low enough that 10 segments cannot overflow a long. */
    static final long MAX_RATE_MICROS = 100_000_000;

    private RateTableLoader() {
    }

    public static RateTable load(Map<String, String> environment) {
        String override = environment.get(OVERRIDE_VARIABLE);
        if (override != null && !override.isBlank()) {
            Path file = Path.of(override);
            try (InputStream in = Files.newInputStream(file)) {
                return parse(in, file.toString());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the rate table " + file, e);
            }
        }
        return bundled();
    }

    public static RateTable bundled() {
        try (InputStream in = RateTableLoader.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLED + " is missing from the pricing jar");
            }
            return parse(in, BUNDLED);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUNDLED, e);
        }
    }

    static RateTable parse(InputStream in, String origin) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        String version = text(root, "version", origin);
        if (!root.path("currency").asText().equals(Money.CURRENCY)) {
            throw invalid(origin, "currency must be " + Money.CURRENCY);
        }
        if (!root.path("baseMicros").canConvertToExactIntegral() || root.path("baseMicros").asLong() != Money.BASE_SEGMENT_MICROS) {
            throw invalid(origin, "baseMicros must be " + Money.BASE_SEGMENT_MICROS);
        }
        Set<String> regions = PhoneNumberUtil.getInstance().getSupportedRegions();
        Map<String, CountryRate> rates = new LinkedHashMap<>();
        for (JsonNode row : root.path("rates")) {
            String country = text(row, "country", origin);
            JsonNode rate = row.path("destinationRateMicros");
            if (!regions.contains(country)) {
                throw invalid(origin, country + " is not a region code of the numbering plan");
            }
            if (!rate.isIntegralNumber() || !rate.canConvertToLong() || rate.asLong() < 0 || rate.asLong() > MAX_RATE_MICROS) {
                throw invalid(origin, country + ": destinationRateMicros must be an integer from 0 to " + MAX_RATE_MICROS);
            }
            if (Destination.isLocalCountry(country) && rate.asLong() != 0) {
                throw invalid(origin, country + " is local and has no destination rate");
            }
            if (rates.put(country, new CountryRate(country, rate.asLong(), row.path("source").asText(""))) != null) {
                throw invalid(origin, country + " appears twice");
            }
        }
        if (rates.isEmpty()) {
            throw invalid(origin, "has no rates");
        }
        return new RateTable(version, root.path("notice").asText(""), rates);
    }

    private static String text(JsonNode node, String field, String origin) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw invalid(origin, "every " + field + " must be a non-empty string");
        }
        return value.asText();
    }

    private static IllegalStateException invalid(String origin, String problem) {
        return new IllegalStateException("Rate table " + origin + " is invalid: " + problem);
    }
}
