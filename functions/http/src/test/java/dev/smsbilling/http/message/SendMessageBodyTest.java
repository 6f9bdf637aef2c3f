package dev.smsbilling.http.message;

import dev.smsbilling.http.ApiException;
import dev.smsbilling.http.ErrorCode;
import dev.smsbilling.http.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SendMessageBodyTest {

    private static final String EMOJI = "\uD83D\uDE00";

    @Test
    void readsOpenPhonesSendBody() {
        SendMessageBody body = SendMessageBody.forSend("{\"content\":\"Hello\",\"from\":\"+14155550100\","
                + "\"to\":[\"+447400123456\"],\"userId\":\"USu5AsEHuQ\",\"setInboxStatus\":\"done\",\"unknown\":{\"x\":1}}");

        assertThat(body).isEqualTo(new SendMessageBody("Hello", "+14155550100", "+447400123456", "USu5AsEHuQ", "done"));
        assertThat(body.toList()).containsExactly("+447400123456");
    }

    @Test
    void fromMayBeAPhoneNumberId() {
        assertThat(SendMessageBody.forSend("{\"content\":\"Hi\",\"from\":\"PNa1B2c3\",\"to\":[\"+14155550101\"]}").from())
                .isEqualTo("PNa1B2c3");
    }

    @Test
    void fromIsRequiredToSendButNotToQuote() {
        String body = "{\"content\":\"Hi\",\"to\":[\"+14155550101\"]}";

        assertThat(SendMessageBody.forQuote(body).from()).isNull();
        assertFieldErrors(() -> SendMessageBody.forSend(body), "from");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"media\":[\"https://example.com/a.png\"]", "\"mediaUrls\":[]", "\"attachments\":null",
        "\"media\":{}", "\"mediaUrls\":\"https://example.com/a.png\""})
    void anyMediaFieldIsMmsNotSupported(String media) {
        String body = "{\"content\":\"Hi\",\"from\":\"+14155550100\",\"to\":[\"+14155550101\"]," + media + "}";

        assertThatThrownBy(() -> SendMessageBody.forSend(body))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.MMS_NOT_SUPPORTED);
                    assertThat(e.code().status()).isEqualTo(400);
                });
    }

    @Test
    void mmsIsReportedEvenWhenOtherFieldsAreWrong() {
        assertThatThrownBy(() -> SendMessageBody.forSend("{\"mediaUrls\":[\"x\"]}"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MMS_NOT_SUPPORTED));
    }

    @Test
    void aBareStringRecipientIsExplained() {
        assertThatThrownBy(() -> SendMessageBody.forSend("{\"content\":\"Hi\",\"from\":\"+14155550100\",\"to\":\"+14155550101\"}"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors()).singleElement().satisfies(error -> {
                    assertThat(error.path()).isEqualTo("to");
                    assertThat(error.message()).contains("array").contains("not a bare string");
                }));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[\"+14155550101\",\"+14155550102\"]", "null", "{}", "5"})
    void toMustBeOneRecipient(String to) {
        assertFieldErrors(() -> SendMessageBody.forSend("{\"content\":\"Hi\",\"from\":\"+14155550100\",\"to\":" + to + "}"), "to");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"14155550101\"", "\"+1415\"", "\"+1234567890123456\"", "\"+1 415 555 0101\"", "\"+1-415-555-0101\"",
        "\"\"", "5", "null", "\"+\uFF11\uFF14\uFF11\uFF15\uFF15\uFF15\uFF10\uFF11\uFF10\uFF11\""})
    void theRecipientMustLookLikeE164(String number) {
        assertFieldErrors(() -> SendMessageBody.forSend("{\"content\":\"Hi\",\"from\":\"+14155550100\",\"to\":[" + number + "]}"), "to[0]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"+12345678\"", "\"+123456789012345\""})
    void eightToFifteenDigitsAreAccepted(String number) {
        assertThat(SendMessageBody.forQuote("{\"content\":\"Hi\",\"to\":[" + number + "]}").to()).hasSizeBetween(9, 16);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"4155550100\"", "\"PN\"", "\"PN-123\"", "\"US123\"", "5", "\"\""})
    void fromMustBeANumberOrAPhoneNumberId(String from) {
        assertFieldErrors(() -> SendMessageBody.forSend("{\"content\":\"Hi\",\"from\":" + from + ",\"to\":[\"+14155550101\"]}"), "from");
    }

    @Test
    void content1600CodePointsIsAcceptedAnd1601IsNot() {
        String ok = EMOJI.repeat(1600);
        String tooLong = EMOJI.repeat(1601);

        assertThat(SendMessageBody.forQuote(quote(ok)).content()).hasSize(3200);
        assertThatThrownBy(() -> SendMessageBody.forQuote(quote(tooLong)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors()).singleElement().satisfies(error -> {
                    assertThat(error.path()).isEqualTo("content");
                    assertThat(error.message()).contains("at most 1600");
                }));
        assertThat(SendMessageBody.forQuote(quote("a".repeat(1600))).content()).hasSize(1600);
        assertFieldErrors(() -> SendMessageBody.forQuote(quote("a".repeat(1601))), "content");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\\n\\t\\r ", "\u00A0\u2003\u3000", "\u200B\u200D", "\\u0020"})
    void contentMustHaveAVisibleCharacter(String content) {
        assertFieldErrors(() -> SendMessageBody.forQuote(quote(content)), "content");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bell\\u0007", "nul\\u0000", "esc\\u001b[31m", "del\\u007f", "c1\\u0085"})
    void controlCharactersAreRefused(String content) {
        assertThatThrownBy(() -> SendMessageBody.forQuote(quote(content)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(error -> assertThat(error.message()).contains("control character U+")));
    }

    @Test
    void tabsLineBreaksAndFormFeedsAreText() {
        assertThat(SendMessageBody.forQuote(quote("line one\\r\\nline\\ttwo\\f")).content()).isEqualTo("line one\r\nline\ttwo\f");
    }

    @Test
    void loneSurrogatesInContentAreRefused() {
        assertFieldErrors(() -> SendMessageBody.forQuote(quote("hi \\ud83d")), "content");
        assertFieldErrors(() -> SendMessageBody.forQuote(quote("\\ude00 hi")), "content");
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "true", "null", "[\"Hi\"]"})
    void contentMustBeAString(String content) {
        assertFieldErrors(() -> SendMessageBody.forQuote("{\"content\":" + content + ",\"to\":[\"+14155550101\"]}"), "content");
    }

    @Test
    void optionalFieldsAreCheckedWhenPresent() {
        assertFieldErrors(() -> SendMessageBody.forQuote("{\"content\":\"Hi\",\"to\":[\"+14155550101\"],\"setInboxStatus\":\"open\"}"),
                "setInboxStatus");
        assertFieldErrors(() -> SendMessageBody.forQuote("{\"content\":\"Hi\",\"to\":[\"+14155550101\"],\"userId\":7}"), "userId");
        assertThat(SendMessageBody.forQuote("{\"content\":\"Hi\",\"to\":[\"+14155550101\"],\"userId\":null,\"setInboxStatus\":null}"))
                .isEqualTo(new SendMessageBody("Hi", null, "+14155550101", null, null));
    }

    @Test
    void reportsEveryFieldErrorAtOnce() {
        assertFieldErrors(() -> SendMessageBody.forSend("{\"content\":\" \",\"from\":\"x\",\"to\":[\"y\"],\"setInboxStatus\":1}"),
                "content", "from", "to[0]", "setInboxStatus");
    }

    @Test
    void theCanonicalFormIgnoresOrderSpacingAndUnknownFields() {
        SendMessageBody a = SendMessageBody.forSend("{\"content\":\"Hi \uD83D\uDE00\",\"from\":\"+14155550100\",\"to\":[\"+14155550101\"]}");
        SendMessageBody b = SendMessageBody.forSend(
                "{ \"to\" : [\"+14155550101\"], \"extra\": true, \"from\":\"+14155550100\", \"content\":\"Hi \\ud83d\\ude00\" }");

        assertThat(a.canonical()).isEqualTo(b.canonical())
                .isEqualTo("[\"Hi \uD83D\uDE00\",\"+14155550100\",\"+14155550101\",null,null]");
    }

    @Test
    void theCanonicalFormSeparatesDifferentBodies() {
        SendMessageBody plain = new SendMessageBody("a", null, "+14155550101", null, null);

        assertThat(plain.canonical())
                .isNotEqualTo(new SendMessageBody("a", null, "+14155550101", null, "done").canonical())
                .isNotEqualTo(new SendMessageBody("a ", null, "+14155550101", null, null).canonical())
                .isNotEqualTo(new SendMessageBody("a\",null,\"x", null, "+14155550101", null, null).canonical());
    }

    private static String quote(String contentJson) {
        return "{\"content\":\"" + contentJson + "\",\"to\":[\"+14155550101\"]}";
    }

    private static void assertFieldErrors(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String... paths) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
            assertThat(e.errors()).extracting(FieldError::path).containsExactly(paths);
        });
    }
}
