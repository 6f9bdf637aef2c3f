package dev.smsbilling.pricing.destination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smsbilling.pricing.PricingException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DestinationParserTest {
    private final DestinationParser parser = new DestinationParser();

    @ParameterizedTest
    @CsvSource({
        "+14155552671, US, local",
        "+14165551234, CA, local",
        "+16135551234, CA, local",
        "+18762345678, JM, international", // +1 but Jamaica
        "+18095551234, DO, international",
        "+17872345678, PR, international",
        "+447400123456, GB, international",
        "+33612345678, FR, international",
        "+4915123456789, DE, international",
    })
    void theCountryIsTheNumbersRegion(String to, String country, String kind) {
        Destination destination = parser.parse(to);

        assertThat(destination.country()).isEqualTo(country);
        assertThat(destination.kind()).isEqualTo(kind);
        assertThat(destination.e164()).isEqualTo(to);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "14155552671",          // no plus
        "+1 415 555 2671",      // spaces: not E.164
        "+1-415-555-2671",
        "+1415555267",          // too short for the plan
        "+1415555267100000",    // too long
        "+10000000000",
        "+999123",              // no such country code
        "+",
        "+0441234567",
        "+4407400123456",       // national trunk 0 after the country code
        "+447700900123",        // UK drama range: not a valid number
        "+882123456789",        // non-geographic, invalid
        "+80012345678",         // non-geographic: no country to price
        "+14155550100",         // NANP fiction range 555-0100..0199
        "+12125550199",
        "+1４１５５５５２６７１",   // full-width digits
        "+1415555267\uD800",
        "tel:+14155552671",
    })
    void anythingButAValidE164NumberOfACountryIsTheSendersError(String to) {
        assertThatThrownBy(() -> parser.parse(to))
                .isInstanceOf(PricingException.class)
                .satisfies(e -> assertThat(((PricingException) e).field()).isEqualTo("to"));
    }

    @org.junit.jupiter.api.Test
    void theErrorNeverEchoesTheInput() {
        String huge = "+1" + "9".repeat(100_000);

        assertThatThrownBy(() -> parser.parse(huge)).hasMessageNotContaining("999999");
    }
}
