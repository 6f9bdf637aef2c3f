package dev.smsbilling.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class JsonBodyTest {

    @Test
    void parsesAnObjectKeepingNumbersExact() {
        ObjectNode body = JsonBody.parseObject(
                "{\"a\": 9223372036854775807, \"b\": 92233720368547758070, \"c\": 1e400, \"d\": [true, null, \"x\"]}");

        assertThat(body.get("a").longValue()).isEqualTo(Long.MAX_VALUE);
        assertThat(body.get("b").isBigInteger()).isTrue();
        assertThat(body.get("c").isBigDecimal()).as("never a double, so never Infinity").isTrue();
        assertThat(body.get("d").size()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{", "{\"a\":", "{\"a\":1", "{\"a\":[1,", "{\"a\":\"unterminated", "{a:1}", "{'a':1}", "{\"a\":01}",
        "{\"a\":1,}", "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":-}", "{\"a\":tru}", "{\"a\":\"\\x\"}",
        "{\"a\":\"tab\there\"}", "{\"a\" 1}", "{\"a\":1}}", "{\"a\":1} x", "{\"a\":1}{}", "{\"a\":1} []",
        "{} // comment", "\uFEFF{}",
    })
    void malformedOrTruncatedJsonIs400(String body) {
        assertInvalid(body);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\t "})
    void anEmptyBodyIs400(String body) {
        assertThatThrownBy(() -> JsonBody.parseObject(body))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).contains("empty"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{\"content\":\"hi\"}]", "\"text\"", "42", "true", "null"})
    void aTopLevelValueThatIsNotAnObjectIs400(String body) {
        assertThatThrownBy(() -> JsonBody.parseObject(body))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).contains("must be a JSON object"));
    }

    @Test
    void trailingContentIs400() {
        assertThatThrownBy(() -> JsonBody.parseObject("{\"a\":1} {\"a\":2}"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).contains("after the JSON object"));
    }

    @Test
    void duplicateKeysAreFieldErrorsAtTheirPaths() {
        assertThatThrownBy(() -> JsonBody.parseObject("{\"content\":\"a\",\"to\":[{\"x\":1,\"x\":2}],\"content\":\"b\"}"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::path, FieldError::message)
                        .containsExactly(tuple("to[0].x", "appears more than once"), tuple("content", "appears more than once")));
    }

    @Test
    void nestingUpToTheLimitIsAccepted() {
        String body = "{\"a\":" + "[".repeat(JsonBody.MAX_DEPTH - 1) + "]".repeat(JsonBody.MAX_DEPTH - 1) + "}";
        assertThat(JsonBody.parseObject(body)).isNotNull();
    }

    @Test
    void nestingOneDeeperThanTheLimitIs400() {
        String body = "{\"a\":" + "[".repeat(JsonBody.MAX_DEPTH) + "]".repeat(JsonBody.MAX_DEPTH) + "}";
        assertThatThrownBy(() -> JsonBody.parseObject(body))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).contains("nested too deeply"));
    }

    @Test
    void aHundredThousandOpenBracketsIs400NotAStackOverflow() {
        assertInvalid("{\"a\":" + "[".repeat(100_000));
        assertInvalid("{\"a\":" + "{\"a\":".repeat(100_000));
        assertInvalid("[".repeat(100_000));
    }

    @Test
    void escapedLoneSurrogatesAreFieldErrorsAtEveryPath() {
        String body = "{\"content\":\"hi \\ud800\",\"to\":[\"ok\",\"\\udc00\"],\"a\":{\"b\":\"\\ud83d\\ude00 then \\ud83d\"},"
                + "\"fine\":\"\\ud83d\\ude00\"}";

        assertThatThrownBy(() -> JsonBody.parseObject(body))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
                    assertThat(e.errors()).extracting(FieldError::path).containsExactly("content", "to[1]", "a.b");
                    assertThat(e.errors()).allSatisfy(error -> assertThat(error.message()).contains("surrogate"));
                });
    }

    @Test
    void aLoneSurrogateInAFieldNameIs400() {
        // Jackson refuses the escaped form itself; the raw form reaches our own check.
        assertInvalid("{\"a\\ud800\":1}");
        assertThatThrownBy(() -> JsonBody.parseObject("{\"a\uD800\":1}"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::path).containsExactly("a\uFFFD"));
    }

    @Test
    void rawLoneSurrogatesInTheTextAreCaughtToo() {
        assertThatThrownBy(() -> JsonBody.parseObject("{\"content\":\"\uDFFF\"}"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::path).containsExactly("content"));
    }

    @Test
    void validSurrogatePairsPass() {
        assertThat(JsonBody.parseObject("{\"content\":\"\\ud83d\\udce6 \uD83D\uDCE6\"}").get("content").textValue())
                .isEqualTo("\uD83D\uDCE6 \uD83D\uDCE6");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e400", "-1e400", "1e-400", "1e2147483647", "123456789012345678901234567890"})
    void extremeNumbersParseWithoutFailing(String number) {
        assertThat(JsonBody.parseObject("{\"n\":" + number + "}").get("n").isNumber()).isTrue();
    }

    @Test
    void extremeExponentsAre400NotA500() {
        for (String number : new String[] {"1e99999999999", "1e-99999999999", "1e-2147483648"}) {
            try {
                JsonBody.parseObject("{\"n\":" + number + "}");
            } catch (ApiException e) {
                assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
            }
        }
    }

    @Test
    void aNumberLongerThanTheParserAllowsIs400() {
        assertInvalid("{\"n\":" + "9".repeat(5000) + "}");
    }

    @Test
    void theParserMessageIsNotEchoed() {
        assertThatThrownBy(() -> JsonBody.parseObject("{\"secret-text\": nope}"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getMessage()).doesNotContain("secret-text").doesNotContain("nope");
                    assertThat(e.getMessage()).contains("line 1");
                });
    }

    private static void assertInvalid(String body) {
        assertThatThrownBy(() -> JsonBody.parseObject(body))
                .as(body.length() > 60 ? body.substring(0, 60) : body)
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
    }
}
