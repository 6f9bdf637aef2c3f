package dev.smsbilling.quote;

import dev.smsbilling.http.ApiException;
import dev.smsbilling.http.ApiResponse;
import dev.smsbilling.http.ErrorCode;
import dev.smsbilling.pricing.Money;
import dev.smsbilling.pricing.rates.CountryRate;
import dev.smsbilling.pricing.rates.RateTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The published rate table as the API shows it. The whole-table answer never changes while an
 * instance lives, so it is rendered once.
 */
final class RatesResponse {
    private final RateTable table;
    private final ApiResponse everything;

    RatesResponse(RateTable table) {
        this.table = table;
        this.everything = ApiResponse.data(200, document(table.rates()));
    }

    ApiResponse answer(String country) {
        if (country == null) {
            return everything;
        }
        CountryRate rate = table.rate(country.toUpperCase(java.util.Locale.ROOT))
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "The rate table has no price for that country."));
        return ApiResponse.data(200, document(List.of(rate)));
    }

    private Map<String, Object> document(Iterable<CountryRate> rates) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CountryRate rate : rates) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("country", rate.country());
            row.put("destinationRateMicros", rate.destinationRateMicros());
            row.put("perSegmentMicros", rate.perSegmentMicros());
            rows.add(row);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("version", table.version());
        document.put("currency", Money.CURRENCY);
        document.put("baseMicros", Money.BASE_SEGMENT_MICROS);
        document.put("rates", rows);
        return document;
    }
}
