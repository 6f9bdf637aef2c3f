package dev.smsbilling.pricing.rates;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
    private static final JsonFactory JSON = new JsonFactory();

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
        // Streamed with jackson-core: a tree model would load Jackson's databind (about 0.15 s
        // of class loading) before the first message is priced.
        try (JsonParser json = JSON.createParser(in)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw invalid(origin, "must be a JSON object");
            }
            String version = null;
            String notice = "";
            String currency = null;
            Long baseMicros = null;
            Map<String, CountryRate> rates = new LinkedHashMap<>();
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                json.nextToken();
                switch (field) {
                    case "version" -> version = text(json, "version", origin);
                    case "notice" -> notice = json.currentToken() == JsonToken.VALUE_STRING ? json.getText() : "";
                    case "currency" -> currency = json.currentToken() == JsonToken.VALUE_STRING ? json.getText() : null;
                    case "baseMicros" -> baseMicros = integer(json);
                    case "rates" -> readRates(json, origin, rates);
                    default -> json.skipChildren();
                }
            }
            if (version == null) {
                throw invalid(origin, "every version must be a non-empty string");
            }
            if (!Money.CURRENCY.equals(currency)) {
                throw invalid(origin, "currency must be " + Money.CURRENCY);
            }
            if (baseMicros == null || baseMicros != Money.BASE_SEGMENT_MICROS) {
                throw invalid(origin, "baseMicros must be " + Money.BASE_SEGMENT_MICROS);
            }
            if (rates.isEmpty()) {
                throw invalid(origin, "has no rates");
            }
            return new RateTable(version, notice, rates);
        }
    }

    private static void readRates(JsonParser json, String origin, Map<String, CountryRate> rates) throws IOException {
        if (json.currentToken() != JsonToken.START_ARRAY) {
            throw invalid(origin, "rates must be a list");
        }
        Set<String> regions = PhoneNumberUtil.getInstance().getSupportedRegions();
        while (json.nextToken() == JsonToken.START_OBJECT) {
            String country = null;
            Long rate = null;
            String source = "";
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                json.nextToken();
                switch (field) {
                    case "country" -> country = text(json, "country", origin);
                    case "destinationRateMicros" -> rate = integer(json);
                    case "source" -> source = json.currentToken() == JsonToken.VALUE_STRING ? json.getText() : "";
                    default -> json.skipChildren();
                }
            }
            if (country == null) {
                throw invalid(origin, "every country must be a non-empty string");
            }
            if (!regions.contains(country)) {
                throw invalid(origin, country + " is not a region code of the numbering plan");
            }
            if (rate == null || rate < 0 || rate > MAX_RATE_MICROS) {
                throw invalid(origin, country + ": destinationRateMicros must be an integer from 0 to " + MAX_RATE_MICROS);
            }
            if (Destination.isLocalCountry(country) && rate != 0) {
                throw invalid(origin, country + " is local and has no destination rate");
            }
            if (rates.put(country, new CountryRate(country, rate, source)) != null) {
                throw invalid(origin, country + " appears twice");
            }
        }
        if (json.currentToken() != JsonToken.END_ARRAY) {
            throw invalid(origin, "every rate must be an object");
        }
    }

    /** The current value as a long if it is a JSON integer that fits one; null otherwise. */
    private static Long integer(JsonParser json) throws IOException {
        if (json.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            json.skipChildren();
            return null;
        }
        JsonParser.NumberType type = json.getNumberType();
        return type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG ? json.getLongValue() : null;
    }

    private static String text(JsonParser json, String field, String origin) throws IOException {
        if (json.currentToken() != JsonToken.VALUE_STRING || json.getText().isBlank()) {
            throw invalid(origin, "every " + field + " must be a non-empty string");
        }
        return json.getText();
    }

    private static IllegalStateException invalid(String origin, String problem) {
        return new IllegalStateException("Rate table " + origin + " is invalid: " + problem);
    }
}
