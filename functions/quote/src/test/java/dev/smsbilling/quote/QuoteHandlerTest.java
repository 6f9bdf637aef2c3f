package dev.smsbilling.quote;

import static dev.smsbilling.http.testing.FunctionCall.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smsbilling.pricing.Pricer;
import dev.smsbilling.pricing.rates.RateTableLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The quote function driven by the repository's sample events, as Lambda would call it. */
class QuoteHandlerTest {
    private final QuoteHandler handler = new QuoteHandler(new Pricer(RateTableLoader.bundled()));

    @Test
    void theSampleQuoteEventIsAnswered() {
        var response = event("quote.json").invoke(handler);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers()).containsEntry("Content-Type", "application/json; charset=utf-8");
        var quote = response.data();
        assertThat(quote.path("to").asText()).isEqualTo("+447400123456");
        assertThat(quote.path("country").asText()).isEqualTo("GB");
        assertThat(quote.path("destination").asText()).isEqualTo("international");
        assertThat(quote.path("encoding").asText()).isEqualTo("UCS-2"); // the em dash
        assertThat(quote.path("nonGsmCharacters").toString()).isEqualTo("[\"—\"]");
        assertThat(quote.path("segments").asInt()).isEqualTo(1);
        assertThat(quote.path("perSegmentMicros").asLong()).isEqualTo(50_000);
        assertThat(quote.path("costMicros").asLong()).isEqualTo(50_000);
        assertThat(quote.path("currency").asText()).isEqualTo("USD");
        assertThat(quote.path("rateTableVersion").asText()).isEqualTo("2026-11-01");
        assertThat(quote.has("savings")).isTrue();
        assertThat(quote.path("savings").isNull()).as("one segment either way: nothing to save").isTrue();
    }

    @Test
    void aQuoteOffersTheCheaperGsmRewriteWithoutApplyingIt() {
        String content = "“Your code is ready” — reply STOP to opt out. " + "x".repeat(40);

        var quote = event("quote.json")
                .body("{\"content\": \"" + content + "\", \"to\": [\"+447400123456\"]}")
                .invoke(handler).data();

        assertThat(quote.path("segments").asInt()).isEqualTo(2);
        assertThat(quote.path("costMicros").asLong()).isEqualTo(100_000);
        assertThat(quote.path("savings").path("encoding").asText()).isEqualTo("GSM-7");
        assertThat(quote.path("savings").path("segments").asInt()).isEqualTo(1);
        assertThat(quote.path("savings").path("costMicros").asLong()).isEqualTo(50_000);
        assertThat(quote.path("savings").path("content").asText()).startsWith("\"Your code is ready\" - reply");
    }

    @Test
    void theSampleRatesEventAnswersOneCountry() {
        var response = event("rates.json").invoke(handler);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.data().path("version").asText()).isEqualTo("2026-11-01");
        assertThat(response.data().path("baseMicros").asLong()).isEqualTo(10_000);
        assertThat(response.data().path("rates").toString())
                .isEqualTo("[{\"country\":\"GB\",\"destinationRateMicros\":40000,\"perSegmentMicros\":50000}]");
    }

    @Test
    void theWholeTableIsPublished() {
        var rates = event("rates.json").query("country", null).invoke(handler).data().path("rates");

        assertThat(rates.size()).isGreaterThanOrEqualTo(40);
        assertThat(rates.findValuesAsText("country")).contains("US", "CA", "GB", "JM");
    }

    @Test
    void aCountryWithoutARateIsNotFoundInTheTable() {
        var response = event("rates.json").query("country", "RU").invoke(handler);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("not_found");
    }

    @Test
    void aDestinationWithoutARateIsUnprocessable() {
        var response = event("quote.json").body("{\"content\": \"Hi\", \"to\": [\"+79123456789\"]}").invoke(handler);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("destination_not_supported");
        assertThat(response.json().path("country").asText()).isEqualTo("RU");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "+14155550123",   // fictional
        "+1415555",       // too short
        "+447700900123",  // not a valid UK number
        "+80012345678",   // non-geographic
    })
    void anInvalidRecipientIsABadRequestNamingTheField(String to) {
        var response = event("quote.json").body("{\"content\": \"Hi\", \"to\": [\"" + to + "\"]}").invoke(handler);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("invalid_request");
        assertThat(response.json().path("errors").get(0).path("path").asText()).isEqualTo("to[0]");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "{", "[]", "null", "{\"content\": 5, \"to\": [\"+14155552671\"]}",
        "{\"content\": \"Hi\", \"to\": \"+14155552671\"}",
        "{\"content\": \"Hi\", \"to\": [\"+14155552671\", \"+14155552672\"]}",
        "{\"content\": \"\\ud800\", \"to\": [\"+14155552671\"]}",
        "{\"content\": \"   \", \"to\": [\"+14155552671\"]}",
    })
    void malformedBodiesAreBadRequestsInTheEnvelope(String body) {
        var response = event("quote.json").body(body).invoke(handler);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("invalid_request");
        assertThat(response.json().path("title").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at dev.");
    }

    @Test
    void mediaIsRefusedAsMms() {
        var response = event("quote.json")
                .body("{\"content\": \"Hi\", \"to\": [\"+14155552671\"], \"mediaUrls\": [\"https://example.com/a.png\"]}")
                .invoke(handler);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("mms_not_supported");
    }

    @Test
    void withoutTheAuthorizersAccountNothingIsAnswered() {
        var response = event("quote.json").account(null).invoke(handler);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("unauthorized");
    }

    @Test
    void anUnknownRouteIsNotFound() {
        var response = event("rates.json").route("DELETE", "/v1/pricing/rates").invoke(handler);

        assertThat(response.status()).isEqualTo(404);
    }
}
