package dev.smsbilling.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class ValidationTest {

    @Test
    void readsWellTypedFields() {
        ObjectNode body = JsonBody.parseObject("{\"s\":\"x\",\"n\":-25000000,\"b\":false,\"nul\":null}");
        Validation v = new Validation();

        assertThat(v.requiredString(body.get("s"), "s")).isEqualTo("x");
        assertThat(v.requiredLong(body.get("n"), "n")).isEqualTo(-25_000_000L);
        assertThat(v.requiredBoolean(body.get("b"), "b")).isFalse();
        assertThat(v.optionalString(body.get("absent"), "absent")).isNull();
        assertThat(v.optionalString(body.get("nul"), "nul")).as("null means absent").isNull();
        assertThat(v.optionalLong(body.get("nul"), "nul")).isNull();
        assertThat(v.optionalBoolean(body.get("absent"), "absent")).isNull();
        assertThat(v.hasErrors()).isFalse();
        v.throwIfInvalid();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1.0                  | whole number",
        "1.5                  | whole number",
        "1e3                  | whole number",
        "1E+3                 | whole number",
        "-0.0                 | whole number",
        "1e400                | whole number",
        "9223372036854775808  | out of range",
        "-9223372036854775809 | out of range",
        "'\"25000000\"'       | not a string",
        "true                 | not a boolean",
        "null                 | not null",
        "[1]                  | not an array",
        "{}                   | not an object",
    })
    void refusesAnythingButAnExactLong(String json, String why) {
        Validation v = new Validation();
        ObjectNode body = JsonBody.parseObject("{\"amountMicros\":" + json + "}");

        assertThat(v.requiredLong(body.get("amountMicros"), "amountMicros")).isNull();
        assertThat(v.errors()).singleElement().satisfies(error -> {
            assertThat(error.path()).isEqualTo("amountMicros");
            assertThat(error.message()).contains(why.equals("not a string") ? "not a string" : why);
        });
    }

    @Test
    void acceptsTheEdgesOfLong() {
        ObjectNode body = JsonBody.parseObject("{\"max\":9223372036854775807,\"min\":-9223372036854775808,\"zero\":-0}");
        Validation v = new Validation();

        assertThat(v.requiredLong(body.get("max"), "max")).isEqualTo(Long.MAX_VALUE);
        assertThat(v.requiredLong(body.get("min"), "min")).isEqualTo(Long.MIN_VALUE);
        assertThat(v.requiredLong(body.get("zero"), "zero")).isZero();
        assertThat(v.hasErrors()).isFalse();
    }

    @Test
    void collectsEveryErrorAndThrowsOnce() {
        ObjectNode body = JsonBody.parseObject("{\"s\":1,\"b\":\"yes\"}");
        Validation v = new Validation();
        v.requiredString(body.get("s"), "s");
        v.requiredBoolean(body.get("b"), "b");
        v.requiredLong(body.get("n"), "n");
        v.reject("to[0]", "must be an E.164 number");

        assertThatThrownBy(v::throwIfInvalid)
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
                    assertThat(e.errors()).extracting(FieldError::path, FieldError::message).containsExactly(
                            tuple("s", "must be a string, not a number"),
                            tuple("b", "must be true or false, not a string"),
                            tuple("n", "is required"),
                            tuple("to[0]", "must be an E.164 number"));
                });
    }
}
