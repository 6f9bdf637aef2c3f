package dev.smsbilling.http.message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smsbilling.http.ApiException;
import dev.smsbilling.http.ErrorCode;
import dev.smsbilling.http.FieldError;
import dev.smsbilling.http.Json;
import dev.smsbilling.http.JsonBody;
import dev.smsbilling.http.Validation;
import dev.smsbilling.pricing.MessageContent;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The body of {@code POST /v1/messages} (OpenPhone's shape) and of the quote, validated.
 *
 * <p>{@code to} is checked only for an E.164 shape here; whether the number really exists in a
 * numbering plan, and in which country, is the pricing jar's call. Unknown fields are ignored;
 * an optional field sent as JSON {@code null} counts as absent.
 *
 * @param content        the text, exactly as sent (never rewritten)
 * @param from           an E.164 number or a {@code PN...} phone-number id; null only in a quote
 * @param to             the one recipient
 * @param userId         OpenPhone's {@code US...} user id, or null
 * @param setInboxStatus {@code "done"} or null
 */
public record SendMessageBody(String content, String from, String to, String userId, String setInboxStatus) {

    private static final List<String> MEDIA_FIELDS = List.of("media", "mediaUrls", "attachments");
    private static final Pattern E164 = Pattern.compile("\\+[0-9]{8,15}");
    private static final Pattern PHONE_NUMBER_ID = Pattern.compile("PN[A-Za-z0-9]{1,62}");
    private static final Pattern USER_ID = Pattern.compile("US[A-Za-z0-9]{1,62}");
    private static final String E164_RULE = "must be an E.164 number: + followed by 8 to 15 digits, such as +14155550100";

    /** A send: {@code from} is required. */
    public static SendMessageBody forSend(String json) {
        return parse(json, true);
    }

    /** A quote: {@code from} may be left out, since it does not change the price. */
    public static SendMessageBody forQuote(String json) {
        return parse(json, false);
    }

    /**
     * The meaningful fields as one stable string, for the idempotency hash: a JSON array in a
     * fixed order with explicit nulls, so no two different bodies share a form and field order,
     * whitespace and unknown fields in the request do not change it.
     */
    public String canonical() {
        List<String> fields = new ArrayList<>(5);
        fields.add(content);
        fields.add(from);
        fields.add(to);
        fields.add(userId);
        fields.add(setInboxStatus);
        try {
            return Json.writer().writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The recipients as OpenPhone lists them. */
    public List<String> toList() {
        return List.of(to);
    }

    private static SendMessageBody parse(String json, boolean fromRequired) {
        ObjectNode body = JsonBody.parseObject(json);
        rejectMedia(body);
        Validation v = new Validation();
        String content = v.requiredString(body.get("content"), "content");
        String contentProblem = content == null ? null : MessageContent.problem(content);
        if (contentProblem != null) {
            v.reject("content", contentProblem);
        }
        String from = fromRequired
                ? v.requiredString(body.get("from"), "from")
                : v.optionalString(body.get("from"), "from");
        if (from != null && !E164.matcher(from).matches() && !PHONE_NUMBER_ID.matcher(from).matches()) {
            v.reject("from", "must be an E.164 number (such as +14155550100) or a phone number id (PN...)");
        }
        String to = recipient(body.get("to"), v);
        String userId = v.optionalString(body.get("userId"), "userId");
        if (userId != null && !USER_ID.matcher(userId).matches()) {
            v.reject("userId", "must be a user id: US followed by letters and digits");
        }
        String inboxStatus = v.optionalString(body.get("setInboxStatus"), "setInboxStatus");
        if (inboxStatus != null && !inboxStatus.equals("done")) {
            v.reject("setInboxStatus", "must be \"done\" when present");
        }
        v.throwIfInvalid();
        return new SendMessageBody(content, from, to, userId, inboxStatus);
    }

    /** Any media field, whatever its value, means the client wants MMS: say so plainly. */
    private static void rejectMedia(ObjectNode body) {
        List<FieldError> present = new ArrayList<>();
        for (String field : MEDIA_FIELDS) {
            if (body.has(field)) {
                present.add(new FieldError(field, "MMS is not supported; only text messages can be sent"));
            }
        }
        if (!present.isEmpty()) {
            throw new ApiException(ErrorCode.MMS_NOT_SUPPORTED).withErrors(present);
        }
    }

    private static String recipient(JsonNode to, Validation v) {
        if (to == null || to.isNull()) {
            v.reject("to", "is required: an array with one phone number, such as [\"+14155550100\"]");
            return null;
        }
        if (to.isTextual()) {
            v.reject("to", "must be an array with one phone number, such as [\"+14155550100\"], not a bare string");
            return null;
        }
        if (!to.isArray()) {
            v.reject("to", "must be an array with one phone number, such as [\"+14155550100\"]");
            return null;
        }
        if (to.size() != 1) {
            v.reject("to", "must contain exactly one recipient, not " + to.size());
            return null;
        }
        String number = v.requiredString(to.get(0), "to[0]");
        if (number != null && !E164.matcher(number).matches()) {
            v.reject("to[0]", E164_RULE);
            return null;
        }
        return number;
    }
}
