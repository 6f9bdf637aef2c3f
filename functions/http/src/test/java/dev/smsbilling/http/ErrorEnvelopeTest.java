package dev.smsbilling.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class ErrorEnvelopeTest {

    @Test
    void everyCodeOfTheContractWithItsStatus() {
        Map<String, Integer> table = Arrays.stream(ErrorCode.values())
                .collect(Collectors.toMap(ErrorCode::code, ErrorCode::status));

        assertThat(table).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                entry("invalid_request", 400), entry("mms_not_supported", 400), entry("unauthorized", 401),
                entry("insufficient_funds", 402), entry("payment_declined", 402),
                entry("subscription_inactive", 403), entry("not_found", 404), entry("method_not_allowed", 405),
                entry("request_in_progress", 409), entry("payload_too_large", 413),
                entry("destination_not_supported", 422), entry("idempotency_key_reused", 422),
                entry("rate_limited", 429), entry("internal_error", 500), entry("payment_unavailable", 503),
                entry("account_busy", 503), entry("outcome_unknown", 503)));
        assertThat(ErrorCode.INSUFFICIENT_FUNDS.title()).isEqualTo("Not Enough Credits");
    }

    @Test
    void theEnvelopeExactlyWithFieldErrors() {
        ApiResponse response = ErrorEnvelope.toResponse(ApiException.invalid("The request body is not valid.",
                List.of(new FieldError("to[0]", "must be an E.164 number"))));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers()).containsEntry("Content-Type", "application/json; charset=utf-8");
        assertThat(response.body()).isEqualTo("{\"message\":\"The request body is not valid.\",\"code\":\"invalid_request\","
                + "\"status\":400,\"title\":\"Invalid Request\",\"errors\":[{\"path\":\"to[0]\",\"message\":\"must be an E.164 number\"}]}");
    }

    @Test
    void noErrorsMemberWithoutFieldErrorsAndExtrasAtTheTop() throws IOException {
        ApiResponse response = ErrorEnvelope.toResponse(new ApiException(ErrorCode.INSUFFICIENT_FUNDS)
                .withExtra("balanceMicros", 5_000L).withExtra("costMicros", 100_000L));

        JsonNode body = Events.MAPPER.readTree(response.body());
        assertThat(response.status()).isEqualTo(402);
        assertThat(body.has("errors")).isFalse();
        assertThat(body.get("code").textValue()).isEqualTo("insufficient_funds");
        assertThat(body.get("title").textValue()).isEqualTo("Not Enough Credits");
        assertThat(body.get("message").textValue())
                .isEqualTo("The account does not have enough prepaid credit to send this message.");
        assertThat(body.get("balanceMicros").isIntegralNumber()).isTrue();
        assertThat(body.get("balanceMicros").longValue()).isEqualTo(5_000L);
        assertThat(body.get("costMicros").longValue()).isEqualTo(100_000L);
    }

    @Test
    void methodNotAllowedCarriesAllow() {
        ApiResponse response = ErrorEnvelope.toResponse(ApiException.methodNotAllowed("GET", "PUT"));

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.headers()).containsEntry("Allow", "GET, PUT");
        assertThat(response.body()).contains("\"code\":\"method_not_allowed\"");
    }

    @Test
    void extrasCannotOverwriteTheEnvelope() {
        ApiException e = new ApiException(ErrorCode.NOT_FOUND);
        for (String name : List.of("message", "code", "status", "title", "errors")) {
            assertThatThrownBy(() -> e.withExtra(name, "x")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void anApiExceptionHasNoStackTrace() {
        assertThat(new ApiException(ErrorCode.NOT_FOUND).getStackTrace()).isEmpty();
    }

    @Test
    void theInternalErrorSaysNothingSpecific() throws IOException {
        JsonNode body = Events.MAPPER.readTree(ErrorEnvelope.internalError().body());

        assertThat(body.get("status").intValue()).isEqualTo(500);
        assertThat(body.get("code").textValue()).isEqualTo("internal_error");
        assertThat(body.get("message").textValue()).doesNotContain("Exception");
    }
}
