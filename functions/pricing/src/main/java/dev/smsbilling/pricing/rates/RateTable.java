package dev.smsbilling.pricing.rates;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A versioned price list: a destination rate per country, in micro-dollars per segment. */
public final class RateTable {
    private final String version;
    private final String notice;
    private final Map<String, CountryRate> byCountry;

    RateTable(String version, String notice, Map<String, CountryRate> byCountry) {
        this.version = version;
        this.notice = notice;
        this.byCountry = Collections.unmodifiableMap(new TreeMap<>(byCountry));
    }

    public String version() {
        return version;
    }

    /** What the operator says about the table (the shipped one says it is example data). */
    public String notice() {
        return notice;
    }

    public Optional<CountryRate> rate(String country) {
        return Optional.ofNullable(byCountry.get(country));
    }

    /** Every row, ordered by country code. */
    public Collection<CountryRate> rates() {
        return byCountry.values();
    }
}
