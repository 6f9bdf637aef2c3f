package dev.smsbilling.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiResponseTest {

    record Rate(String country, long destinationRateMicros, Object savings) {
    }

    @Test
    void wrapsDataAndWritesThePayload2Response() throws IOException {
        ApiResponse response = ApiResponse.data(200, List.of(new Rate("GB", 40_000, null)));

        JsonNode written = write(response);
        assertThat(written.get("statusCode").intValue()).isEqualTo(200);
        assertThat(written.get("headers").get("Content-Type").textValue()).isEqualTo("application/json; charset=utf-8");
        assertThat(written.get("isBase64Encoded").booleanValue()).isFalse();
        assertThat(written.get("body").textValue())
                .isEqualTo("{\"data\":[{\"country\":\"GB\",\"destinationRateMicros\":40000,\"savings\":null}]}");
    }

    @Test
    void writesExactlyTheFourMembers() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ApiResponse.of(202, Map.of("Idempotent-Replayed", "true"), "{\"data\":{}}").writeTo(out);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"statusCode\":202,\"headers\":{\"Idempotent-Replayed\":\"true\"},"
                + "\"body\":\"{\\\"data\\\":{}}\",\"isBase64Encoded\":false}");
    }

    @Test
    void keepsNonAsciiTextIntact() throws IOException {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("text", "Grüße \uD83D\uDCE6 \u00A0");

        JsonNode body = Events.MAPPER.readTree(write(ApiResponse.data(202, data)).get("body").textValue());
        assertThat(body.get("data").get("text").textValue()).isEqualTo("Grüße \uD83D\uDCE6 \u00A0");
    }

    @Test
    void anUnpairedSurrogateIsWrittenAsAnEscapeNotAsBrokenUtf8() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ApiResponse.of(200, Map.of(), "x\uD800y").writeTo(out);

        assertThat(out.toString(StandardCharsets.UTF_8)).containsIgnoringCase("x\\ud800y").doesNotContain("\uFFFD");
    }

    @Test
    void withHeaderAddsWithoutChangingTheOriginal() {
        ApiResponse original = ApiResponse.data(200, Map.of());
        ApiResponse replayed = original.withHeader("Idempotent-Replayed", "true");

        assertThat(original.headers()).doesNotContainKey("Idempotent-Replayed");
        assertThat(replayed.headers()).containsEntry("Idempotent-Replayed", "true");
        assertThat(replayed.body()).isEqualTo(original.body());
    }

    private static JsonNode write(ApiResponse response) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        response.writeTo(out);
        return Events.MAPPER.readTree(out.toByteArray());
    }
}
